import { expect, it } from "vitest";
import { deriveBatch, type DeriveInput } from "./derive";
import { DerivePool } from "./derive-pool";

const input: DeriveInput = {
  texts: [
    "The answer is 18 because three boxes of six apples make eighteen apples.",
    "Die Antwort ist 18, weil drei Kisten mit je sechs Äpfeln achtzehn ergeben.",
    "😀",
  ],
  langs: ["en", "de", "en"],
  wantAnswer: [true, true, false],
};

it("worker threads derive exactly what the calling thread derives, batch by batch", async () => {
  const pool = await DerivePool.start(2);
  try {
    expect(pool.workers).toBe(2);
    const results = await Promise.all([pool.run(input), pool.run({ ...input, texts: [...input.texts].reverse() })]);
    expect(results[0]).toEqual(deriveBatch(input));
    expect(results[1].detected).toEqual([...deriveBatch(input).detected].reverse());
    expect(pool.busyMs).toBeGreaterThan(0);
  } finally {
    await pool.close();
  }
}, 60_000);

it("derives on the calling thread with no workers", async () => {
  const pool = await DerivePool.start(0);
  expect(pool.workers).toBe(0);
  expect(await pool.run(input)).toEqual(deriveBatch(input));
});

it("closing while a batch is inside CLD2 lets the batch finish: a thread terminated in the native call aborts the process", async () => {
  // Mixed German and English: every text goes through CLD2. Closes land early, midway and late in the batch.
  const long: DeriveInput = {
    texts: Array.from({ length: 1500 }, (_, i) =>
      `Der Zug fährt um ${i} Uhr ab, and then we walk to the market und kaufen Brot. `.repeat(8),
    ),
    langs: Array.from({ length: 1500 }, () => "de"),
    wantAnswer: Array.from({ length: 1500 }, () => true),
  };
  const expected = deriveBatch(long);
  for (const delay of [0, 5, 20, 40, 80]) {
    const pool = await DerivePool.start(1);
    expect(pool.workers).toBe(1);
    const batch = pool.run(long);
    await new Promise((resolve) => setTimeout(resolve, delay));
    await pool.close();
    expect(await batch).toEqual(expected);
    // After close, batches run on the calling thread.
    expect(await pool.run(input)).toEqual(deriveBatch(input));
  }
}, 120_000);
