import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// A page streams once a loading.tsx boundary above it shows its skeleton: the 200 is sent then, and a
// notFound() after it can no longer change the status. So under a dataset each page folder has its own
// loading.tsx (a click shows the skeleton at once), and a layout that 404s a missing run or group has
// none above it, the dataset's own folder included.
const DATASET = join("app", "datasets", "[slug]");

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, name);
    return e.name === name ? [path] : [];
  });
}

/** The folders from `dir` up to the dataset's folder, both included. */
function foldersUp(dir: string): string[] {
  const up = [dir];
  for (let d = dir; d !== DATASET; ) {
    d = dirname(d);
    up.push(d);
  }
  return up;
}

const hasLoading = (dir: string) => existsSync(join(dir, "loading.tsx"));

describe("loading boundaries under a dataset", () => {
  it("show a skeleton for every page, from a folder below the dataset's", () => {
    const without = files(DATASET, "page.tsx").filter((page) => {
      const boundary = foldersUp(dirname(page)).find(hasLoading);
      return boundary === undefined || boundary === DATASET;
    });
    expect(without.map((p) => relative(DATASET, p))).toEqual([]);
  });

  it("leave the item layouts outside, so a missing run or group answers 404", () => {
    const layouts = files(DATASET, "layout.tsx").filter((l) => dirname(l) !== DATASET);
    expect(layouts.map((l) => relative(DATASET, l)).sort()).toEqual(["groups/[groupId]/layout.tsx", "runs/[runId]/layout.tsx"]);
    const wrapped = layouts.filter((l) => foldersUp(dirname(dirname(l))).some(hasLoading));
    expect(wrapped.map((l) => relative(DATASET, l))).toEqual([]);
  });
});
