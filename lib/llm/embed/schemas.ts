import { z } from "zod";

export const ZEmbedRunConfig = z.object({
  /** Null: the configured embedding model, else the offline embedder. */
  model: z.string().min(1).nullable().default(null),
  /** Null: every language of the dataset. */
  languages: z.array(z.string().min(2).max(16)).min(1).nullable().default(null),
  batchSize: z.number().int().min(1).max(2_048).default(64),
  maxBatchTokens: z.number().int().min(1).max(1_000_000).default(8_192),
  concurrency: z.number().int().min(1).max(256).default(4),
  rpm: z.number().int().min(0).default(0),
  chunkSize: z.number().int().min(1).max(10_000).default(200),
});
export type TEmbedRunConfig = z.output<typeof ZEmbedRunConfig>;
export type TEmbedRunConfigInput = z.input<typeof ZEmbedRunConfig>;
