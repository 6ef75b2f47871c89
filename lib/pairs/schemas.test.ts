import { describe, expect, it } from "vitest";
import { REASON_MAX_CHARS, ZDecide } from "./schemas";

const decide = (decision: unknown, reason?: string) =>
  ZDecide.safeParse({ pairId: 1, expectedVersion: 0, decision, ...(reason === undefined ? {} : { reason }) });

describe("decision and flag reasons", () => {
  it("are capped alike at 2,000 characters", () => {
    expect(REASON_MAX_CHARS).toBe(2000);
    const limit = "x".repeat(REASON_MAX_CHARS);
    expect(decide({ action: "flag", reason: limit }).success).toBe(true);
    expect(decide({ action: "reject" }, limit).success).toBe(true);
    const flag = decide({ action: "flag", reason: `${limit}x` });
    expect(flag.success).toBe(false);
    expect(flag.error?.issues[0]).toMatchObject({ path: ["decision", "reason"], message: "a reason is at most 2000 characters" });
    expect(decide({ action: "reject" }, `${limit}x`).error?.issues[0]).toMatchObject({
      path: ["reason"],
      message: "a reason is at most 2000 characters",
    });
  });

  it("refuses a 5 MB flag reason", () => {
    expect(decide({ action: "flag", reason: "x".repeat(5_000_000) }).success).toBe(false);
  });
});
