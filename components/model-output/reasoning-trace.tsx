import { LanguageText } from "@/components/language-text";
import { splitReasoning } from "@/lib/pipeline/reasoning";

/** A response split into its reasoning trace (`<think>…</think>`) and its answer; trace null when there is none. */
export function reasoningParts(text: string): { trace: string | null; answer: string } {
  const { start, end, answer } = splitReasoning(text);
  return { trace: end > start ? text.slice(start, end) : null, answer };
}

/** The trace, collapsed: scoring, answer extraction and language detection skip it unless a run keeps it. */
export function ReasoningTrace({ trace, lang }: { trace: string; lang: string }) {
  return (
    <details
      data-testid="reasoning-trace"
      className="mb-2 rounded border border-dashed border-slate-300 bg-slate-50 px-2 py-1 text-xs text-slate-600"
    >
      <summary className="cursor-pointer select-none">
        Reasoning trace · {trace.length.toLocaleString("en")} characters (not scored)
      </summary>
      <LanguageText lang={lang} text={trace} className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap" />
    </details>
  );
}
