import Link from "next/link";
import { NavLink } from "@/components/nav/nav-link";
import { abilities, pageDataset } from "@/lib/auth/page-guard";

const TABS = [
  ["", "Overview"],
  ["/import", "Add data"],
  ["/runs", "Runs"],
  ["/generate", "Generate"],
  ["/pairs", "Pairs"],
  ["/review", "Review"],
  ["/team", "Team review"],
  ["/compare", "Compare runs"],
  ["/exports", "Exports"],
] as const;

const TAB_STYLE =
  "border-b-2 border-transparent pb-0.5 text-slate-600 hover:text-indigo-700 data-active:border-indigo-600 data-active:font-medium data-active:text-indigo-700";

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
        <Link href={`/datasets/${dataset.slug}`} prefetch={false} className="text-lg font-semibold">
          {dataset.name}
        </Link>
        <nav aria-label="Dataset" className="flex gap-4 text-sm">
          {tabs.map(([path, label]) => (
            <NavLink key={label} href={`/datasets/${dataset.slug}${path}`} exact={path === ""} className={TAB_STYLE}>
              {label}
            </NavLink>
          ))}
        </nav>
      </div>
      {children}
    </div>
  );
}
