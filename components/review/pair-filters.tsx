import { CONSENSUS_VALUES } from "@/lib/pairs/constants";
import type { PairFilter } from "@/lib/pairs/table";

const FLAG_LABELS = {
  conflict: "conflict",
  offTarget: "off-target",
  mixed: "mixed language",
  skipped: "skipped",
  flagged: "flagged",
  lowCons: "low reference Cons",
} as const;

type Props = { action: string; languages: string[]; filter: PairFilter; keep?: Record<string, string | undefined> };

/** A plain GET form: submitting it rewrites the URL, which is the only state of the table and the queue. */
export function PairFilters({ action, languages, filter, keep = {} }: Props) {
  const select = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <form
      method="get"
      action={action}
      aria-label="Filters"
      className="flex flex-wrap items-end gap-3 rounded bg-white p-3 text-sm shadow-sm"
    >
      {Object.entries(keep).map(([k, v]) => v !== undefined && <input key={k} type="hidden" name={k} value={v} />)}
      <label className="flex flex-col">
        Language
        <select name="lang" defaultValue={filter.lang ?? ""} className={select}>
          <option value="">all</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Status
        <select name="status" defaultValue={filter.status ?? ""} className={select}>
          <option value="">all</option>
          {["proposed", "accepted", "rejected", "skipped"].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Origin
        <select name="origin" defaultValue={filter.origin ?? ""} className={select}>
          <option value="">all</option>
          <option>auto</option>
          <option>human</option>
        </select>
      </label>
      <label className="flex flex-col">
        Margin ≥
        <input name="minMargin" type="number" step="any" defaultValue={filter.minMargin ?? ""} className={`${select} w-24`} />
      </label>
      <label className="flex flex-col">
        Margin ≤
        <input name="maxMargin" type="number" step="any" defaultValue={filter.maxMargin ?? ""} className={`${select} w-24`} />
      </label>
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Flags</legend>
        {Object.entries(FLAG_LABELS).map(([k, label]) => (
          <label key={k} className="flex items-center gap-1">
            <input type="checkbox" name="flags" value={k} defaultChecked={filter.flags.includes(k as keyof typeof FLAG_LABELS)} /> {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="text-slate-700">Consensus</legend>
        {CONSENSUS_VALUES.map((c) => (
          <label key={c} className="flex items-center gap-1">
            <input type="checkbox" name="consensus" value={c} defaultChecked={filter.consensus?.includes(c) ?? false} /> {c}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col">
        Search the pair&apos;s prompt, chosen or rejected text
        <input name="q" type="search" defaultValue={filter.q ?? ""} className={`${select} w-56`} />
      </label>
      <button type="submit" className="rounded bg-indigo-600 px-3 py-1 text-white hover:bg-indigo-700">
        Apply
      </button>
    </form>
  );
}
