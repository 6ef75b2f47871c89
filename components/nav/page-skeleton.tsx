/**
 * What a page shows while its server component renders (the routes' loading.tsx: one per page folder
 * under a dataset, none above a layout that 404s, see loading-boundaries.test.ts). Shown at once on a
 * click, so the reviewer sees the click was taken; `data-loading` lets `npm run bench -- ui` tell it
 * from the page.
 */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-loading="page" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-slate-100" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
