import type { StoredExport } from "@/lib/export/snapshots/queries";

/** An export as the API shows it: everything but the server-side directory it is stored in. */
export function exportView(exp: StoredExport) {
  const { location: _location, ...view } = exp;
  return { ...view, download: `/api/v1/exports/${exp.id}/download` };
}
