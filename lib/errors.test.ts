import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues } from "./errors";

describe("describeIssues", () => {
  const schema = z.strictObject({ k: z.number().int().min(1), nested: z.object({ name: z.string() }) });

  it("names every invalid field by its path", () => {
    const parsed = schema.safeParse({ k: 0, nested: { name: 3 } });
    expect(parsed.success).toBe(false);
    expect(describeIssues(parsed.error!)).toBe(
      "k: Too small: expected number to be >=1; nested.name: Invalid input: expected string, received number",
    );
  });

  it("names unknown keys and whole-value issues by the root", () => {
    const parsed = schema.safeParse({ k: 1, nested: { name: "a" }, extra: true, more: 1 });
    expect(describeIssues(parsed.error!, "body")).toBe("body: unknown field(s) extra, more");
    expect(describeIssues(z.string().safeParse(5).error!, "config")).toBe("config: Invalid input: expected string, received number");
  });
});
