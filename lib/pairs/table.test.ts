import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeCursor, parsePairTableParams, toQuery } from "./table";

const query = (s: string) => {
  const raw: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(s)) (raw[k] ??= []).push(v);
  return parsePairTableParams(raw);
};

describe("pairs table URL parameters", () => {
  it("reads the filters a GET form submits, blanks meaning 'any'", () => {
    expect(
      query("lang=de&status=&origin=auto&minMargin=&maxMargin=0.1&flags=conflict&flags=lowCons&q=+apples+&sort=scoreChosen&dir=desc"),
    ).toEqual({
      lang: "de",
      status: undefined,
      origin: "auto",
      minMargin: undefined,
      maxMargin: 0.1,
      flags: ["conflict", "lowCons"],
      q: "apples",
      sort: "scoreChosen",
      dir: "desc",
      after: null,
      size: 50,
      hide: [],
    });
  });

  it("round-trips any state through the URL, cursor included", () => {
    fc.assert(
      fc.property(
        fc.record({
          lang: fc.constantFrom(undefined, "de", "zh-Hant"),
          status: fc.constantFrom(undefined, "proposed" as const, "skipped" as const),
          origin: fc.constantFrom(undefined, "auto" as const, "human" as const),
          minMargin: fc.option(fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
          maxMargin: fc.option(fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
          flags: fc.subarray(["conflict", "offTarget", "skipped", "flagged", "lowCons"] as const),
          consensus: fc.option(fc.subarray(["pending", "unanimous", "majority", "disputed", "adjudicated"] as const, { minLength: 1 }), {
            nil: undefined,
          }),
          q: fc.option(
            fc
              .string({ minLength: 1, maxLength: 30 })
              .map((s) => s.trim())
              .filter((s) => s.length > 0),
            { nil: undefined },
          ),
          sort: fc.constantFrom("margin" as const, "group" as const, "id" as const),
          dir: fc.constantFrom("asc" as const, "desc" as const),
          size: fc.integer({ min: 5, max: 200 }),
          hide: fc.subarray(["origin", "prompt", "scoreChosen"]),
          after: fc.option(
            fc.record({ value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }), id: fc.nat() }),
            { nil: null },
          ),
        }),
        (state) => {
          const parsed = query(toQuery(state));
          const plusZero = (n: number | undefined) => (n === 0 ? 0 : n); // the URL writes -0 as "0"
          expect(parsed).toEqual({
            ...state,
            minMargin: plusZero(state.minMargin),
            maxMargin: plusZero(state.maxMargin),
            after: state.after && { ...state.after, value: state.after.value === 0 ? 0 : state.after.value },
          });
        },
      ),
    );
  });

  it("reads consensus values, comma-separated or repeated, and drops a list with an unknown one", () => {
    expect(query("consensus=disputed,adjudicated").consensus).toEqual(["disputed", "adjudicated"]);
    expect(query("consensus=pending&consensus=majority").consensus).toEqual(["pending", "majority"]);
    expect(query("consensus=").consensus).toEqual([]);
    expect(query("consensus=disputed,split").consensus).toEqual([]);
    expect(query("").consensus).toBeUndefined();
  });

  it("drops a forged cursor", () => {
    expect(query(`after=${encodeCursor({ value: 0.5, id: 3 })}`).after).toEqual({ value: 0.5, id: 3 });
    expect(query(`after=${Buffer.from('["x", 1]').toString("base64url")}`).after).toBeNull();
    expect(query(`after=${Buffer.from("[1, -2]").toString("base64url")}`).after).toBeNull();
  });
});
