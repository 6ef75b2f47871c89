import type { Options } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeKatex from "rehype-katex";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { rehypeLtrRuns } from "./rehype-ltr-runs";

type PluggableList = NonNullable<Options["remarkPlugins"]>;

/** Without one of these, GFM (tables, strikethrough, autolinks, footnotes, task lists) changes nothing. */
const GFM_TRIGGER = /[|~@]|https?:|www\.|\[\^|\[[ xX]\]/;

/**
 * Markdown for untrusted model output. There is deliberately no rehype-raw: react-markdown turns
 * raw HTML into visible text, so `<script>` or `<img onerror>` in a response is shown, never run.
 * Math needs `$$…$$` (a single `$` is too often money); KaTeX runs untrusted (no \href, \html…).
 */
export function markdownPlugins(text: string, rtl: boolean): Pick<Options, "remarkPlugins" | "rehypePlugins"> {
  // Building the highlighter and math parser costs more than most responses: add them only when needed.
  const math = text.includes("$$");
  const code = /^\s*(```|~~~)/m.test(text);
  const remarkPlugins: PluggableList = GFM_TRIGGER.test(text) ? [remarkGfm] : [];
  const rehypePlugins: PluggableList = [];
  if (math) {
    remarkPlugins.push([remarkMath, { singleDollarTextMath: false }]);
    rehypePlugins.push([
      rehypeKatex,
      { throwOnError: false, strict: "ignore", trust: false, maxSize: 20, maxExpand: 200, output: "htmlAndMathml" },
    ]);
  }
  remarkPlugins.push(remarkBreaks);
  if (code) rehypePlugins.push([rehypeHighlight, { detect: false }]);
  if (rtl) rehypePlugins.push(rehypeLtrRuns);
  return { remarkPlugins, rehypePlugins };
}
