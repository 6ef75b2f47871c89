"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { REASON_MAX_CHARS } from "@/lib/pairs/schemas";
import { adjudicateAction } from "../../actions";

type Props = { slug: string; pairId: number; chosenId: number; rejectedId: number };

/** The adjudicator's verdict on one disputed pair: A, B, tie or both bad, with a reason. */
export function VerdictForm({ slug, pairId, chosenId, rejectedId }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const options = [
    { value: String(chosenId), label: "A is better" },
    { value: String(rejectedId), label: "B is better" },
    { value: "tie", label: "Tie" },
    { value: "both_bad", label: "Both bad" },
  ];
  return (
    <form
      aria-label={`Verdict on pair ${pairId}`}
      className="flex flex-wrap items-end gap-4 border-t border-slate-100 pt-3"
      action={(form) =>
        start(async () => {
          const preferred = String(form.get("preferred") ?? "");
          const result = await adjudicateAction({
            slug,
            pairId,
            preferred: /^\d+$/.test(preferred) ? Number(preferred) : preferred,
            reason: String(form.get("reason") ?? ""),
          });
          if (!result.ok) return setError(result.error);
          setError(null);
          router.refresh();
        })
      }
    >
      <fieldset className="flex gap-3 text-sm">
        <legend className="mb-1 text-xs text-slate-600">Verdict</legend>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1">
            <input type="radio" name="preferred" value={o.value} required /> {o.label}
          </label>
        ))}
      </fieldset>
      <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs text-slate-600">
        Reason (recorded with the verdict)
        <input name="reason" required maxLength={REASON_MAX_CHARS} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm" />
      </label>
      <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Settling…" : "Settle pair"}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
