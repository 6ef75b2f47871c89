import Link from "next/link";
import { LanguageBadge } from "@/components/language-badge";
import { hiddenDatasetIds } from "@/lib/auth/access";
import { abilities, pageActor } from "@/lib/auth/page-guard";
import { listDatasets } from "@/lib/datasets/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Datasets · CM-Align Studio" };

export default async function DatasetsPage() {
  const actor = await pageActor();
  const [all, hidden] = await Promise.all([listDatasets(), hiddenDatasetIds(actor)]);
  const datasets = all.filter((d) => !hidden.has(d.id));
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Datasets</h1>
        {abilities(actor).manage && (
          <Link prefetch={false} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white" href="/datasets/new">
            New dataset
          </Link>
        )}
      </div>
      {datasets.length === 0 ? (
        <p className="text-slate-600">
          No datasets yet. Import one with <code>npm run cli -- import</code>.
        </p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg bg-white text-sm shadow-sm" aria-label="Datasets">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Slug</th>
              <th className="px-3 py-2">Task</th>
              <th className="px-3 py-2">Languages</th>
              <th className="px-3 py-2 text-right">Prompt groups</th>
              <th className="px-3 py-2 text-right">Responses</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.id} className="border-t border-slate-100" data-testid={`dataset-${d.slug}`}>
                <td className="px-3 py-2">
                  <Link prefetch={false} className="font-medium text-indigo-700 hover:underline" href={`/datasets/${d.slug}`}>
                    {d.name}
                  </Link>
                </td>
                <td className="px-3 py-2 font-mono">{d.slug}</td>
                <td className="px-3 py-2">{d.task}</td>
                <td className="space-x-1 px-3 py-2">
                  {d.languages.map((l) => (
                    <LanguageBadge key={l} lang={l} />
                  ))}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{d.groups.toLocaleString("en")}</td>
                <td className="px-3 py-2 text-right tabular-nums">{d.responses.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
