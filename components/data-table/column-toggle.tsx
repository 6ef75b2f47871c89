"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { withParams } from "./url";

type Column = { id: string; label: string; visible: boolean };

/** Show or hide columns; the hidden set lives in the URL (`hide`). */
export function ColumnToggle({ columns, hidden }: { columns: Column[]; hidden: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const toggle = (id: string, visible: boolean) => {
    const next = visible ? hidden.filter((h) => h !== id) : [...hidden, id];
    router.replace(`${pathname}${withParams(params, { hide: next.join(",") || undefined })}`, { scroll: false });
  };
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600">Columns</summary>
      <div className="mt-1 flex flex-wrap gap-3">
        {columns.map((c) => (
          <label key={c.id} className="flex items-center gap-1">
            <input type="checkbox" checked={c.visible} onChange={(e) => toggle(c.id, e.target.checked)} /> {c.label}
          </label>
        ))}
      </div>
    </details>
  );
}
