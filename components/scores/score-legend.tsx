import { GUARD_TEXT } from "./pair-explanations";

const CL: Record<string, string> = {
  answer:
    "0.99 when the response's answer equals the English reference's, else 0, plus up to 0.01 for text similarity (a tie-break); in [0, 1]",
  lexical: "chrF character overlap with the English reference, in [0, 1]",
  embedding: "cosine between the response's and the English reference's embeddings, in [−1, 1]",
};

const CONS: Record<string, string> = {
  answer:
    "share of the other English samples with the same answer, adjusted by at most 0.01 / (samples − 1) for text similarity; the most consistent sample is the reference",
  lexical: "mean chrF to the other English samples; the most consistent sample is the reference",
  embedding: "mean cosine to the other English samples; the most consistent sample is the reference",
};

const MARGIN: Record<string, string> = {
  answer: "CL(chosen) − CL(rejected): about 0.99 when only the chosen answer agrees, at most 0.01 when both do",
  lexical: "CL(chosen) − CL(rejected)",
  embedding: "CL(chosen) − CL(rejected)",
};

/** One line each on what CL, Cons, the margin and "guard" mean for `scorer`. */
export function ScoreLegend({ scorer }: { scorer: string }) {
  if (!(scorer in CL)) return null;
  const lines: Array<[string, string]> = [
    ["CL", CL[scorer]!],
    ["Cons", CONS[scorer]!],
    ["margin", MARGIN[scorer]!],
    ["guard", GUARD_TEXT],
  ];
  return (
    <dl
      className="grid grid-cols-[max-content_1fr] gap-x-3 text-xs text-slate-600"
      aria-label={`What the ${scorer} scores mean`}
      data-testid={`score-legend-${scorer}`}
    >
      <dt className="col-span-2 font-medium text-slate-700">{scorer} scorer</dt>
      {lines.map(([term, text]) => (
        <div key={term} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
