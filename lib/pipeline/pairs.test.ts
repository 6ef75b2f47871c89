import { describe, expect, it } from "vitest";
import { selectGroup } from "./select-group";
import { embeddingFixture, group } from "@/lib/testing/pipeline-fixtures";
import type { GroupSelection, LanguageDecision } from "./types";

const decisionOf = (s: GroupSelection, lang: string): LanguageDecision | undefined => s.decisions.find((d) => d.lang === lang);

describe("random pairs baseline", () => {
  it("is seeded, distinct and guard-respecting", () => {
    const s1 = selectGroup(group(embeddingFixture()), { scorer: "embedding", pairs: "random", seed: 3 });
    const s2 = selectGroup(group([...embeddingFixture()].reverse()), { scorer: "embedding", pairs: "random", seed: 3 });
    expect(s2).toEqual(s1);
    for (const d of s1.decisions) if (d.kind === "pair") expect(d.basis).toBe("random");
    for (let seed = 0; seed < 30; seed++) {
      const sw = decisionOf(selectGroup(group(embeddingFixture()), { scorer: "embedding", pairs: "random", seed }), "sw");
      if (sw?.kind === "pair") expect(sw.chosenId).not.toBe("sw-0");
    }
  });
});
