import { describe, expect, it } from "vitest";
import { statesBefore, type DecisionState, type StoredDecision } from "./undo";

const auto: DecisionState = { chosenId: 1, rejectedId: 2, status: "proposed", origin: "auto", flagged: false, flagReason: null };
const d = (id: number, action: string, extra: Partial<StoredDecision> = {}): StoredDecision => ({
  id,
  action,
  reason: null,
  chosenId: 1,
  rejectedId: 2,
  undoesId: null,
  ...extra,
});

describe("statesBefore", () => {
  it("replays the history: each decision sees the state the previous ones left", () => {
    const before = statesBefore(auto, [
      d(10, "swap", { chosenId: 2, rejectedId: 1 }),
      d(11, "flag", { chosenId: 2, rejectedId: 1, reason: "odd" }),
      d(12, "undo", { undoesId: 10 }),
      d(13, "reset"),
    ]);
    expect(before.get(10)).toEqual(auto);
    expect(before.get(11)).toEqual({ chosenId: 2, rejectedId: 1, status: "accepted", origin: "human", flagged: false, flagReason: null });
    expect(before.get(12)).toEqual({ chosenId: 2, rejectedId: 1, status: "accepted", origin: "human", flagged: true, flagReason: "odd" });
    expect(before.get(13)).toEqual(auto);
  });

  it("undoing an undo restores what the first decision made", () => {
    const before = statesBefore(auto, [d(1, "reject"), d(2, "undo", { undoesId: 1 }), d(3, "undo", { undoesId: 2 }), d(4, "accept")]);
    expect(before.get(3)).toEqual(auto);
    expect(before.get(4)).toEqual({ ...auto, status: "rejected", origin: "human" });
  });
});
