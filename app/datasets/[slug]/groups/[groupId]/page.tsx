import Link from "next/link";
import { notFound } from "next/navigation";
import { LanguageBadge } from "@/components/language-badge";
import { LanguageText } from "@/components/language-text";
import { getDatasetBySlug, getGroupDetail } from "@/lib/datasets/queries";
import { ZGroupId, ZSlug } from "@/lib/datasets/schemas";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string }> };

function orNotFound<T>(p: Promise<T>): Promise<T | null> {
  return p.catch((e: unknown) => (isAppError(e) && e.code === "NOT_FOUND" ? null : Promise.reject(e)));
}

export default async function GroupPage({ params }: Props) {
  const raw = await params;
  const slug = ZSlug.safeParse(raw.slug);
  const groupId = ZGroupId.safeParse(raw.groupId);
  if (!slug.success || !groupId.success) notFound();
  const dataset = await orNotFound(getDatasetBySlug(slug.data));
  if (!dataset) notFound();
  const group = await orNotFound(getGroupDetail(dataset.id, groupId.data));
  if (!group) notFound();
  const languages = [...new Set([...group.prompts.map((p) => p.language), ...group.responses.map((r) => r.language)])].sort(
    (a, b) => (a === dataset.pivotLanguage ? -1 : b === dataset.pivotLanguage ? 1 : a.localeCompare(b)),
  );
  return (
    <div className="space-y-6">
      <div>
        <Link className="text-sm text-indigo-700 hover:underline" href={`/datasets/${dataset.slug}`}>
          ← {dataset.name}
        </Link>
        <h1 className="text-2xl font-semibold">
          Prompt group <span className="font-mono">{group.externalId}</span>
        </h1>
        {group.gold !== null && <p className="text-sm text-slate-600">Gold answer: <span className="font-mono">{group.gold}</span></p>}
      </div>
      {languages.map((lang) => {
        const prompt = group.prompts.find((p) => p.language === lang);
        const responses = group.responses.filter((r) => r.language === lang);
        return (
          <section key={lang} aria-label={`Language ${lang}`} data-lang={lang} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
            <h2 className="flex items-center gap-2 font-medium">
              <LanguageBadge lang={lang} /> {responses.length} responses
              {prompt?.machineTranslated && <span className="text-xs text-amber-700">machine-translated prompt</span>}
            </h2>
            {prompt && <LanguageText lang={lang} text={prompt.text} className="rounded bg-slate-50 p-3 font-medium" />}
            <ol className="space-y-2">
              {responses.map((r) => (
                <li key={r.id} className="rounded border border-slate-200 p-3" data-testid={`response-${r.id}`}>
                  <div className="mb-1 flex flex-wrap gap-3 text-xs text-slate-500">
                    <span>sample {r.sampleIndex}</span>
                    {r.model && <span>{r.model}</span>}
                    {r.extractedAnswer !== null && <span>answer {r.extractedAnswer}</span>}
                    {r.detectedLanguage !== null && r.detectedLanguage !== lang.split("-")[0] && (
                      <span className="text-amber-700">detected {r.detectedLanguage}</span>
                    )}
                    {r.charLength === 0 && <span className="text-red-700">empty</span>}
                  </div>
                  <LanguageText lang={lang} text={r.text} className="max-h-80 overflow-auto text-sm" />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
