import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundedMemo } from "./bounded-memo";

describe("boundedMemo", () => {
  it("returns what the function returns, computing each of the first `max` keys once and any later key every time", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 40 }),
        fc.integer({ min: 0, max: 6 }),
        (keys, max) => {
          const calls: string[] = [];
          const memo = boundedMemo((k) => {
            calls.push(k);
            return `${k}!`;
          }, max);
          expect(keys.map(memo)).toEqual(keys.map((k) => `${k}!`));
          const kept = [...new Set(keys)].slice(0, max);
          expect(calls).toEqual(keys.filter((k, i) => !kept.includes(k) || keys.indexOf(k) === i));
        },
      ),
    );
  });

  it("keeps 1,000 keys by default", () => {
    let calls = 0;
    const memo = boundedMemo((k) => (calls++, k.length));
    for (let round = 0; round < 2; round++) for (let i = 0; i < 1_001; i++) memo(`k${i}`);
    expect(calls).toBe(1_002);
  });
});
