import "katex/dist/katex.min.css";
import "highlight.js/styles/github.css";
import "./model-output.css";
import { Collapsible } from "./collapsible";
import { reasoningParts, ReasoningTrace } from "./reasoning-trace";
import { MarkdownBody } from "./render-markdown";

/** Characters (or lines) above which a response starts collapsed. */
export const COLLAPSE_CHARS = 1200;
export const COLLAPSE_LINES = 16;

export function isLong(text: string): boolean {
  return text.length > COLLAPSE_CHARS || text.split("\n").length > COLLAPSE_LINES;
}

type Props = { text: string; lang: string; anchorId?: string; collapsible?: boolean };

/**
 * Untrusted model output rendered as sanitized markdown (GFM, highlighted code, KaTeX math) in
 * its language's direction, isolated from the surrounding text; long output collapses, and a reasoning
 * trace is shown apart, collapsed.
 */
export function ModelOutput({ text, lang, anchorId, collapsible = true }: Props) {
  if (text.trim() === "") return <p className="text-sm italic text-slate-400">(empty response)</p>;
  const { trace, answer } = reasoningParts(text);
  return (
    <>
      {trace !== null && <ReasoningTrace trace={trace} lang={lang} />}
      {answer.trim() === "" ? (
        <p className="text-sm italic text-slate-400">(no answer after the reasoning trace)</p>
      ) : (
        <Collapsible id={anchorId} collapsed={collapsible && isLong(answer)}>
          <MarkdownBody text={answer} lang={lang} />
        </Collapsible>
      )}
    </>
  );
}
