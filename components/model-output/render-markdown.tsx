import Markdown from "react-markdown";
import { directionOf } from "@/lib/text-direction";
import { markdownComponents } from "./markdown-components";
import { markdownPlugins } from "./markdown-pipeline";

/** The markdown body of one response, in its language and direction; no styles, no collapsing. */
export function MarkdownBody({ text, lang }: { text: string; lang: string }) {
  const dir = directionOf(lang);
  return (
    <div lang={lang} dir={dir} className="model-output">
      <Markdown {...markdownPlugins(text, dir === "rtl")} components={markdownComponents}>
        {text}
      </Markdown>
    </div>
  );
}
