import { z } from "zod";
import { ZSelectConfig } from "@/lib/pipeline";
import { ZIdParam } from "@/lib/input-limits";

export const ZSelectRunConfig = ZSelectConfig.extend({
  /** Vectors for the `embedding` scorer; null = the offline hashed embedder. */
  embeddingModel: z.string().min(1).nullable().default(null),
  chunkSize: z.number().int().positive().max(10_000).default(250),
});
export type TSelectRunConfig = z.output<typeof ZSelectRunConfig>;
export type TSelectRunConfigInput = z.input<typeof ZSelectRunConfig>;

export const ZRunId = ZIdParam;
