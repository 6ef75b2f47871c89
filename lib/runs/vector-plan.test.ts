import { describe, expect, it } from "vitest";
import { OFFLINE_EMBEDDING_MODEL } from "./embed-missing";
import { ZSelectRunConfig } from "./schemas";
import { vectorPlan } from "./vector-plan";

const plan = (input: Parameters<typeof ZSelectRunConfig.parse>[0]) => vectorPlan(ZSelectRunConfig.parse(input));

describe("vectorPlan", () => {
  it("reads the offline hashed vectors when the embedding scorer names no model, and marks them surface vectors", () => {
    const p = plan({ scorer: "embedding" });
    expect({ model: p.model, embed: p.embed }).toEqual({ model: OFFLINE_EMBEDDING_MODEL, embed: true });
    expect(p.pipeline).toMatchObject({ scorer: "embedding", surfaceVectors: true });
  });

  it("treats a named model's vectors as comparable across scripts", () => {
    const p = plan({ scorer: "embedding", embeddingModel: "multilingual-e5" });
    expect({ model: p.model, embed: p.embed }).toEqual({ model: "multilingual-e5", embed: true });
    expect(p.pipeline).toMatchObject({ surfaceVectors: false });
  });

  it("loads no vectors for the lexical scorer, and stored ones of a named model for auto without embedding more", () => {
    expect(plan({ scorer: "lexical" })).toMatchObject({ model: null, embed: false, pipeline: { surfaceVectors: false } });
    expect(plan({ embeddingModel: "multilingual-e5" })).toMatchObject({ model: "multilingual-e5", embed: false });
    expect(plan({ embeddingModel: OFFLINE_EMBEDDING_MODEL })).toMatchObject({ embed: false, pipeline: { surfaceVectors: true } });
  });
});
