"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { KeyButton } from "@/components/review/key-button";
import { type Notice, QueueNotice } from "@/components/review/queue-notice";
import { LeaseTimer } from "@/components/review/lease-timer";
import { type VoteChoice, votedText } from "@/components/review/queue-wording";
import { ShortcutCheatsheet, VOTE_SHORTCUTS } from "@/components/review/shortcut-cheatsheet";
import { VoteCard } from "@/components/review/vote-card";
import type { QueuedPair } from "@/lib/review/vote-queue";
import { claimNextAction, heartbeatAction, voteAction } from "../actions";
import { useLease } from "./use-lease";
import { useShortcutKeys } from "./use-review-keys";

type Props = {
  slug: string;
  /** The languages this reviewer may pick (theirs within the dataset's). */
  languages: string[];
  votesPerPair: number;
  blind: boolean;
};

type State =
  | { kind: "claiming" }
  | { kind: "pair"; leased: QueuedPair; deadline: number; leaseMs: number }
  | { kind: "empty" }
  | { kind: "expired"; text: string };

/**
 * The team-review queue: the reviewer's next pair under a lease, a vote by key or button, then the
 * next pair. The lease counts down on screen and is kept by heartbeats while the reviewer works.
 */
export function VoteQueue({ slug, languages, votesPerPair, blind }: Props) {
  const [state, setState] = useState<State>({ kind: "claiming" });
  const [lang, setLang] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);
  const [reason, setReason] = useState("");
  const [voted, setVoted] = useState(0);
  const passOver = useRef<number[]>([]);
  const reasonField = useRef<HTMLInputElement>(null);
  const leased = state.kind === "pair" ? state.leased : null;

  const claim = useCallback(
    async (pickLang: string | null) => {
      setBusy(true);
      setState({ kind: "claiming" });
      try {
        const r = await claimNextAction({ slug, lang: pickLang, passOver: passOver.current.slice(-500) });
        if (!r.ok) return setNotice({ kind: "error", text: r.error });
        if (r.data === null) return setState({ kind: "empty" });
        const leaseMs = r.data.lease.expiresInMs;
        setState({ kind: "pair", leased: r.data, deadline: Date.now() + leaseMs, leaseMs });
      } finally {
        setBusy(false);
      }
    },
    [slug],
  );

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void claim(null);
  }, [claim]);

  const expire = useCallback((text: string) => setState({ kind: "expired", text }), []);

  useLease({
    leaseId: leased?.lease.id ?? null,
    leaseMs: state.kind === "pair" ? state.leaseMs : 0,
    heartbeat: async (leaseId) => {
      const r = await heartbeatAction({ slug, leaseId });
      if (!r.ok) return;
      if ("expired" in r.data) return expire(r.data.expired);
      const { expiresInMs } = r.data;
      setState((s) => (s.kind === "pair" && s.leased.lease.id === leaseId ? { ...s, deadline: Date.now() + expiresInMs } : s));
    },
  });

  async function vote(choice: VoteChoice) {
    if (!leased || busy) return;
    const { pair } = leased;
    const preferred = choice === "a" ? pair.a.responseId : choice === "b" ? pair.b.responseId : choice;
    const trimmed = reason.trim();
    setBusy(true);
    try {
      const r = await voteAction({
        slug,
        pairId: pair.id,
        vote: { leaseId: leased.lease.id, preferred, ...(trimmed ? { reason: trimmed } : {}) },
      });
      if (!r.ok) return setNotice({ kind: "error", text: r.error });
      if ("expired" in r.data) return expire(r.data.expired);
      setNotice({ kind: "ok", text: votedText(choice, pair, r.data, votesPerPair) });
      setReason("");
      setVoted((n) => n + 1);
    } finally {
      setBusy(false);
    }
    await claim(lang);
  }

  function skip() {
    if (busy) return;
    if (leased) passOver.current.push(leased.pair.id);
    setNotice(leased ? { kind: "ok", text: `Skipped pair ${leased.pair.id}; it went back to the queue for others.` } : null);
    void claim(lang);
  }

  useShortcutKeys((key) => {
    const run: Record<string, () => void> = {
      a: () => void vote("a"),
      b: () => void vote("b"),
      t: () => void vote("tie"),
      x: () => void vote("both_bad"),
      n: () => reasonField.current?.focus(),
      j: skip,
      "?": () => setHelp((h) => !h),
    };
    const action = leased ? run[key] : key === "j" || key === "?" ? run[key] : undefined;
    action?.();
    return action !== undefined;
  });

  // Marks the queue as listening for keys (tests and impatient reviewers wait for hydration).
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.setAttribute("data-keys-ready", "true"), []);

  const noPair = state.kind !== "pair";
  return (
    <div ref={root} className="space-y-3" aria-busy={busy} data-testid="vote-queue">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <span data-testid="queue-plan">
          Team review: {votesPerPair} vote{votesPerPair === 1 ? "" : "s"} per pair{blind ? ", blind" : ""}
        </span>
        <span data-testid="votes-cast">
          {voted} vote{voted === 1 ? "" : "s"} cast here
        </span>
        {state.kind === "pair" && (
          <LeaseTimer
            key={state.leased.lease.id}
            deadline={state.deadline}
            onExpire={() => expire(`Your lease on pair ${state.leased.pair.id} ran out; the pair went back to the queue.`)}
          />
        )}
        {languages.length > 1 && (
          <label className="flex items-center gap-1">
            Language
            <select
              value={lang ?? ""}
              onChange={(e) => {
                const next = e.target.value || null;
                setLang(next);
                void claim(next);
              }}
              className="rounded border border-slate-300 px-1 py-0.5"
            >
              <option value="">all of mine ({languages.join(", ")})</option>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="text-slate-500">
          Press <kbd className="font-mono">?</kbd> for shortcuts
        </span>
      </div>
      <QueueNotice notice={notice} />
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Vote">
        <KeyButton label="Prefer A" shortcut="a" tone="primary" onClick={() => void vote("a")} disabled={busy || noPair} />
        <KeyButton label="Prefer B" shortcut="b" tone="primary" onClick={() => void vote("b")} disabled={busy || noPair} />
        <KeyButton label="Tie" shortcut="t" onClick={() => void vote("tie")} disabled={busy || noPair} />
        <KeyButton label="Both bad" shortcut="x" tone="danger" onClick={() => void vote("both_bad")} disabled={busy || noPair} />
        <span className="mx-1 h-5 w-px bg-slate-300" aria-hidden />
        <KeyButton label={noPair ? "Take the next pair" : "Skip"} shortcut="j" onClick={skip} disabled={busy} />
        <KeyButton label="Shortcuts" shortcut="?" onClick={() => setHelp((h) => !h)} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <span>
          Reason <span className="text-slate-500">(optional, sent with your vote; </span>
          <kbd className="font-mono text-xs">n</kbd>
          <span className="text-slate-500">)</span>
        </span>
        <input
          ref={reasonField}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === "Escape") e.currentTarget.blur();
          }}
          maxLength={500}
          disabled={noPair}
          aria-label="Reason"
          className="flex-1 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      {state.kind === "pair" && <VoteCard leased={state.leased} />}
      {state.kind === "claiming" && <p className="text-slate-500">Taking the next pair…</p>}
      {state.kind === "empty" && (
        <p className="rounded bg-white p-6 text-center text-slate-600 shadow-sm" data-testid="queue-empty">
          Nothing left for you{lang ? ` in ${lang}` : ""}: every pair in your languages has its votes, your vote, or another reviewer on it.
          Press <kbd className="font-mono">j</kbd> to look again.
        </p>
      )}
      {state.kind === "expired" && (
        <div role="alert" className="rounded bg-amber-100 p-3 text-sm text-amber-900" data-testid="lease-expired">
          {state.text} Press <kbd className="font-mono">j</kbd> or “Take the next pair” to go on.
        </div>
      )}
      {help && <ShortcutCheatsheet shortcuts={VOTE_SHORTCUTS} onClose={() => setHelp(false)} />}
    </div>
  );
}
