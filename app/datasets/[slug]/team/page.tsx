import Link from "next/link";
import { ChartSection } from "@/components/charts/chart-section";
import { FiguresTable } from "@/components/figures-table";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { getDatabase } from "@/lib/db/client";
import { countDisputedPairs } from "@/lib/review/adjudication-queue";
import { getAgreement } from "@/lib/review/agreement";
import { calibrationCharts } from "@/lib/review/calibration-chart";
import { FAST_VOTE_SECONDS } from "@/lib/review/review-ledgers";
import { getReviewPlan } from "@/lib/review/review-plan";
import { HelpText } from "./_components/help-text";
import { PlanSummary } from "./_components/plan-summary";
import { ReviewPlanForm } from "./_components/review-plan-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Team review" };

type Props = { params: Promise<{ slug: string }> };

const share = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
const alphaText = (x: number | null) => (x === null ? "–" : x.toFixed(3));

/** Team review: the review plan, agreement per language and per reviewer, the method's calibration. */
export default async function TeamReviewPage({ params }: Props) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const can = abilities(actor);
  const db = await getDatabase();
  const [plan, agreement, disputed] = await Promise.all([
    getReviewPlan(db.pool, dataset.id),
    getAgreement(db.pool, dataset.id),
    can.manage ? countDisputedPairs(db.pool, dataset.id) : Promise.resolve(null),
  ]);
  const s = dataset.slug;
  const languages = Object.keys(agreement.byLanguage).sort();
  const bias = agreement.positionBias;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Team review</h1>
        <p className="text-sm text-slate-600">
          Several reviewers vote on each pair in the{" "}
          <Link prefetch={false} className="text-indigo-700 underline" href={`/datasets/${s}/review`}>
            review queue
          </Link>
          ; their votes settle it by consensus. This page shows how much they agree, per language, with each other and with the method.
        </p>
      </div>

      <section aria-label="Review plan" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="font-medium">Review plan</h2>
        <HelpText>
          Each pair leaves the queue once it has the planned number of votes. A reviewer holds a pair under a lease for the lease minutes
          (renewed while they work on it); an expired lease returns the pair to the queue. One vote per pair, not blind, reviews as before
          team review.
        </HelpText>
        {can.manage ? <ReviewPlanForm slug={s} plan={plan} /> : <PlanSummary plan={plan} />}
      </section>

      {disputed !== null && (
        <p className="text-sm" data-testid="disputed-count">
          <Link prefetch={false} className="text-indigo-700 underline" href={`/datasets/${s}/team/adjudication`}>
            Adjudication queue
          </Link>
          : {disputed === 1 ? "1 disputed pair waits" : `${disputed} disputed pairs wait`} for an admin&apos;s verdict.
        </p>
      )}

      <section aria-label="Agreement by language" className="space-y-2">
        <h2 className="font-medium">Agreement by language</h2>
        <HelpText>
          Each vote is labelled relative to the method&apos;s pair: <b>agree</b> (prefers its chosen response), <b>disagree</b> (prefers its
          rejected one), <b>tie</b> or <b>both bad</b>. <b>Krippendorff&apos;s α</b> (nominal) measures how much reviewers give a pair the
          same label beyond chance: 1 = they always agree, 0 = no better than chance, below 0 = they disagree systematically; above 0.8 is
          usually taken as reliable, below 0.667 as too low to draw conclusions. Only pairs with at least 2 votes count, so α is – until
          some pair has 2 votes (or while every vote has the same label). <b>Agreement with the method</b> is the share of all votes that
          agree.
        </HelpText>
        {languages.length === 0 ? (
          <p className="text-sm text-slate-600">No votes yet.</p>
        ) : (
          <FiguresTable
            label="Alpha and votes per language"
            columns={[
              { key: "lang", header: "Language" },
              { key: "alpha", header: "α", numeric: true },
              { key: "pairs", header: "Pairs with ≥ 2 votes", numeric: true },
              { key: "votes", header: "Votes", numeric: true },
              { key: "method", header: "Agreement with the method", numeric: true },
            ]}
            rows={languages.map((lang) => {
              const a = agreement.byLanguage[lang]!;
              return {
                key: lang,
                cells: {
                  lang,
                  alpha: (
                    <span data-testid={`alpha-${lang}`} title={a.alpha === null ? "not defined yet" : String(a.alpha)}>
                      {alphaText(a.alpha)}
                    </span>
                  ),
                  pairs: a.pairs,
                  votes: a.votes,
                  method: share(a.methodAgreement),
                },
              };
            })}
          />
        )}
      </section>

      <section aria-label="Reviewers" className="space-y-2">
        <h2 className="font-medium">Reviewers</h2>
        <HelpText>
          <b>Agreement with others</b>: of the times a reviewer&apos;s vote met another reviewer&apos;s on the same pair, the share with the
          same preference. <b>Median seconds</b> runs from taking the pair to voting. Votes under {FAST_VOTE_SECONDS} s are too quick to
          have read both responses.
        </HelpText>
        {agreement.reviewers.length === 0 ? (
          <p className="text-sm text-slate-600">No votes yet.</p>
        ) : (
          <FiguresTable
            label="Votes per reviewer"
            columns={[
              { key: "email", header: "Reviewer" },
              { key: "votes", header: "Votes", numeric: true },
              { key: "agreement", header: "Agreement with others", numeric: true },
              { key: "median", header: "Median seconds", numeric: true },
              { key: "fast", header: `Votes under ${FAST_VOTE_SECONDS} s`, numeric: true },
            ]}
            rows={agreement.reviewers.map((r) => ({
              key: String(r.userId),
              cells: {
                email: <span className="font-mono">{r.email}</span>,
                votes: r.votes,
                agreement: share(r.agreement),
                median: r.medianSeconds === null ? "–" : r.medianSeconds.toFixed(1),
                fast: r.fastVotes,
              },
            }))}
          />
        )}
      </section>

      {agreement.calibration.length > 0 && (
        <ChartSection
          title="Method calibration"
          note="Per language, the share of votes that agree with the method, by the margin of the method's pair when the vote was cast. Where the bars reach the agreement you need, pairs with a larger margin can be trusted without review. Click a bar to open the pairs in that margin range (pairs without a margin cannot be filtered to)."
          columns={3}
          height={240}
          charts={calibrationCharts(s, agreement.calibration)}
        />
      )}

      <section aria-label="Position bias" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="font-medium">Position bias</h2>
        <HelpText>
          In blind mode the two responses are shown in a random order per reviewer. Without position bias about as many votes prefer the
          response shown first as the one shown second; ties and both-bad votes count for neither side.
        </HelpText>
        <p className="text-sm" data-testid="position-bias">
          {bias.votes === 0
            ? "No blind votes yet."
            : `${bias.firstShownPreferred} of ${bias.votes} blind votes (${share(bias.firstShownPreferred / bias.votes)}) preferred the response shown first.`}
        </p>
      </section>
    </div>
  );
}
