import type { SplitCounts } from "./types";

/** A fenced block whose fence is longer than any backtick run inside the content. */
export function codeBlock(content: string, info = ""): string {
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${content}\n${fence}`;
}

/** Per-language pair counts as a Markdown table, with a total row. */
export function countsTable(counts: Record<string, SplitCounts>, hasSplit: boolean): string {
  const header = hasSplit ? "| language | train | test |\n| --- | ---: | ---: |" : "| language | pairs |\n| --- | ---: |";
  const total: SplitCounts = { train: 0, test: 0 };
  const lines = Object.entries(counts).map(([lang, c]) => {
    total.train += c.train;
    total.test += c.test;
    return hasSplit ? `| ${lang} | ${c.train} | ${c.test} |` : `| ${lang} | ${c.train} |`;
  });
  lines.push(hasSplit ? `| **all** | ${total.train} | ${total.test} |` : `| **all** | ${total.train} |`);
  return [header, ...lines].join("\n");
}
