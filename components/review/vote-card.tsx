import { LanguageBadge } from "@/components/language-badge";
import { LanguageText } from "@/components/language-text";
import type { QueuedPair } from "@/lib/review/vote-queue";
import { CandidateText } from "./candidate-text";
import { DiffSection } from "./diff-section";

const fmt = (n: number | null) => (n === null ? "–" : n.toFixed(3));

function Side({
  name,
  response,
  method,
  lang,
}: {
  name: "A" | "B";
  response: QueuedPair["pair"]["a"];
  method: QueuedPair["method"];
  lang: string;
}) {
  const role = method === null ? null : response.responseId === method.chosenId ? "chosen" : "rejected";
  const score = method === null ? null : role === "chosen" ? method.scoreChosen : method.scoreRejected;
  return (
    <section
      aria-label={`Response ${name}`}
      data-testid={`response-${name.toLowerCase()}`}
      data-response-id={response.responseId}
      className="rounded bg-white p-3 shadow-sm"
    >
      <h3 className="mb-1 flex items-center gap-3 text-sm font-medium">
        Response {name}
        {role !== null && (
          <span className="font-normal text-slate-500" data-testid="method-label">
            the method {role === "chosen" ? "chose" : "rejected"} it · CL {fmt(score)}
          </span>
        )}
      </h3>
      <CandidateText text={response.text} lang={response.detectedLanguage ?? lang} />
    </section>
  );
}

/**
 * A leased pair as a voter sees it: the prompt and responses A and B in the order the queue drew. In
 * blind mode (`method` null) nothing says what the method chose, how it scored them, or which run.
 */
export function VoteCard({ leased }: { leased: QueuedPair }) {
  const { pair, method } = leased;
  return (
    <article
      className="space-y-3"
      data-testid="vote-card"
      data-pair-id={pair.id}
      data-lease-id={leased.lease.id}
      data-blind={method === null}
    >
      <header className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-mono text-slate-600">pair {pair.id}</span>
        <LanguageBadge lang={pair.lang} />
        {method === null ? (
          <span className="text-slate-500">blind: which response the method chose is hidden</span>
        ) : (
          <span className="text-slate-600">margin {fmt(method.margin)}</span>
        )}
      </header>
      <div className="rounded bg-slate-50 p-3">
        <h3 className="mb-1 text-xs uppercase text-slate-500">Prompt ({pair.lang})</h3>
        <LanguageText lang={pair.lang} text={pair.prompt || "–"} className="whitespace-pre-wrap text-sm font-medium" />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Side name="A" response={pair.a} method={method} lang={pair.lang} />
        <Side name="B" response={pair.b} method={method} lang={pair.lang} />
      </div>
      <DiffSection title="Diff A → B" before={pair.a} after={pair.b} pairLanguage={pair.lang} names={["response B", "response A"]} />
    </article>
  );
}
