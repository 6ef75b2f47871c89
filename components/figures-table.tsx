import type { ReactNode } from "react";

export type FiguresColumn = { key: string; header: string; numeric?: boolean };
export type FiguresRow = { key: string; cells: Record<string, ReactNode>; separated?: boolean };

/** A small read-only table of figures in a card; numeric columns are right-aligned with tabular digits. */
export function FiguresTable({ label, columns, rows }: { label: string; columns: FiguresColumn[]; rows: FiguresRow[] }) {
  const align = (c: FiguresColumn, last: boolean) => `${last ? "" : "pr-4"} ${c.numeric ? "text-right tabular-nums" : ""}`;
  return (
    <section aria-label={label} className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
      <table className="text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            {columns.map((c, i) => (
              <th key={c.key} scope="col" className={align(c, i === columns.length - 1)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.separated === false ? "" : "border-t border-slate-100"}>
              {columns.map((c, i) => (
                <td key={c.key} className={align(c, i === columns.length - 1)}>
                  {r.cells[c.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
