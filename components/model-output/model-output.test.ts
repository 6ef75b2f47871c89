import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { splitLtrRuns } from "./rehype-ltr-runs";
import { MarkdownBody } from "./render-markdown";

const html = (text: string, lang = "en") => renderToStaticMarkup(createElement(MarkdownBody, { text, lang }));

describe("MarkdownBody", () => {
  it("shows raw HTML as text and creates no element from it", () => {
    const out = html("P.S. it shows <img src=x onerror=alert(1)> followed by <script>alert('xss')</script>, ok?");
    expect(out).toBe(
      '<div lang="en" dir="ltr" class="model-output"><p>P.S. it shows &lt;img src=x onerror=alert(1)&gt; followed by ' +
        "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;, ok?</p></div>",
    );
  });

  it("keeps a block of HTML visible as text", () => {
    expect(html('<div onclick="x()">\n<iframe src="https://evil"></iframe>\n</div>')).toBe(
      '<div lang="en" dir="ltr" class="model-output">&lt;div onclick=&quot;x()&quot;&gt;\n&lt;iframe src=&quot;https://evil&quot;&gt;&lt;/iframe&gt;\n&lt;/div&gt;</div>',
    );
  });

  it("never loads a markdown image and drops javascript: links", () => {
    const out = html("![pixel](https://tracker.example/p.png) [click](javascript:alert(1))");
    expect(out).not.toContain("<img");
    expect(out).toContain('[image: pixel] <span class="font-mono">https://tracker.example/p.png</span>');
    expect(out).toContain('<a href="" target="_blank" rel="nofollow noopener noreferrer" class="text-indigo-700 underline">click</a>');
  });

  it("renders GFM, highlighted code and KaTeX math", () => {
    const out = html("| a | b |\n| - | - |\n| 1 | 2 |\n\n```python\nprint(1)\n```\n\n$$x^2$$ costs $5 and $10, see https://example.org");
    expect(out).toContain("<table>");
    expect(out).toContain(
      '<pre dir="ltr"><code dir="ltr" class="hljs language-python"><span class="hljs-built_in">print</span>(<span class="hljs-number">1</span>)\n</code></pre>',
    );
    expect(out).toContain('class="katex"');
    expect(out).toContain("costs $5 and $10");
    expect(out).toContain(
      '<a href="https://example.org" target="_blank" rel="nofollow noopener noreferrer" class="text-indigo-700 underline">https://example.org</a>',
    );
  });

  it("keeps line breaks of the response", () => {
    expect(html("line one\nline two")).toBe('<div lang="en" dir="ltr" class="model-output"><p>line one<br/>\nline two</p></div>');
  });

  it("writes Arabic right to left with numbers and code isolated left to right", () => {
    const out = html("ثمن الدفاتر: 3 × 5 = 15 ريال.\n\n`x = 1`", "ar");
    expect(out).toBe(
      '<div lang="ar" dir="rtl" class="model-output"><p>ثمن الدفاتر: <bdi dir="ltr">3 × 5 = 15</bdi> ريال.</p>\n<p><code dir="ltr">x = 1</code></p></div>',
    );
  });
});

describe("splitLtrRuns", () => {
  it("wraps numbers, native digits and arithmetic runs", () => {
    const runs = splitLtrRuns("المجموع: ١٥ + ١٠ = ٢٥ ريال و 2.5% أو 1,234").flatMap((n) => (n.type === "element" ? [n.children[0]] : []));
    expect(runs.map((t) => (t?.type === "text" ? t.value : ""))).toEqual(["١٥ + ١٠ = ٢٥", "2.5%", "1,234"]);
  });

  it("leaves text without digits as one text node", () => {
    expect(splitLtrRuns("مرحبا")).toEqual([{ type: "text", value: "مرحبا" }]);
  });
});

describe("isLong", () => {
  it("collapses by characters or by lines", async () => {
    const { isLong, COLLAPSE_CHARS, COLLAPSE_LINES } = await import("./model-output");
    expect(isLong("a".repeat(COLLAPSE_CHARS))).toBe(false);
    expect(isLong("a".repeat(COLLAPSE_CHARS + 1))).toBe(true);
    expect(isLong(Array(COLLAPSE_LINES).fill("x").join("\n"))).toBe(false);
    expect(
      isLong(
        Array(COLLAPSE_LINES + 1)
          .fill("x")
          .join("\n"),
      ),
    ).toBe(true);
  });
});
