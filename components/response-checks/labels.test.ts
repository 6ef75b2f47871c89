import { describe, expect, it } from "vitest";
import { describeDefect, shareBadge } from "./labels";

describe("shareBadge", () => {
  it("says nothing for a response wholly in its language or not measured", () => {
    expect(shareBadge(1, null, "bn")).toBeNull();
    expect(shareBadge(null, null, "bn")).toBeNull();
  });

  it("names the mix below 80%, the share above", () => {
    expect(shareBadge(0.62, "62% Bangla, 38% English", "bn")).toMatchObject({ label: "mixed: 62% Bangla, 38% English", mixed: true });
    expect(shareBadge(0.8, "80% Thai, 20% Chinese", "th")).toMatchObject({ label: "80% Thai", mixed: false });
    expect(shareBadge(0.999, "100% German", "de-CH")).toMatchObject({ label: "99% German", mixed: false });
  });

  it("words every defect", () => {
    expect(["repetition_loop", "truncated", "empty"].map(describeDefect)).toEqual([
      "repetition loop",
      "cut at the token limit",
      "empty answer",
    ]);
  });
});
