import Link from "next/link";
import { abilities, pageDataset } from "@/lib/auth/page-guard";

const TABS = [
  ["", "Overview"],
  ["/import", "Add data"],
  ["/runs", "Runs"],
  ["/generate", "Generate"],
  ["/pairs", "Pairs"],
  ["/review", "Review"],
  ["/compare", "Compare runs"],
  ["/exports", "Exports"],
] as const;

/** Pages under a dataset name their title ("Runs"); the template adds the dataset and the app. */
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { dataset } = await pageDataset((await params).slug);
  return { title: { template: `%s · ${dataset.name} · CM-Align Studio`, default: `${dataset.name} · CM-Align Studio` } };
}

export default async function DatasetLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { actor, dataset } = await pageDataset((await params).slug);
  // Add data and Generate only offer what the role cannot do (their lists are on Runs and the overview).
  const tabs = abilities(actor).manage ? TABS : TABS.filter(([path]) => path !== "/import" && path !== "/generate");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-6 border-b border-slate-200 pb-2">
        <Link href={`/datasets/${dataset.slug}`} className="text-lg font-semibold">
          {dataset.name}
        </Link>
        <nav aria-label="Dataset" className="flex gap-4 text-sm">
          {tabs.map(([path, label]) => (
            <Link key={label} className="text-slate-600 hover:text-indigo-700" href={`/datasets/${dataset.slug}${path}`}>
              {label}
            </Link>
          ))}
        </nav>
      </div>
      {children}
    </div>
  );
}
