import OpenAI from "openai";
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { AppError } from "@/lib/errors";
import { RequestLimiter } from "./limiter";
import { DEFAULT_RETRY, withRetry, type RetryOptions } from "./retry";
import type { ProviderSettings } from "./settings";

export type ProviderOptions = {
  concurrency?: number;
  /** Requests per minute; 0 = unlimited. */
  rpm?: number;
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
};

export type TokenUsage = { promptTokens: number; completionTokens: number; requests: number; retries: number };

/** One OpenAI-compatible endpoint with a concurrency limit, a request budget, retries and usage totals. */
export class Provider {
  readonly client: OpenAI;
  readonly limiter: RequestLimiter;
  readonly usage: TokenUsage = { promptTokens: 0, completionTokens: 0, requests: 0, retries: 0 };
  private readonly retry: RetryOptions;

  constructor(settings: Pick<ProviderSettings, "baseUrl" | "apiKey">, opts: ProviderOptions = {}) {
    if (!settings.baseUrl) throw new AppError("BAD_INPUT", "No provider base URL is configured (Settings, or OPENAI_BASE_URL).");
    // The SDK's own retries are off: ours also cover truncated bodies and share the request budget.
    this.client = new OpenAI({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey ?? "not-needed",
      maxRetries: 0,
      timeout: opts.timeoutMs ?? 120_000,
    });
    this.limiter = new RequestLimiter(opts.concurrency ?? 8, opts.rpm ?? 0);
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
  }

  /** Every attempt passes the limiter; backoff waits outside it so a sleeping retry holds no slot. */
  call<T>(request: (client: OpenAI) => Promise<T>): Promise<T> {
    return withRetry(
      () => {
        this.usage.requests++;
        return this.limiter.run(() => request(this.client));
      },
      {
        ...this.retry,
        onRetry: (info) => {
          this.usage.retries++;
          this.retry.onRetry?.(info);
        },
      },
    );
  }

  async chat(params: ChatCompletionCreateParamsNonStreaming): Promise<ChatCompletion> {
    const completion = await this.call(async (c) => {
      const res = await c.chat.completions.create(params);
      if (!Array.isArray(res.choices)) throw new SyntaxError("chat completion without choices");
      return res;
    });
    this.usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
    this.usage.completionTokens += completion.usage?.completion_tokens ?? 0;
    return completion;
  }

  /** Vectors in input order (the response's `index` decides, not its array order). */
  async embed(model: string, input: string[]): Promise<number[][]> {
    const res = await this.call(async (c) => {
      const r = await c.embeddings.create({ model, input, encoding_format: "float" });
      if (!Array.isArray(r.data) || r.data.length !== input.length) {
        throw new SyntaxError(`embeddings response has ${Array.isArray(r.data) ? r.data.length : "no"} vectors for ${input.length} inputs`);
      }
      return r;
    });
    this.usage.promptTokens += res.usage?.prompt_tokens ?? 0;
    const out: number[][] = new Array(input.length);
    for (const d of res.data) out[d.index] = d.embedding;
    return out;
  }

  async listModels(): Promise<string[]> {
    const ids: string[] = [];
    const page = await this.call((c) => c.models.list());
    for (const m of page.data) ids.push(m.id);
    return ids.sort();
  }
}
