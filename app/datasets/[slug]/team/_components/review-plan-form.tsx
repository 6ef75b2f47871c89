"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { REVIEW_ORDERS, type ReviewPlan } from "@/lib/review/schemas";
import { setReviewPlanAction } from "../actions";
import { ORDER_HELP } from "./plan-help";

const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const label = "flex flex-col gap-1 text-xs text-slate-600";

/** The admin's form for a dataset's review plan (votes per pair, order, blind mode, lease minutes). */
export function ReviewPlanForm({ slug, plan }: { slug: string; plan: ReviewPlan }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      aria-label="Edit review plan"
      className="flex flex-wrap items-end gap-4"
      action={(form) =>
        start(async () => {
          const result = await setReviewPlanAction({
            slug,
            votesPerPair: Number(form.get("votesPerPair")),
            order: String(form.get("order")),
            blind: form.get("blind") === "on",
            leaseMinutes: Number(form.get("leaseMinutes")),
          });
          setMessage(
            result.ok ? { ok: true, text: "Plan saved; the queue follows it from the next pair." } : { ok: false, text: result.error },
          );
          if (result.ok) router.refresh();
        })
      }
    >
      <label className={label}>
        Votes per pair (1–5)
        <input
          name="votesPerPair"
          type="number"
          min={1}
          max={5}
          step={1}
          required
          defaultValue={plan.votesPerPair}
          className={`${field} w-20`}
        />
      </label>
      <label className={label}>
        Order
        <select name="order" defaultValue={plan.order} className={field}>
          {REVIEW_ORDERS.map((o) => (
            <option key={o} value={o}>
              {o} — {ORDER_HELP[o]}
            </option>
          ))}
        </select>
      </label>
      <label
        className="flex items-center gap-2 text-sm"
        title="Reviewers see no chosen/rejected labels, scores or run; sides are shuffled per reviewer"
      >
        <input name="blind" type="checkbox" defaultChecked={plan.blind} /> Blind
      </label>
      <label className={label}>
        Lease minutes (1–120)
        <input
          name="leaseMinutes"
          type="number"
          min={1}
          max={120}
          step={1}
          required
          defaultValue={plan.leaseMinutes}
          className={`${field} w-20`}
        />
      </label>
      <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Saving…" : "Save plan"}
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`w-full text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
