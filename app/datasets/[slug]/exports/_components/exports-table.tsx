import type { StoredExport } from "@/lib/export/snapshots/queries";
import { JobProgress } from "@/components/job-progress";
import { Time } from "@/components/time";

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function countsLine(counts: StoredExport["counts"]): string {
  return Object.entries(counts)
    .map(([lang, c]) => (c.test > 0 ? `${lang} ${c.train}/${c.test}` : `${lang} ${c.train}`))
    .join(" · ");
}

/** Past exports with their counts, files and hashes; every file links to its stored bytes. */
export function ExportsTable({ exports, canCancel }: { exports: StoredExport[]; canCancel: boolean }) {
  if (exports.length === 0) return <p className="text-sm text-slate-600">No exports yet.</p>;
  return (
    <table className="w-full border-collapse text-sm" aria-label="Past exports">
      <thead className="bg-slate-100 text-left text-slate-600">
        <tr>
          <th className="px-3 py-2">Export</th>
          <th className="px-3 py-2">Format</th>
          <th className="px-3 py-2">Created</th>
          <th className="px-3 py-2 text-right">Pairs</th>
          <th className="px-3 py-2">Per language (train/test)</th>
          <th className="px-3 py-2">Files (sha256)</th>
        </tr>
      </thead>
      <tbody>
        {exports.map((e) => {
          const total = Object.values(e.counts).reduce((n, c) => n + c.train + c.test, 0);
          return (
            <tr key={e.id} className="border-t border-slate-100 align-top" data-testid={`export-${e.id}`}>
              <td className="px-3 py-2">
                <div className="font-mono">export #{e.id}</div>
                {e.status === "succeeded" ? (
                  <a className="text-indigo-700 hover:underline" href={`/api/exports/${e.id}`}>
                    {e.files.length === 1 ? "Download" : "Download zip"}
                  </a>
                ) : e.status === "queued" || e.status === "running" ? (
                  <JobProgress
                    kind="export"
                    id={e.id}
                    unit="pairs"
                    cancellable={canCancel}
                    testIds={{ root: `export-progress-${e.id}`, status: "export-status" }}
                    initial={{ status: e.status, done: e.rowsDone, total: e.rowsTotal, cancelRequested: e.cancelRequested, error: e.error }}
                  />
                ) : (
                  <span className={e.status === "failed" ? "text-red-700" : "text-slate-600"} title={e.error ?? undefined}>
                    {e.status}
                  </span>
                )}
              </td>
              <td className="px-3 py-2 font-mono">{e.format}</td>
              <td className="px-3 py-2">
                <Time value={e.createdAt} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="export-pairs">
                {e.status === "succeeded" ? total.toLocaleString("en") : ""}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{countsLine(e.counts)}</td>
              <td className="px-3 py-2">
                <ul className="space-y-0.5">
                  {e.files.map((f) => (
                    <li key={f.path} className="flex flex-wrap gap-2 text-xs">
                      <a
                        className="font-mono text-indigo-700 hover:underline"
                        href={`/api/exports/${e.id}?file=${encodeURIComponent(f.path)}`}
                      >
                        {f.path}
                      </a>
                      <span className="text-slate-500">{formatBytes(f.bytes)}</span>
                      <code className="break-all text-slate-500">{f.sha256}</code>
                    </li>
                  ))}
                </ul>
                {e.error && <p className="text-xs text-red-700">{e.error}</p>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
