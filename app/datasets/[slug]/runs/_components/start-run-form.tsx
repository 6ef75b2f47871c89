"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startSelectRunAction } from "../actions";

const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** `groupsWithGold`: the gold reference (an upper bound to compare with) needs gold answers. */
/** A number from 0 to 1 with its meaning in the tooltip. */
function ShareField({
  label,
  name,
  step,
  defaultValue,
  title,
}: {
  label: string;
  name: string;
  step: string;
  defaultValue: string;
  title: string;
}) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {label}
      <input name={name} type="number" step={step} min="0" max="1" defaultValue={defaultValue} title={title} className={`${field} w-24`} />
    </label>
  );
}

export function StartRunForm({ slug, groupsWithGold }: { slug: string; groupsWithGold: number }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      aria-label="Start a select run"
      className="flex flex-wrap items-end gap-4"
      action={(form) =>
        start(async () => {
          const result = await startSelectRunAction({
            slug,
            ...Object.fromEntries(form),
            languageGuard: form.get("languageGuard") === "on",
            keepReasoning: form.get("keepReasoning") === "on",
          });
          if (!result.ok) return setError(result.error);
          setError(null);
          router.push(`/datasets/${slug}/runs/${result.data.runId}`);
        })
      }
    >
      <label className="flex flex-col text-xs text-slate-600">
        Scorer
        <select name="scorer" defaultValue="auto" className={field}>
          <option value="auto">auto (answer with gold, else embedding/lexical)</option>
          <option value="embedding">embedding (cosine)</option>
          <option value="answer">answer agreement</option>
          <option value="lexical">lexical (chrF; same-script languages only)</option>
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        Reference
        <select name="reference" defaultValue="consistency" className={field}>
          <option value="consistency">most consistent English sample</option>
          <option value="first">first sample (baseline)</option>
          <option value="random">random sample (baseline)</option>
          <option value="gold" disabled={groupsWithGold === 0}>
            {groupsWithGold === 0 ? "gold answer (upper bound; needs gold answers)" : "sample with the gold answer (upper bound)"}
          </option>
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        Pairs
        <select name="pairs" defaultValue="consistency" className={field}>
          <option value="consistency">max / min consistency</option>
          <option value="random">random (baseline)</option>
        </select>
      </label>
      <ShareField
        label="Minimum margin (0 keeps all)"
        name="margin"
        step="0.01"
        defaultValue="0"
        title="Score pairs whose CL(chosen) − CL(rejected) is below this are skipped; 0 keeps every pair of different texts. Language-guard pairs are never filtered."
      />
      <label className="flex flex-col text-xs text-slate-600">
        Seed
        <input name="seed" type="number" min="0" defaultValue="0" className={`${field} w-20`} />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input name="languageGuard" type="checkbox" defaultChecked /> Language guard
      </label>
      <ShareField
        label="Mixed below (share in its language)"
        name="minTargetShare"
        step="0.05"
        defaultValue="0.8"
        title="With the language guard on, a response with a smaller share of its letters in its own language (read over the whole text) is mixed: never chosen, never the reference, rejected after off-target ones."
      />
      <label
        className="flex items-center gap-2 text-sm"
        title="Score, detect languages and extract answers on the whole text, <think> reasoning traces included"
      >
        <input name="keepReasoning" type="checkbox" /> Keep reasoning traces
      </label>
      <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Starting…" : "Start select run"}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
