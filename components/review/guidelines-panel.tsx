"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MarkdownBody } from "@/components/model-output/render-markdown";
import type { ActionResult } from "@/lib/action";

type Props = {
  guidelines: string;
  lang: string;
  /** Absent for roles that may not edit: the panel is read-only. */
  save?: (guidelines: string) => Promise<ActionResult<{ guidelines: string }>>;
};

/** The dataset's review guidelines: markdown rendered sanitized (no HTML runs), editable in place. */
export function GuidelinesPanel({ guidelines, lang, save }: Props) {
  const router = useRouter();
  const [text, setText] = useState(guidelines);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (draft === null || !save) return;
    setSaving(true);
    try {
      const r = await save(draft);
      if (!r.ok) return setError(r.error);
      setError(null);
      setText(r.data.guidelines);
      setDraft(null);
      router.refresh();
    } finally {
      setSaving(false);
    }
  }

  const button = "rounded border border-slate-300 px-3 py-1 hover:bg-white disabled:opacity-50";
  return (
    <details className="rounded bg-amber-50 p-3 text-sm" open={text === "" ? undefined : true} aria-label="Review guidelines">
      <summary className="cursor-pointer font-medium">Review guidelines</summary>
      {draft === null ? (
        <div className="mt-2 space-y-2">
          {text === "" ? (
            <p className="italic text-slate-500">No guidelines for this dataset yet.</p>
          ) : (
            <div data-testid="guidelines-body">
              <MarkdownBody text={text} lang={lang} />
            </div>
          )}
          {save && (
            <button type="button" className={button} onClick={() => setDraft(text)}>
              Edit guidelines
            </button>
          )}
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="mt-2 space-y-2">
          <label className="flex flex-col gap-1">
            Guidelines (markdown)
            <textarea
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              rows={10}
              className="rounded border border-slate-300 bg-white p-2 font-mono text-xs"
            />
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={saving} className="rounded bg-indigo-600 px-3 py-1 text-white disabled:opacity-50">
              Save guidelines
            </button>
            <button
              type="button"
              className={button}
              onClick={() => {
                setDraft(null);
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      )}
    </details>
  );
}
