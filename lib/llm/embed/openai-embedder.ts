import type { Provider } from "@/lib/llm/providers/provider";
import { planBatches } from "./batches";
import { normalize, type Embedder } from "./embedder";

export type BatchLimits = { maxCount: number; maxTokens: number };
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxCount: 64, maxTokens: 8_192 };

/** `/v1/embeddings` through a Provider: batched by count and tokens, batches in parallel up to the provider's limit. */
export class OpenAIEmbedder implements Embedder {
  constructor(
    private readonly provider: Provider,
    readonly model: string,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {}

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = new Array(texts.length);
    const batches = planBatches(texts, this.limits.maxCount, this.limits.maxTokens);
    await Promise.all(
      batches.map(async ([start, end]) => {
        const vectors = await this.provider.embed(this.model, texts.slice(start, end));
        vectors.forEach((v, i) => (out[start + i] = normalize(v)));
      }),
    );
    return out;
  }
}
