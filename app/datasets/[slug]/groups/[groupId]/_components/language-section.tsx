import { LanguageBadge } from "@/components/language-badge";
import { LanguageText } from "@/components/language-text";
import { rankLanguage } from "@/lib/groups/ranking";
import type { GroupResponse, GroupView } from "@/lib/groups/types";
import { PairSummary } from "./pair-summary";
import { MakeReferenceButton } from "./reference-actions";
import { ResponseCard } from "./response-card";

type Props = { view: GroupView; lang: string; slug: string; byId: Map<number, GroupResponse>; canReview: boolean };

/** One language: its prompt, its effective pair, and its responses ranked by score. */
export function LanguageSection({ view, lang, slug, byId, canReview }: Props) {
  const prompt = view.prompts.find((p) => p.language === lang);
  const isPivot = lang === view.pivot;
  const refId = view.reference.responseId;
  const ranked = rankLanguage(
    view.responses.filter((r) => r.language === lang),
    isPivot ? undefined : view.pairs[lang],
    refId,
  );
  return (
    <section aria-label={`Language ${lang}`} data-lang={lang} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="flex flex-wrap items-center gap-2 font-medium">
        <LanguageBadge lang={lang} /> {ranked.length} responses{isPivot ? " · ranked by Cons" : " · ranked by CL"}
        {prompt?.machineTranslated && <span className="text-xs text-amber-700">machine-translated prompt</span>}
      </h2>
      {prompt && <LanguageText lang={lang} text={prompt.text} className="rounded bg-slate-50 p-3 font-medium" />}
      {!isPivot && <PairSummary pair={view.pairs[lang]} byId={byId} />}
      <ol className="space-y-2">
        {ranked.map((r) => (
          <ResponseCard
            key={r.id}
            response={r}
            scoreLabel={isPivot ? "Cons" : "CL"}
            action={
              canReview && isPivot && r.id !== refId && r.charLength > 0 && refId !== null ? (
                <MakeReferenceButton slug={slug} groupId={view.group.id} responseId={r.id} sampleIndex={r.sampleIndex} />
              ) : undefined
            }
          />
        ))}
      </ol>
    </section>
  );
}
