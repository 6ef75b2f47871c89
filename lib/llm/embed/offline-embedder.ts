import { hashedEmbedderModel, hashedEmbedding } from "@/lib/pipeline";
import type { Embedder } from "./embedder";

export const OFFLINE_EMBEDDING_MODEL = hashedEmbedderModel();

/** Hashed character n-grams: no network, the default when no endpoint is configured. */
export class OfflineEmbedder implements Embedder {
  readonly model = OFFLINE_EMBEDDING_MODEL;

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => hashedEmbedding(t));
  }
}
