import { expect, it } from "vitest";
import { generateGroups } from "@/lib/demo";
import type { GroupInput } from "@/lib/pipeline";
import { selectGroups, type SelectBatch } from "./select-groups";
import { SELECT_THREAD_HEAP_MB, startSelectPool } from "./select-pool";

const LANGS = ["en", "de", "ru"];

function batch(seed: number): SelectBatch {
  let id = 0;
  const groups: GroupInput[] = [...generateGroups({ seed, groups: 6, languages: LANGS, samples: 4, mathShare: 0.5 })].map((g) => ({
    groupId: g.id,
    gold: g.gold ?? null,
    candidates: Object.entries(g.responses).flatMap(([lang, list]) =>
      list.map((r, sampleIndex) => ({
        id: String(id++),
        lang,
        sampleIndex,
        text: r.text,
        detectedLang: lang,
        answer: null,
        vector: null,
      })),
    ),
  }));
  return { groups, config: { scorer: "lexical" }, humanReferences: new Map([[groups[0]!.groupId, "1"]]) };
}

it("threads score batches exactly as the calling thread does, whichever thread takes which batch", async () => {
  const pool = await startSelectPool(2);
  try {
    expect(pool.threads).toBe(2);
    const batches = [batch(1), batch(2), batch(3)];
    const threaded = await Promise.all(batches.map((b) => pool.run(b)));
    expect(threaded).toEqual(batches.map(selectGroups));
    expect(threaded[0]![0]!.reference?.candidateId).toBe("1");
    expect(pool.busyMs).toBeGreaterThan(0);
  } finally {
    await pool.close();
  }
}, 60_000);

it("each thread's heap is capped at the worker's own limit, whatever flags started the process", async () => {
  const pool = await startSelectPool(1);
  try {
    await pool.run(batch(5));
    // V8's limit is the old generation's plus the young generation's (a few MB).
    expect(pool.peakHeap!.limitMb).toBeGreaterThanOrEqual(SELECT_THREAD_HEAP_MB);
    expect(pool.peakHeap!.limitMb).toBeLessThan(SELECT_THREAD_HEAP_MB + 64);
  } finally {
    await pool.close();
  }
}, 60_000);

it("scores on the calling thread with no threads", async () => {
  const pool = await startSelectPool(0);
  expect(pool.threads).toBe(0);
  expect(await pool.run(batch(4))).toEqual(selectGroups(batch(4)));
});
