import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "./jsonl";
import { collect, fixtureFile, problemsOf } from "@/lib/testing/import-formats";

const nest = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const line = (id: string, meta: string) => `{"id":"${id}","prompts":{"en":"Q"},"responses":{"en":["a"]},"meta":{"x":${meta}}}`;

describe("deeply nested JSONL records", () => {
  it("a 100,000-deep record is an error of its line; the other lines are read", async () => {
    const items = await collect({
      path: fixtureFile("deep.jsonl", `${line("q1", "1")}\n${line("q2", nest(100_000))}\n${line("q3", "2")}\n`),
    });
    expect(problemsOf(items)).toEqual([[2, null, `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels`]]);
    expect(items.filter((i) => i.kind === "group").map((i) => i.line)).toEqual([1, 3]);
  });

  it("accepts nesting up to the limit", async () => {
    // The record itself, meta and meta.x are three levels; x holds the rest.
    const items = await collect({
      path: fixtureFile("limit.jsonl", `${line("q1", nest(MAX_JSON_DEPTH - 2))}\n${line("q2", nest(MAX_JSON_DEPTH - 1))}\n`),
    });
    expect(problemsOf(items)).toEqual([[2, null, `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels`]]);
  });
});
