"use client";

import { useEffect, useRef, useState } from "react";
import { KeyButton } from "@/components/review/key-button";
import { type Notice, QueueNotice } from "@/components/review/queue-notice";
import { PairCard } from "@/components/review/pair-card";
import { undoneText } from "@/components/review/queue-wording";
import { ShortcutCheatsheet } from "@/components/review/shortcut-cheatsheet";
import type { ActionResult } from "@/lib/action";
import type { PairDetail } from "@/lib/pairs/detail";
import type { ReviewOutcome } from "@/lib/pairs/review";
import type { TDecide } from "@/lib/pairs/schemas";
import { decideAction, undoAction } from "../actions";
import { FlagForm } from "./flag-form";
import { HistoryPanel } from "./history-panel";
import { pickPair } from "./pick-pair";
import { useAtInUrl, usePairQueue } from "./use-pair-queue";
import { type KeyCommands, useReviewKeys } from "./use-review-keys";

type Props = {
  slug: string;
  query: string;
  initialIds: number[];
  initialNext: string | null;
  initialDetails: Record<number, PairDetail>;
  startIndex: number;
  /** How many pairs match the filter (a count query; the ids arrive page by page). */
  total: number;
  /** The signed-in reviewer as the history names authors, so an undo can say "your". */
  me: string;
};

export function ReviewQueue({ slug, query, initialIds, initialNext, initialDetails, startIndex, total, me }: Props) {
  const queue = usePairQueue({ slug, query, initialIds, initialNext, initialDetails });
  const { ids, details, prefetchAround } = queue;
  const [index, setIndex] = useState(startIndex);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [help, setHelp] = useState(false);
  const [flagging, setFlagging] = useState(false);
  const mine = useRef<{ pairId: number; decisionId: number }[]>([]);
  const pairId = ids[index];
  const detail = pairId === undefined ? undefined : details[pairId];

  useEffect(() => prefetchAround(index), [index, prefetchAround]);
  useAtInUrl(pairId);

  const move = (delta: number) => {
    setFlagging(false);
    const to = index + delta;
    if (to < 0) return setNotice({ kind: "ok", text: "This is the first pair of the queue." });
    if (to >= ids.length) return setNotice({ kind: "ok", text: queue.hasMore() ? "Loading more pairs…" : "End of the queue." });
    setNotice(null);
    setIndex(to);
  };

  async function apply(
    call: () => Promise<ActionResult<ReviewOutcome>>,
    done: string,
  ): Promise<Extract<ReviewOutcome, { applied: true }> | null> {
    if (busy) return null;
    setBusy(true);
    try {
      const r = await call();
      if (!r.ok) return (setNotice({ kind: "error", text: r.error }), null);
      queue.put(r.data.detail);
      if (!r.data.applied) return (setNotice({ kind: "conflict", text: r.data.conflict }), null);
      setNotice({ kind: "ok", text: done });
      return r.data;
    } finally {
      setBusy(false);
    }
  }

  async function decide(decision: TDecide["decision"], advance: boolean) {
    if (!detail) return;
    const { pair } = detail;
    const out = await apply(
      () => decideAction({ slug, input: { pairId: pair.id, expectedVersion: pair.version, decision } }),
      `${decision.action} saved for ${pair.externalId} / ${pair.language}`,
    );
    if (!out) return;
    mine.current.push({ pairId: pair.id, decisionId: out.decisionId });
    if (advance && index + 1 < ids.length) setIndex(index + 1);
  }

  async function undo(target?: { pairId: number; decisionId: number }) {
    const t = target ?? mine.current.pop() ?? latestOf(detail);
    if (!t) return setNotice({ kind: "ok", text: "Nothing to undo on this pair." });
    const at = ids.indexOf(t.pairId);
    if (at >= 0) setIndex(at);
    const shown = details[t.pairId];
    const entry = shown?.history.find((h) => h.id === t.decisionId);
    if (!shown || !entry) return;
    const done = undoneText(entry, shown.pair, entry.author === me);
    await apply(() => undoAction({ slug, input: { ...t, expectedVersion: shown.pair.version } }), done);
  }

  const commands: KeyCommands = {
    accept: () => void decide({ action: "accept" }, true),
    swap: () => void decide({ action: "swap" }, true),
    reject: () => void decide({ action: "reject" }, true),
    choose: (side, n) => {
      if (!detail) return;
      const picked = pickPair(detail, side, n);
      if (typeof picked === "string") return setNotice({ kind: "error", text: picked });
      void decide({ action: "choose", ...picked }, true);
    },
    flag: () => setFlagging(true),
    undo: () => void undo(),
    next: () => move(1),
    prev: () => move(-1),
    toggleHelp: () => setHelp((h) => !h),
    escape: () => {
      setHelp(false);
      setFlagging(false);
    },
  };
  const pending = useReviewKeys(commands);

  // Marks the queue as listening for keys (tests and impatient reviewers wait for hydration).
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.setAttribute("data-keys-ready", "true"), []);

  const sampleOf = (id: number | null) => {
    const c = detail?.candidates.find((x) => x.id === id);
    return c === undefined ? "–" : `sample ${c.sampleIndex}`;
  };

  return (
    <div ref={root} className="space-y-3" aria-busy={busy}>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <span data-testid="queue-position">
          Pair {index + 1} of {Math.max(total, ids.length)}
        </span>
        {pending && <span className="rounded bg-indigo-100 px-2">{pending === "c" ? "chosen" : "rejected"}: press a candidate number</span>}
        <span className="text-slate-500">
          Press <kbd className="font-mono">?</kbd> for shortcuts
        </span>
      </div>
      <QueueNotice notice={notice} />
      {flagging && detail && (
        <FlagForm
          onCancel={() => setFlagging(false)}
          onSubmit={(reason) => {
            setFlagging(false);
            void decide({ action: "flag", reason }, false);
          }}
        />
      )}
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Review actions">
        <KeyButton label="Previous" shortcut="k" onClick={commands.prev} disabled={index === 0} />
        <KeyButton label="Next" shortcut="j" onClick={commands.next} />
        <span className="mx-1 h-5 w-px bg-slate-300" aria-hidden />
        <KeyButton label="Accept" shortcut="a" tone="primary" onClick={commands.accept} disabled={busy || !detail} />
        <KeyButton label="Swap" shortcut="s" onClick={commands.swap} disabled={busy || !detail} />
        <KeyButton label="Reject" shortcut="r" tone="danger" onClick={commands.reject} disabled={busy || !detail} />
        <KeyButton label="Flag" shortcut="f" onClick={commands.flag} disabled={busy || !detail} />
        <KeyButton label="Undo" shortcut="u" onClick={commands.undo} disabled={busy} />
        <KeyButton label="Shortcuts" shortcut="?" onClick={commands.toggleHelp} />
      </div>
      {detail ? (
        <>
          <PairCard detail={detail} slug={slug} />
          <HistoryPanel
            history={detail.history}
            sampleOf={sampleOf}
            busy={busy}
            onUndo={(decisionId) => void undo({ pairId: detail.pair.id, decisionId })}
          />
        </>
      ) : (
        <p className="text-slate-500">Loading pair…</p>
      )}
      {help && <ShortcutCheatsheet onClose={() => setHelp(false)} />}
    </div>
  );
}

function latestOf(detail: PairDetail | undefined) {
  const h = detail?.history.find((e) => e.undoneBy === null && e.action !== "undo");
  return detail && h ? { pairId: detail.pair.id, decisionId: h.id } : undefined;
}
