import type { Options } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeKatex from "rehype-katex";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { rehypeLtrRuns } from "./rehype-ltr-runs";

/**
 * Markdown for untrusted model output. There is deliberately no rehype-raw: react-markdown turns
 * raw HTML into visible text, so `<script>` or `<img onerror>` in a response is shown, never run.
 * Math needs `$$…$$` (a single `$` is too often money); KaTeX runs untrusted (no \href, \html…).
 */
export function markdownPlugins(rtl: boolean): Pick<Options, "remarkPlugins" | "rehypePlugins"> {
  return {
    remarkPlugins: [remarkGfm, [remarkMath, { singleDollarTextMath: false }], remarkBreaks],
    rehypePlugins: [
      [rehypeKatex, { throwOnError: false, strict: "ignore", trust: false, maxSize: 20, maxExpand: 200, output: "htmlAndMathml" }],
      [rehypeHighlight, { detect: false, ignoreMissing: true }],
      ...(rtl ? [rehypeLtrRuns] : []),
    ],
  };
}
