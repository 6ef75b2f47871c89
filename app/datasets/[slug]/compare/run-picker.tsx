type Props = { runs: { id: number; label: string }[]; a?: number; b?: number };

/** A plain GET form: the chosen runs live in the URL (?a=…&b=…). */
export function RunPicker({ runs, a, b }: Props) {
  const select = (name: "a" | "b", value?: number) => (
    <label className="flex items-center gap-2 text-sm">
      <span className="font-medium">Run {name.toUpperCase()}</span>
      <select name={name} defaultValue={value} className="rounded border border-slate-300 bg-white px-2 py-1">
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" className="flex flex-wrap items-center gap-4" aria-label="Pick runs">
      {select("a", a)}
      {select("b", b)}
      <button type="submit" className="rounded bg-indigo-600 px-3 py-1 text-sm text-white hover:bg-indigo-700">
        Compare
      </button>
    </form>
  );
}
