import { z } from "zod";
import { ZSelectConfig } from "./config";

/** A select run's stored settings: the method's config plus how the run reads vectors and chunks groups. */
export const ZSelectRunConfig = ZSelectConfig.extend({
  /** Vectors for the `embedding` scorer; null = the offline hashed embedder. */
  embeddingModel: z.string().min(1).nullable().default(null),
  chunkSize: z.number().int().positive().max(10_000).default(250),
});
export type TSelectRunConfig = z.output<typeof ZSelectRunConfig>;
export type TSelectRunConfigInput = z.input<typeof ZSelectRunConfig>;
