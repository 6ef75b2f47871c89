import type { ChatCompletion, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { Provider } from "@/lib/llm/providers/provider";
import { describeProviderError } from "@/lib/llm/providers/retry";
import type { TGenerateRunConfig } from "./schemas";
import type { Sample } from "./store";

export type SampleBatch = { samples: Sample[]; promptTokens: number; completionTokens: number; error: string | null };

/** Per-choice share of a request's usage: the prompt counts fully, completions by length. */
function samplesOf(c: ChatCompletion): Sample[] {
  const texts = c.choices.map((ch) => ch.message?.content ?? "");
  const totalChars = texts.reduce((s, t) => s + t.length, 0);
  const completion = c.usage?.completion_tokens ?? null;
  return c.choices.map((ch, i) => ({
    text: texts[i]!,
    finishReason: ch.finish_reason ?? null,
    promptTokens: c.usage?.prompt_tokens ?? null,
    completionTokens:
      completion === null
        ? null
        : c.choices.length === 1
          ? completion
          : Math.round((completion * texts[i]!.length) / Math.max(1, totalChars)),
  }));
}

/** Requests samples for one prompt: `n` at once where the server honours it, else one request a sample. */
export class Sampler {
  private nWorks: boolean;

  constructor(
    private readonly provider: Provider,
    private readonly model: string,
    private readonly config: TGenerateRunConfig,
  ) {
    this.nWorks = config.useN === "auto";
  }

  private request(prompt: string, seed: number, n: number) {
    const messages: ChatCompletionMessageParam[] = [
      ...(this.config.systemPrompt ? [{ role: "system" as const, content: this.config.systemPrompt }] : []),
      { role: "user", content: prompt },
    ];
    return this.provider.chat({
      model: this.model,
      messages,
      temperature: this.config.temperature,
      top_p: this.config.topP,
      max_tokens: this.config.maxTokens,
      seed,
      ...(n > 1 ? { n } : {}),
    });
  }

  /** Samples with keys firstKey..firstKey+count-1 (key k uses seed config.seed + k). */
  async sample(prompt: string, firstKey: number, count: number): Promise<SampleBatch> {
    const out: SampleBatch = { samples: [], promptTokens: 0, completionTokens: 0, error: null };
    const add = (c: ChatCompletion) => {
      out.samples.push(...samplesOf(c));
      out.promptTokens += c.usage?.prompt_tokens ?? 0;
      out.completionTokens += c.usage?.completion_tokens ?? 0;
    };
    let done = 0;
    if (this.nWorks && count > 1) {
      try {
        const c = await this.request(prompt, this.config.seed + firstKey, count);
        add(c);
        done = Math.min(count, c.choices.length);
        if (c.choices.length < count) this.nWorks = false;
      } catch (e) {
        out.error = describeProviderError(e);
        return out;
      }
    }
    const rest = await Promise.allSettled(
      Array.from({ length: count - done }, (_, i) => this.request(prompt, this.config.seed + firstKey + done + i, 1)),
    );
    for (const r of rest) {
      if (r.status === "fulfilled") add(r.value);
      else out.error ??= describeProviderError(r.reason);
    }
    return out;
  }
}
