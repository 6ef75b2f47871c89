import { describe, expect, it } from "vitest";
import { pickableLanguages, usesVoteQueue } from "./queue-mode";
import { DEFAULT_PLAN } from "./schemas";

describe("usesVoteQueue", () => {
  it("keeps the decision queue for the default plan and for one vote, not blind", () => {
    expect(usesVoteQueue(DEFAULT_PLAN)).toBe(false);
    expect(usesVoteQueue({ votesPerPair: 1, blind: false })).toBe(false);
  });
  it("turns the page into a vote queue for more votes or for blind mode", () => {
    expect(usesVoteQueue({ votesPerPair: 2, blind: false })).toBe(true);
    expect(usesVoteQueue({ votesPerPair: 1, blind: true })).toBe(true);
    expect(usesVoteQueue({ votesPerPair: 5, blind: true })).toBe(true);
  });
});

describe("pickableLanguages", () => {
  it("offers every dataset language to a reviewer of all languages", () => {
    expect(pickableLanguages([], ["de", "ar", "zh"])).toEqual(["de", "ar", "zh"]);
  });
  it("offers only the reviewer's languages the dataset has, in the dataset's order", () => {
    expect(pickableLanguages(["zh", "de", "fr"], ["de", "ar", "zh"])).toEqual(["de", "zh"]);
    expect(pickableLanguages(["fr"], ["de", "ar"])).toEqual([]);
  });
});
