"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startGenerateRunAction } from "../actions";

const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const label = "flex flex-col text-xs text-slate-600";

export function GenerateForm({ slug, languages, defaultModel }: { slug: string; languages: string[]; defaultModel: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      aria-label="Start a generate run"
      className="flex flex-wrap items-end gap-4"
      action={(form) =>
        start(async () => {
          const text = (k: string) => String(form.get(k) ?? "");
          const result = await startGenerateRunAction({
            slug,
            model: text("model"),
            samples: text("samples"),
            languages: form.getAll("languages").map(String),
            temperature: text("temperature"),
            topP: text("topP"),
            maxTokens: text("maxTokens"),
            seed: text("seed"),
            systemPrompt: text("systemPrompt"),
            concurrency: text("concurrency"),
            rpm: text("rpm"),
            translateMissing: form.get("translateMissing") === "on",
          });
          if (!result.ok) return setError(result.error);
          setError(null);
          router.refresh();
        })
      }
    >
      <label className={label}>
        Model
        <input name="model" defaultValue={defaultModel} required className={`${field} w-64`} />
      </label>
      <label className={label}>
        Samples (K)
        <input name="samples" type="number" min="1" max="64" defaultValue="4" className={`${field} w-20`} />
      </label>
      <fieldset className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <legend className="mb-1">Languages (none checked: all)</legend>
        {languages.map((l) => (
          <label key={l} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="languages" value={l} /> {l}
          </label>
        ))}
      </fieldset>
      <label className={label}>
        Temperature
        <input name="temperature" type="number" step="0.05" min="0" max="2" defaultValue="0.9" className={`${field} w-20`} />
      </label>
      <label className={label}>
        Top-p
        <input name="topP" type="number" step="0.01" min="0.01" max="1" defaultValue="0.95" className={`${field} w-20`} />
      </label>
      <label className={label}>
        Max tokens
        <input name="maxTokens" type="number" min="1" defaultValue="1024" className={`${field} w-24`} />
      </label>
      <label className={label}>
        Seed
        <input name="seed" type="number" min="0" defaultValue="0" className={`${field} w-20`} />
      </label>
      <label className={label}>
        Concurrency
        <input name="concurrency" type="number" min="1" max="256" defaultValue="8" className={`${field} w-20`} />
      </label>
      <label className={label}>
        Requests / minute (0 = no limit)
        <input name="rpm" type="number" min="0" defaultValue="0" className={`${field} w-24`} />
      </label>
      <label className={`${label} w-full`}>
        System prompt (optional)
        <textarea name="systemPrompt" rows={2} className={field} />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input name="translateMissing" type="checkbox" /> Machine-translate missing prompts first
      </label>
      <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Starting…" : "Start generate run"}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
