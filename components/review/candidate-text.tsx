import { LanguageText } from "@/components/language-text";
import { reasoningParts, ReasoningTrace } from "@/components/model-output/reasoning-trace";

/** A response as a reviewer reads it: its reasoning trace collapsed, its answer in its language's direction. */
export function CandidateText({ text, lang }: { text: string; lang: string }) {
  const { trace, answer } = reasoningParts(text);
  return (
    <>
      {trace !== null && <ReasoningTrace trace={trace} lang={lang} />}
      <LanguageText lang={lang} text={answer} className="max-h-96 overflow-auto whitespace-pre-wrap text-sm" />
    </>
  );
}
