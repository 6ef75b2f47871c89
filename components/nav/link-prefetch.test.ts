import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Every <Link> in the app says how it prefetches. Next prefetches a link as soon as it is on screen,
// and a page of links (tabs, tiles, group lists, table pages) sent ~30 server renders that a click then
// queued behind (issue #19). Links prefetch on intent (components/nav/nav-link.tsx) or not at all.
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith(".tsx") ? [path] : [];
  });
}

describe("links", () => {
  it("never prefetch by default", () => {
    const unset: string[] = [];
    for (const file of [...tsxFiles("app"), ...tsxFiles("components")]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/<Link\b[^>]*>/g)) {
        if (!/\bprefetch=/.test(m[0])) unset.push(`${file}: ${m[0].slice(0, 80)}`);
      }
    }
    expect(unset).toEqual([]);
  });
});
