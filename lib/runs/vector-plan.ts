import type { TSelectConfigInput } from "@/lib/pipeline";
import { OFFLINE_EMBEDDING_MODEL } from "./embed-missing";
import type { TSelectRunConfig } from "./schemas";

export type VectorPlan = {
  /** Vectors the groups are loaded with (null: none). */
  model: string | null;
  /** The scorer needs vectors: embed the candidates that have none yet. */
  embed: boolean;
  /** What selectGroup is called with: the run's config, told whether its vectors compare surface characters. */
  pipeline: TSelectConfigInput;
};

/** The one place a run's config decides which vectors it reads, for select runs and reference recomputes alike. */
export function vectorPlan(config: TSelectRunConfig): VectorPlan {
  const embed = config.scorer === "embedding" || config.secondary === "embedding";
  const model = embed ? (config.embeddingModel ?? OFFLINE_EMBEDDING_MODEL) : config.embeddingModel;
  return { model, embed, pipeline: { ...config, surfaceVectors: model === OFFLINE_EMBEDDING_MODEL } };
}
