"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import { editReferenceAction, pickReferenceAction, undoCorrectionAction } from "../actions";

type Result = ActionResult<{ correctionId: number }>;

function useCorrection() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (call: () => Promise<Result>, onDone?: () => void) =>
    start(async () => {
      setError(null);
      const result = await call();
      if (!result.ok) return setError(result.error);
      onDone?.();
      router.refresh();
    });
  return { pending, error, run };
}

const ERROR = "text-xs text-red-700";

export function MakeReferenceButton({
  slug,
  groupId,
  responseId,
  sampleIndex,
}: {
  slug: string;
  groupId: number;
  responseId: number;
  sampleIndex: number;
}) {
  const { pending, error, run } = useCorrection();
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        className="rounded border border-indigo-300 px-2 py-0.5 text-xs text-indigo-700 hover:bg-indigo-50 disabled:opacity-50"
        onClick={() => run(() => pickReferenceAction({ slug, groupId, responseId }))}
      >
        {pending ? "Recomputing…" : `Make sample ${sampleIndex} the reference`}
      </button>
      {error && (
        <span role="alert" className={`ml-2 ${ERROR}`}>
          {error}
        </span>
      )}
    </span>
  );
}

export function UndoCorrectionButton({ slug, groupId, correctionId }: { slug: string; groupId: number; correctionId: number }) {
  const { pending, error, run } = useCorrection();
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
        onClick={() => run(() => undoCorrectionAction({ slug, groupId, correctionId }))}
      >
        {pending ? "Undoing…" : "Undo this correction"}
      </button>
      {error && (
        <span role="alert" className={`ml-2 ${ERROR}`}>
          {error}
        </span>
      )}
    </span>
  );
}

export function EditReferenceForm({ slug, groupId, text, lang }: { slug: string; groupId: number; text: string; lang: string }) {
  const { pending, error, run } = useCorrection();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(text);
  const [reason, setReason] = useState("");
  if (!open) {
    return (
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
        onClick={() => setOpen(true)}
      >
        Edit the reference text
      </button>
    );
  }
  return (
    <form
      className="space-y-2"
      aria-label="Edit the reference"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => editReferenceAction({ slug, groupId, text: draft, reason }),
          () => setOpen(false),
        );
      }}
    >
      <textarea
        lang={lang}
        dir="auto"
        aria-label="Reference text"
        className="h-48 w-full rounded border border-slate-300 p-2 font-mono text-sm"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <input
        aria-label="Reason"
        placeholder="Reason (optional)"
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="flex items-center gap-2">
        <button type="submit" disabled={pending} className="rounded bg-indigo-600 px-3 py-1 text-sm text-white disabled:opacity-50">
          {pending ? "Recomputing…" : "Save as reference"}
        </button>
        <button type="button" className="text-sm text-slate-600" onClick={() => setOpen(false)}>
          Cancel
        </button>
        {error && (
          <span role="alert" className={ERROR}>
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
