"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { CONSENSUS_VALUES } from "@/lib/pairs/constants";
import { createExportAction } from "../actions";

const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const label = "flex flex-col text-xs text-slate-600";

export type ExportFormDefaults = Record<string, string>;

type Props = {
  slug: string;
  formats: readonly string[];
  languages: string[];
  pivot: string;
  defaults: ExportFormDefaults;
  /** Status of each listed export: the message about a queued export follows it instead of staying "queued". */
  statuses: Record<number, string>;
};

const EXPORT_NOW: Record<string, string> = {
  running: "is being written",
  succeeded: "is ready: download it under Past exports",
  failed: "failed: see Past exports",
  cancelled: "was cancelled",
};

/** Form fields as the action and the preview URL expect them: checkboxes become "on" or absent, languages and consensus comma lists. */
function formValues(form: HTMLFormElement): Record<string, string> {
  const data = new FormData(form);
  const values: Record<string, string> = {};
  for (const key of ["format", "status", "minMargin", "testSplit", "seed", "system"]) values[key] = String(data.get(key) ?? "");
  for (const key of ["languages", "consensus"]) values[key] = data.getAll(key).map(String).join(",");
  for (const key of ["excludeFlagged", "englishPairs"]) if (data.get(key) === "on") values[key] = "on";
  return values;
}

export function CreateExportForm({ slug, formats, languages, pivot, defaults, statuses }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; exportId?: number } | null>(null);
  const now = message?.exportId === undefined ? undefined : EXPORT_NOW[statuses[message.exportId] ?? ""];
  const messageText = message && now ? `Export ${message.exportId} ${now}.` : message?.text;
  const [pending, start] = useTransition();
  const router = useRouter();
  const chosen = defaults.languages ? defaults.languages.split(",") : languages;
  const consensus = defaults.consensus ? defaults.consensus.split(",") : [];

  const preview = () => {
    if (!formRef.current) return;
    const params = new URLSearchParams(Object.entries(formValues(formRef.current)).filter(([, v]) => v !== ""));
    router.replace(`/datasets/${slug}/exports?${params}#preview`, { scroll: false });
  };

  return (
    <form
      ref={formRef}
      aria-label="Create an export"
      className="flex flex-wrap items-end gap-4"
      action={() =>
        start(async () => {
          const values = formRef.current ? formValues(formRef.current) : {};
          const result = await createExportAction({ slug, ...values });
          if (!result.ok) return setMessage({ ok: false, text: result.error });
          setMessage({ ok: true, text: `Export ${result.data.exportId} queued.`, exportId: result.data.exportId });
          router.refresh();
        })
      }
    >
      <label className={label}>
        Format
        <select name="format" defaultValue={defaults.format ?? "trl"} className={field}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-col text-xs text-slate-600">
        <legend>Languages</legend>
        <div className="flex gap-3 py-1">
          {languages.map((l) => (
            <label key={l} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="languages" value={l} defaultChecked={chosen.includes(l)} /> {l}
            </label>
          ))}
          <label className="flex items-center gap-1 text-sm" title={`pairs in the pivot language (${pivot})`}>
            <input type="checkbox" name="englishPairs" defaultChecked={defaults.englishPairs === "on"} /> {pivot} pairs
          </label>
        </div>
      </fieldset>
      <label className={label}>
        Pairs
        <select name="status" defaultValue={defaults.status ?? "effective"} className={field}>
          <option value="effective">effective (proposed + accepted)</option>
          <option value="accepted">human-accepted only</option>
        </select>
      </label>
      <fieldset className="flex flex-col text-xs text-slate-600">
        <legend title="team review; none checked: every pair">Consensus</legend>
        <div className="flex gap-3 py-1">
          {CONSENSUS_VALUES.map((c) => (
            <label key={c} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="consensus" value={c} defaultChecked={consensus.includes(c)} /> {c}
            </label>
          ))}
        </div>
      </fieldset>
      <label className={label}>
        Minimum margin
        <input
          name="minMargin"
          type="number"
          step="0.01"
          placeholder="none"
          defaultValue={defaults.minMargin ?? ""}
          className={`${field} w-24`}
        />
      </label>
      <label className={label}>
        Test split
        <input
          name="testSplit"
          type="number"
          step="0.01"
          min="0"
          max="1"
          placeholder="none"
          defaultValue={defaults.testSplit ?? ""}
          className={`${field} w-24`}
        />
      </label>
      <label className={label}>
        Seed
        <input name="seed" type="number" step="1" defaultValue={defaults.seed ?? "0"} className={`${field} w-20`} />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input name="excludeFlagged" type="checkbox" defaultChecked={defaults.excludeFlagged === "on"} /> Exclude flagged and conflicts
      </label>
      <label className={`${label} w-full`}>
        System prompt (chat formats and LLaMA-Factory)
        <textarea name="system" rows={2} defaultValue={defaults.system ?? ""} className={field} />
      </label>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={preview}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700"
        >
          Preview
        </button>
        <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Queueing…" : "Create export"}
        </button>
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`w-full text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {messageText}
        </p>
      )}
    </form>
  );
}
