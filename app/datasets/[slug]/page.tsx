import Link from "next/link";
import { notFound } from "next/navigation";
import { LanguageBadge } from "@/components/language-badge";
import { LanguageText } from "@/components/language-text";
import { getDatasetBySlug, listGroups, responsesByLanguage } from "@/lib/datasets/queries";
import { ZGroupPageParams, ZSlug } from "@/lib/datasets/schemas";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DatasetPage({ params, searchParams }: Props) {
  const slug = ZSlug.safeParse((await params).slug);
  if (!slug.success) notFound();
  const dataset = await getDatasetBySlug(slug.data).catch((e: unknown) => (isAppError(e) ? null : Promise.reject(e)));
  if (!dataset) notFound();
  const { after } = ZGroupPageParams.parse(await searchParams);
  const [languages, groups] = await Promise.all([
    responsesByLanguage(dataset.id),
    listGroups(dataset.id, { after, limit: PAGE_SIZE + 1 }),
  ]);
  const page = groups.slice(0, PAGE_SIZE);
  const next = groups.length > PAGE_SIZE ? page.at(-1)?.id : undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{dataset.name}</h1>
        <p className="text-sm text-slate-600">
          <span className="font-mono">{dataset.slug}</span> · task {dataset.task} · pivot {dataset.pivotLanguage}
        </p>
      </div>
      <section aria-label="Responses by language" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">Responses by language</h2>
        <table className="text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="pr-6">Language</th>
              <th className="pr-6 text-right">Groups</th>
              <th className="pr-6 text-right">Responses</th>
              <th className="pr-6 text-right">Empty</th>
              <th className="text-right">Off-target language</th>
            </tr>
          </thead>
          <tbody>
            {languages.map((l) => (
              <tr key={l.language}>
                <td className="pr-6"><LanguageBadge lang={l.language} /></td>
                <td className="pr-6 text-right tabular-nums">{l.groups}</td>
                <td className="pr-6 text-right tabular-nums">{l.responses}</td>
                <td className="pr-6 text-right tabular-nums">{l.empty}</td>
                <td className="text-right tabular-nums">{l.offTarget}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="Prompt groups" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-medium">Prompt groups</h2>
        <ul className="divide-y divide-slate-100">
          {page.map((g) => (
            <li key={g.id} className="flex items-baseline gap-3 py-2 text-sm">
              <Link className="w-40 shrink-0 font-mono text-indigo-700 hover:underline" href={`/datasets/${dataset.slug}/groups/${g.id}`}>
                {g.externalId}
              </Link>
              <LanguageText lang={dataset.pivotLanguage} text={g.prompt ?? ""} className="line-clamp-1 flex-1 text-slate-700" />
              <span className="shrink-0 text-slate-500">{g.languages} languages · {g.responses} responses</span>
            </li>
          ))}
        </ul>
        <div className="mt-3 flex gap-4 text-sm">
          {after !== undefined && <Link className="text-indigo-700 hover:underline" href={`/datasets/${dataset.slug}`}>First page</Link>}
          {next !== undefined && <Link className="text-indigo-700 hover:underline" href={`/datasets/${dataset.slug}?after=${next}`}>Next page</Link>}
        </div>
      </section>
    </div>
  );
}
