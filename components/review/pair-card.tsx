import Link from "next/link";
import { LanguageBadge } from "@/components/language-badge";
import { LanguageText } from "@/components/language-text";
import { reasoningParts } from "@/components/model-output/reasoning-trace";
import { ResponseChecks } from "@/components/response-checks/response-checks";
import type { Candidate, PairDetail } from "@/lib/pairs/detail";
import { conflictText, skipText } from "@/components/scores/pair-explanations";
import { PairMargin } from "@/components/scores/pair-margin";
import { ScoreLegend } from "@/components/scores/score-legend";
import { CandidateText } from "./candidate-text";
import { PairFlags } from "./pair-flags";
import { DiffSection } from "./diff-section";

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "–" : n.toFixed(3));

function Side({
  title,
  tone,
  candidate,
  number,
  lang,
}: {
  title: string;
  tone: string;
  candidate: Candidate | undefined;
  number: number;
  lang: string;
}) {
  return (
    <section aria-label={title} className={`rounded border-l-4 bg-white p-3 shadow-sm ${tone}`}>
      <h3 className="mb-1 flex flex-wrap items-center gap-3 text-sm font-medium">
        {title}
        {candidate && (
          <span className="font-normal text-slate-500">
            candidate {number} · sample {candidate.sampleIndex} · CL {fmt(candidate.score)}
          </span>
        )}
        {candidate && (
          <span className="flex gap-2 text-xs font-normal">
            <ResponseChecks
              targetShare={candidate.targetShare}
              languageMix={candidate.languageMix}
              defect={candidate.defect}
              language={lang}
            />
          </span>
        )}
      </h3>
      {candidate ? (
        <CandidateText text={candidate.text} lang={candidate.detectedLanguage ?? lang} />
      ) : (
        <p className="text-sm text-slate-500">none</p>
      )}
    </section>
  );
}

/** The start of a candidate's answer (its reasoning trace left out). */
function preview(text: string): string {
  const { answer } = reasoningParts(text);
  return answer.length > 240 ? `${answer.slice(0, 240)}…` : answer;
}

/** One pair as the reviewer sees it: prompt, English reference, chosen vs rejected, diff, candidates. */
export function PairCard({ detail, slug }: { detail: PairDetail; slug: string }) {
  const { pair, candidates } = detail;
  const indexOf = (id: number | null) => candidates.findIndex((c) => c.id === id);
  const chosen = candidates[indexOf(pair.chosenId)];
  const rejected = candidates[indexOf(pair.rejectedId)];
  return (
    <article className="space-y-3" data-testid="pair-card" data-pair-id={pair.id} data-version={pair.version}>
      <header className="flex flex-wrap items-center gap-3 text-sm">
        <Link prefetch={false} className="font-mono text-indigo-700 hover:underline" href={`/datasets/${slug}/groups/${pair.groupId}`}>
          {pair.externalId}
        </Link>
        <LanguageBadge lang={pair.language} />
        <span data-testid="pair-status">{pair.status}</span>
        <span data-testid="pair-origin" className="text-slate-600">
          {pair.origin}
        </span>
        <span className="text-slate-600" data-testid="pair-margin">
          margin <PairMargin margin={pair.margin} basis={pair.basis} />
        </span>
        <PairFlags pair={pair} cons={detail.reference?.cons ?? null} />
      </header>
      {pair.skipReason && (
        <p className="text-sm text-amber-800" data-testid="skip-reason" data-reason={pair.skipReason}>
          skipped: {skipText(pair.skipReason, pair.skipDetail)}
        </p>
      )}
      {pair.conflict && (
        <p className="text-sm text-red-800" data-testid="pair-conflict">
          conflict: {conflictText(pair)}
        </p>
      )}
      {pair.scorer && <ScoreLegend scorer={pair.scorer} />}
      <div className="grid gap-3 md:grid-cols-2">
        <div className="rounded bg-slate-50 p-3">
          <h3 className="mb-1 text-xs uppercase text-slate-500">Prompt ({pair.language})</h3>
          {detail.prompt !== null ? (
            <LanguageText lang={pair.language} text={detail.prompt} className="whitespace-pre-wrap text-sm font-medium" />
          ) : (
            <p className="text-sm">–</p>
          )}
        </div>
        <div className="rounded bg-slate-50 p-3">
          <h3 className="mb-1 text-xs uppercase text-slate-500">
            English reference {detail.reference && <>· Cons {fmt(detail.reference.cons)}</>}
          </h3>
          {detail.pivotPrompt !== null && (
            <LanguageText lang={detail.pivotLanguage} text={detail.pivotPrompt} className="mb-2 text-xs text-slate-600" />
          )}
          {detail.reference ? (
            <LanguageText
              lang={detail.pivotLanguage}
              text={detail.reference.text}
              className="max-h-48 overflow-auto whitespace-pre-wrap text-sm"
            />
          ) : (
            <p className="text-sm text-slate-500">no reference</p>
          )}
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Side title="Chosen" tone="border-emerald-500" candidate={chosen} number={indexOf(pair.chosenId) + 1} lang={pair.language} />
        <Side title="Rejected" tone="border-rose-500" candidate={rejected} number={indexOf(pair.rejectedId) + 1} lang={pair.language} />
      </div>
      {chosen && rejected && <DiffSection title="Diff rejected → chosen" before={rejected} after={chosen} pairLanguage={pair.language} />}
      <section aria-label="Candidates" className="rounded bg-white p-3 shadow-sm">
        <h3 className="mb-1 text-xs uppercase text-slate-500">Candidates ({candidates.length}) — press c or x, then the number</h3>
        <ol className="space-y-1 text-sm">
          {candidates.map((c, i) => (
            <li key={c.id} className="flex gap-2" data-testid={`candidate-${i + 1}`}>
              <span className="w-5 shrink-0 font-mono text-slate-500">{i + 1}</span>
              <span className="w-24 shrink-0 text-xs text-slate-500">
                CL {fmt(c.score)}
                {c.id === pair.chosenId && " ✓ chosen"}
                {c.id === pair.rejectedId && " ✗ rejected"}
              </span>
              <LanguageText lang={c.detectedLanguage ?? pair.language} text={preview(c.text)} className="min-w-0 flex-1 truncate" />
              <span className="flex shrink-0 gap-1 text-xs">
                <ResponseChecks targetShare={c.targetShare} languageMix={c.languageMix} defect={c.defect} language={pair.language} />
              </span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
