import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consensusOf, methodLabel, type Preference, settlePair } from "./consensus";

describe("consensusOf", () => {
  it.each([
    { votes: [], per: 1, want: { consensus: "pending", preferred: null } },
    { votes: [7], per: 2, want: { consensus: "pending", preferred: null } },
    { votes: [7], per: 1, want: { consensus: "unanimous", preferred: 7 } },
    { votes: [7, 7], per: 2, want: { consensus: "unanimous", preferred: 7 } },
    { votes: [7, 8], per: 2, want: { consensus: "disputed", preferred: null } },
    { votes: [7, 8, 7], per: 3, want: { consensus: "majority", preferred: 7 } },
    { votes: ["tie", 8, "tie"], per: 3, want: { consensus: "majority", preferred: "tie" } },
    { votes: [7, 8, "both_bad"], per: 3, want: { consensus: "disputed", preferred: null } },
    { votes: [7, 7, 8, 8], per: 4, want: { consensus: "disputed", preferred: null } },
    { votes: [7, 7, 7, 8, 8], per: 5, want: { consensus: "majority", preferred: 7 } },
    { votes: ["both_bad", "both_bad"], per: 2, want: { consensus: "unanimous", preferred: "both_bad" } },
  ] as { votes: Preference[]; per: number; want: object }[])("$votes with $per votes asked → $want.consensus", ({ votes, per, want }) => {
    expect(consensusOf(votes, per)).toEqual(want);
  });

  it("lets an adjudication settle any votes, even none", () => {
    expect(consensusOf([7, 8], 2, 8)).toEqual({ consensus: "adjudicated", preferred: 8 });
    expect(consensusOf([], 3, "both_bad")).toEqual({ consensus: "adjudicated", preferred: "both_bad" });
  });

  const pref = fc.oneof(fc.constantFrom<Preference>("tie", "both_bad"), fc.constantFrom(1, 2));
  it("never depends on the order of the votes, and a majority is more than half", () => {
    fc.assert(
      fc.property(fc.array(pref, { maxLength: 7 }), fc.integer({ min: 1, max: 5 }), (votes, per) => {
        const r = consensusOf(votes, per);
        expect(consensusOf([...votes].reverse(), per)).toEqual(r);
        if (r.consensus === "majority" || r.consensus === "unanimous") {
          expect(votes.filter((v) => v === r.preferred).length * 2).toBeGreaterThan(votes.length);
        }
        if (r.consensus === "pending") expect(votes.length < per || votes.length === 0).toBe(true);
      }),
    );
  });
});

describe("settlePair and methodLabel", () => {
  const pair = { chosenId: 1, rejectedId: 2 };
  it("chooses the preferred response, swapping when the reviewers preferred the method's rejected one", () => {
    expect(settlePair(pair, { consensus: "unanimous", preferred: 1 })).toEqual({ status: "accepted", chosenId: 1, rejectedId: 2 });
    expect(settlePair(pair, { consensus: "majority", preferred: 2 })).toEqual({ status: "accepted", chosenId: 2, rejectedId: 1 });
  });
  it("rejects the pair on tie or both_bad and leaves an unsettled or foreign preference alone", () => {
    expect(settlePair(pair, { consensus: "majority", preferred: "tie" })).toEqual({ status: "rejected", chosenId: 1, rejectedId: 2 });
    expect(settlePair(pair, { consensus: "adjudicated", preferred: "both_bad" })).toEqual({
      status: "rejected",
      chosenId: 1,
      rejectedId: 2,
    });
    expect(settlePair(pair, { consensus: "disputed", preferred: null })).toBeNull();
    expect(settlePair(pair, { consensus: "unanimous", preferred: 3 })).toBeNull();
  });
  it("labels a preference relative to the method's chosen response", () => {
    expect([methodLabel(1, 1), methodLabel(2, 1), methodLabel("tie", 1), methodLabel("both_bad", null)]).toEqual([
      "agree",
      "disagree",
      "tie",
      "both_bad",
    ]);
  });
});
