"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ProviderSettingsView } from "@/lib/llm/providers/settings";
import { saveSettingsAction } from "../actions";

const field = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const label = "flex flex-col gap-1 text-xs text-slate-600";

export function SettingsForm({ view }: { view: ProviderSettingsView }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const keyHint = view.apiKeyMasked ? `stored (${view.apiKeyMasked}, from ${view.apiKeySource}); leave empty to keep it` : "no key stored";
  return (
    <form
      aria-label="Provider settings"
      className="grid gap-3 sm:grid-cols-2"
      action={(form) =>
        start(async () => {
          const result = await saveSettingsAction({
            baseUrl: String(form.get("baseUrl") ?? ""),
            apiKey: String(form.get("apiKey") ?? ""),
            clearApiKey: form.get("clearApiKey") === "on",
            generationModel: String(form.get("generationModel") ?? ""),
            embeddingModel: String(form.get("embeddingModel") ?? ""),
          });
          setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.error });
          if (result.ok) router.refresh();
        })
      }
    >
      <label className={`${label} sm:col-span-2`}>
        Base URL
        <input name="baseUrl" type="url" placeholder="http://127.0.0.1:8000/v1" defaultValue={view.baseUrl ?? ""} className={field} />
      </label>
      <label className={`${label} sm:col-span-2`}>
        API key
        <input name="apiKey" type="password" autoComplete="off" placeholder={keyHint} className={field} data-testid="api-key-input" />
      </label>
      <p className="text-xs text-slate-600 sm:col-span-2" data-testid="api-key-status">
        Key: {view.apiKeyMasked ?? "none"}
        {view.apiKeyMasked && (
          <label className="ml-4 inline-flex items-center gap-1">
            <input name="clearApiKey" type="checkbox" /> remove the stored key
          </label>
        )}
      </p>
      <label className={label}>
        Generation model
        <input
          name="generationModel"
          placeholder="e.g. Qwen/Qwen2.5-7B-Instruct"
          defaultValue={view.generationModel ?? ""}
          className={field}
        />
      </label>
      <label className={label}>
        Embedding model
        <input
          name="embeddingModel"
          placeholder="e.g. Alibaba-NLP/gte-multilingual-base"
          defaultValue={view.embeddingModel ?? ""}
          className={field}
        />
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Saving…" : "Save settings"}
        </button>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
