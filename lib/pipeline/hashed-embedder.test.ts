import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashedEmbedderModel, hashedEmbedding } from "./hashed-embedder";
import { cosine } from "./vectors";

const norm = (x: Float32Array) => Math.sqrt(x.reduce((s, y) => s + y * y, 0));

describe("hashedEmbedding", () => {
  it("has the requested dimension, default 256", () => {
    expect(hashedEmbedding("hello").length).toBe(256);
    expect(hashedEmbedding("hello", 64).length).toBe(64);
    expect(() => hashedEmbedding("hello", 0)).toThrow(RangeError);
    expect(hashedEmbedderModel(64)).toBe("cm-hashed-chargram-3-5-d64");
  });

  it("embeds empty and blank text to the zero vector", () => {
    expect(hashedEmbedding("").every((x) => x === 0)).toBe(true);
    expect(hashedEmbedding(" \n\t ").every((x) => x === 0)).toBe(true);
  });

  it("embeds a one-character text as one signed unit component (its only 3-gram is ' a ')", () => {
    const e = hashedEmbedding("a");
    const nonZero = [...e].filter((x) => x !== 0);
    expect(nonZero).toHaveLength(1);
    expect(Math.abs(nonZero[0] ?? 0)).toBe(1);
  });

  it("ignores case and whitespace layout, and is deterministic", () => {
    expect([...hashedEmbedding("Hello   World")]).toEqual([...hashedEmbedding("hello world\n")]);
    expect([...hashedEmbedding("Kwa hiyo jibu ni 18.")]).toEqual([...hashedEmbedding("Kwa hiyo jibu ni 18.")]);
  });

  it("scores a paraphrase above an unrelated text", () => {
    const a = hashedEmbedding("The farmer has 18 apples in total.");
    const b = hashedEmbedding("So the farmer has 18 apples in total!");
    const c = hashedEmbedding("Photosynthesis turns light into sugar.");
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c));
  });

  it("returns unit vectors for any non-blank text", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }).filter((t) => t.trim() !== ""),
        (t) => {
          const n = norm(hashedEmbedding(t));
          expect(n === 0 || Math.abs(n - 1) < 1e-6).toBe(true);
        },
      ),
    );
  });
});
