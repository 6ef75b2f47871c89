import { z } from "zod";

export const ZGenerateRunConfig = z.object({
  /** Null: the configured generation model. */
  model: z.string().min(1).nullable().default(null),
  samples: z.number().int().min(1).max(64),
  /** Null: every language that has a prompt text. */
  languages: z.array(z.string().min(2).max(16)).min(1).nullable().default(null),
  temperature: z.number().min(0).max(2).default(0.9),
  topP: z.number().gt(0).max(1).default(0.95),
  maxTokens: z.number().int().min(1).max(131_072).default(1_024),
  seed: z.number().int().min(0).default(0),
  systemPrompt: z.string().max(20_000).nullable().default(null),
  /** auto: ask for `n` samples at once and fall back to one request a sample if the server returns fewer. */
  useN: z.enum(["auto", "never"]).default("auto"),
  /** First machine-translate missing prompts of the run's languages from the pivot-language prompt. */
  translateMissing: z.boolean().default(false),
  concurrency: z.number().int().min(1).max(256).default(8),
  rpm: z.number().int().min(0).default(0),
  chunkSize: z.number().int().min(1).max(1_000).default(4),
  /** Retries of one request (429, 5xx, timeouts, dropped connections) before its item counts as failed. */
  retries: z.number().int().min(0).max(20).default(5),
  retryBaseDelayMs: z.number().int().min(1).max(60_000).default(500),
  timeoutMs: z.number().int().min(100).max(3_600_000).default(120_000),
  /** Extra requests for an item whose samples came back as duplicates of stored ones. */
  maxRounds: z.number().int().min(1).max(10).default(3),
});
export type TGenerateRunConfig = z.output<typeof ZGenerateRunConfig>;
export type TGenerateRunConfigInput = z.input<typeof ZGenerateRunConfig>;

/** What each generated response records as its sampling parameters. */
export function samplingParams(c: TGenerateRunConfig) {
  return { temperature: c.temperature, top_p: c.topP, max_tokens: c.maxTokens, seed: c.seed, system_prompt: c.systemPrompt };
}
