import type { Database } from "@/lib/db/client";
import { Provider, type ProviderOptions } from "@/lib/llm/providers/provider";
import { loadProviderSettings } from "@/lib/llm/providers/settings";
import type { Embedder } from "./embedder";
import { OfflineEmbedder, OFFLINE_EMBEDDING_MODEL } from "./offline-embedder";
import { OpenAIEmbedder, type BatchLimits } from "./openai-embedder";

/** The model an embed run uses when none is named: the configured one if an endpoint exists, else offline. */
export async function defaultEmbeddingModel(db: Database): Promise<string> {
  const s = await loadProviderSettings(db);
  return s.baseUrl && s.embeddingModel ? s.embeddingModel : OFFLINE_EMBEDDING_MODEL;
}

export async function embedderFor(
  db: Database,
  model: string,
  opts: ProviderOptions & { limits?: BatchLimits } = {},
): Promise<{ embedder: Embedder; provider: Provider | null }> {
  if (model === OFFLINE_EMBEDDING_MODEL) return { embedder: new OfflineEmbedder(), provider: null };
  const provider = new Provider(await loadProviderSettings(db), opts);
  return { embedder: new OpenAIEmbedder(provider, model, opts.limits), provider };
}
