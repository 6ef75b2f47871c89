import Link from "next/link";
import type { CountTile } from "@/lib/dashboards/charts/overview";

export function CountTiles({ tiles }: { tiles: CountTile[] }) {
  return (
    <dl aria-label="Counts" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {tiles.map((t) => (
        <div key={t.label} className="rounded-lg bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs text-slate-500">{t.label}</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {t.href ? (
              <Link prefetch={false} className="text-indigo-700 hover:underline" href={t.href}>
                {t.value}
              </Link>
            ) : (
              t.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
