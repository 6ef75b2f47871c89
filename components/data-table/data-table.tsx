"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { ColumnToggle } from "./column-toggle";
import { withParams } from "./url";

type Props<T> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- column value types differ per column
  columns: ColumnDef<T, any>[];
  data: T[];
  getRowId: (row: T) => string;
  /** Column ids the server can sort by (URL `sort`/`dir`). */
  sortable: readonly string[];
  /** Query string of the next page (keyset cursor), or null on the last page. */
  nextQuery: string | null;
  caption: string;
};

/**
 * A server-side table: the rows are one page the server already filtered, sorted and paginated; the
 * URL (`sort`, `dir`, `hide`, `after`) is its only state, so every view can be linked and reloaded.
 */
export function DataTable<T>({ columns, data, getRowId, sortable, nextQuery, caption }: Props<T>) {
  const pathname = usePathname();
  const params = useSearchParams();
  const sort = params.get("sort") ?? sortable[0];
  const desc = params.get("dir") === "desc";
  const hidden = useMemo(() => (params.get("hide") ?? "").split(",").filter(Boolean), [params]);
  const columnVisibility: VisibilityState = useMemo(() => Object.fromEntries(hidden.map((id) => [id, false])), [hidden]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance lives only in this render; nothing memoizes it
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    state: { sorting: sort ? [{ id: sort, desc }] : [], columnVisibility },
  });
  const sortHref = (id: string) =>
    `${pathname}${withParams(params, { sort: id, dir: sort === id && !desc ? "desc" : undefined, after: undefined })}`;
  return (
    <div className="space-y-2">
      <ColumnToggle
        columns={table.getAllLeafColumns().map((c) => ({ id: c.id, label: String(c.columnDef.header ?? c.id), visible: c.getIsVisible() }))}
        hidden={hidden}
      />
      <div className="overflow-x-auto rounded bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 text-left text-xs uppercase text-slate-500">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const label = flexRender(h.column.columnDef.header, h.getContext());
                  const sorted = h.column.id === sort ? (desc ? "descending" : "ascending") : undefined;
                  return (
                    <th key={h.id} scope="col" className="px-3 py-2" aria-sort={sorted ?? "none"}>
                      {sortable.includes(h.column.id) ? (
                        <Link prefetch={false} href={sortHref(h.column.id)} className="hover:text-indigo-700">
                          {label}
                          {sorted && (desc ? " ↓" : " ↑")}
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 hover:bg-slate-50" data-row-id={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-1.5 align-top">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {data.length === 0 && (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-6 text-center text-slate-500">
                  Nothing matches these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {params.get("after") && (
          <Link
            prefetch={false}
            className="text-indigo-700 hover:underline"
            href={`${pathname}${withParams(params, { after: undefined })}`}
          >
            « First page
          </Link>
        )}
        {nextQuery !== null && (
          <Link prefetch={false} className="text-indigo-700 hover:underline" href={`${pathname}?${nextQuery}`}>
            Next page »
          </Link>
        )}
      </nav>
    </div>
  );
}
