import type { Element, ElementContent, Root } from "hast";

// A number, or a run of numbers joined by arithmetic ("3 × 5 = 15", "2.5", "١٢٫٥%").
const DIGIT = "0-9\\u0660-\\u0669\\u06F0-\\u06F9\\u0966-\\u096F";
const NUM = `[${DIGIT}](?:[${DIGIT}.,٫٬:/]*[${DIGIT}])?%?`;
const LTR_RUN = new RegExp(`${NUM}(?:\\s*[-+−×÷*=<>≤≥^]\\s*${NUM})*`, "gu");

/** Elements whose content already has its own direction (code, math) or is not text. */
const SKIP = new Set(["code", "pre", "kbd", "samp", "bdi", "math", "svg", "script", "style"]);

function isKatex(node: Element): boolean {
  const cls = node.properties.className;
  return Array.isArray(cls) && cls.some((c) => typeof c === "string" && c.startsWith("katex"));
}

/** Splits a text value into text and `<bdi dir="ltr">` wrapped number runs. */
export function splitLtrRuns(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of value.matchAll(LTR_RUN)) {
    const start = m.index;
    if (start > last) out.push({ type: "text", value: value.slice(last, start) });
    out.push({ type: "element", tagName: "bdi", properties: { dir: "ltr" }, children: [{ type: "text", value: m[0] }] });
    last = start + m[0].length;
  }
  if (last < value.length) out.push({ type: "text", value: value.slice(last) });
  return out;
}

function walk(node: Root | Element): void {
  const next: ElementContent[] = [];
  let changed = false;
  for (const child of node.children) {
    if (child.type === "text") {
      const parts = splitLtrRuns(child.value);
      if (parts.length !== 1 || parts[0]?.type !== "text") changed = true;
      next.push(...parts);
    } else {
      if (child.type === "element" && !SKIP.has(child.tagName) && !isKatex(child)) walk(child);
      next.push(child as ElementContent);
    }
  }
  if (changed) node.children = next as typeof node.children;
}

/**
 * Keeps numbers and arithmetic left to right inside right-to-left text: each run is wrapped in
 * `<bdi dir="ltr">`, so "3 × 5 = 15" never reads "15 = 5 × 3" in Arabic. Code and math are left alone.
 */
export function rehypeLtrRuns() {
  return (tree: Root) => walk(tree);
}
