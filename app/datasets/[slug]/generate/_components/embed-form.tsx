"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startEmbedRunAction } from "../actions";

export function EmbedForm({ slug, defaultModel }: { slug: string; defaultModel: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      aria-label="Start an embed run"
      className="flex flex-wrap items-end gap-4"
      action={(form) =>
        start(async () => {
          const result = await startEmbedRunAction({ slug, model: String(form.get("model") ?? "") });
          if (!result.ok) return setError(result.error);
          setError(null);
          router.refresh();
        })
      }
    >
      <label className="flex flex-col text-xs text-slate-600">
        Embedding model
        <input name="model" defaultValue={defaultModel} className="w-72 rounded border border-slate-300 bg-white px-2 py-1 text-sm" />
      </label>
      <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Starting…" : "Start embed run"}
      </button>
      <p className="text-xs text-slate-600">Only texts without a vector for this model are sent.</p>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
