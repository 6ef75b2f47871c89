import { hashedEmbedderModel } from "@/lib/pipeline/hashed-embedder";
import { ZSelectRunConfig, type TSelectRunConfig } from "@/lib/pipeline/run-config";

/** One setting of a run, in words: what it is, its value, and what that value does. */
export type RunSetting = { label: string; value: string };

const OFFLINE_MODEL = hashedEmbedderModel();
const str = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));

const SCORERS: Record<TSelectRunConfig["scorer"], string> = {
  auto: "automatic per prompt group: final-answer agreement when the group has a gold answer, else embedding similarity when every response has a vector, else character n-gram overlap",
  embedding: "embedding similarity (cosine of response vectors)",
  answer: "final-answer agreement (same extracted answer as the reference)",
  lexical: "character n-gram overlap (chrF-like, needs no model)",
};

function selectSettings(raw: Record<string, unknown>): RunSetting[] {
  // Stored snapshots are parsed again so a run made before a setting existed shows that setting's default.
  const parsed = ZSelectRunConfig.safeParse(raw);
  if (!parsed.success) return otherSettings(raw);
  const c = parsed.data;
  const seeded = c.reference === "random" || c.pairs === "random";
  const usesVectors = c.scorer === "embedding" || c.scorer === "auto" || c.secondary === "embedding";
  const vectors = c.embeddingModel === null || c.embeddingModel === OFFLINE_MODEL;
  const settings: RunSetting[] = [
    { label: "Similarity", value: SCORERS[c.scorer] },
    ...(c.scorer === "answer" || c.scorer === "auto"
      ? [
          {
            label: "Ties in answer agreement broken by",
            value: c.secondary === "lexical" ? "character n-gram overlap" : "embedding similarity",
          },
        ]
      : []),
    ...(usesVectors
      ? [
          {
            label: "Vectors",
            value: vectors
              ? "the offline hashed embedder (compares characters, so it cannot rank a response in another script than the reference)"
              : `embedding model ${c.embeddingModel}`,
          },
        ]
      : []),
    {
      label: "English reference",
      value: {
        consistency: "the English sample most consistent with the other English samples",
        first: "the first English sample (baseline)",
        random: "a random English sample (baseline)",
        gold: "the most consistent English sample with the gold answer (upper bound, not the method)",
      }[c.reference],
    },
    {
      label: "Pairs",
      value:
        c.pairs === "consistency"
          ? "chosen = most consistent with the reference, rejected = least consistent"
          : "random chosen and rejected (baseline)",
    },
    {
      label: "Minimum margin",
      value:
        c.margin === 0
          ? "none: a pair is kept whatever its margin (skipped only when chosen and rejected are the same response or text)"
          : `${c.margin}: a pair whose chosen scores less than ${c.margin} above its rejected is skipped`,
    },
    {
      label: "Language guard",
      value: c.languageGuard
        ? `on: a response in another language, or with less than ${Math.round(100 * c.minTargetShare)}% of its letters in its language, is never chosen and is rejected first`
        : "off: a response in another language can be chosen",
    },
    {
      label: "Reasoning traces",
      value: c.keepReasoning ? "kept: scored together with the answer" : "left out of scoring (only the answer after them counts)",
    },
    { label: "English pairs", value: c.englishPairs ? "made (reference vs the least consistent English sample)" : "not made" },
  ];
  if (seeded) settings.push({ label: "Random seed", value: String(c.seed) });
  settings.push({ label: "Prompt groups per work chunk", value: String(c.chunkSize) });
  return settings;
}

function generateSettings(c: Record<string, unknown>): RunSetting[] {
  const langs = Array.isArray(c.languages) ? c.languages.join(", ") : "every language with a prompt";
  const rows: [string, string | null][] = [
    ["Model", str(c.model)],
    ["Samples per prompt and language", str(c.samples)],
    ["Languages", langs],
    ["Temperature", str(c.temperature)],
    ["Top-p", str(c.topP)],
    ["Maximum tokens per response", str(c.maxTokens)],
    ["System prompt", str(c.systemPrompt) ?? "none"],
    ["Missing prompts", c.translateMissing === true ? "machine-translated from the pivot language first" : "left without responses"],
    ["Seed", str(c.seed)],
    ["Parallel requests", str(c.concurrency)],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null).map(([label, value]) => ({ label, value }));
}

function embedSettings(c: Record<string, unknown>): RunSetting[] {
  const model = str(c.model);
  return [
    { label: "Model", value: model === null || model === OFFLINE_MODEL ? "the offline hashed embedder" : model },
    { label: "Languages", value: Array.isArray(c.languages) ? c.languages.join(", ") : "every language of the dataset" },
    ...(str(c.batchSize) ? [{ label: "Texts per request", value: String(c.batchSize) }] : []),
  ];
}

function bulkSettings(c: Record<string, unknown>): RunSetting[] {
  const spec = (c.spec ?? {}) as { action?: string; belowMargin?: number };
  const filter = (c.filter ?? {}) as Record<string, unknown>;
  const action =
    spec.action === "accept"
      ? "accept every pair of the filter"
      : spec.action === "reject"
        ? `reject the pairs of the filter with a margin below ${spec.belowMargin}`
        : spec.action === "reset"
          ? "reset the filter's human decisions to the method's proposal"
          : String(spec.action ?? "");
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(", ") : String(v)}`);
  return [
    { label: "Action", value: action },
    { label: "Pairs", value: parts.length === 0 ? "all pairs" : parts.join(" · ") },
  ];
}

/** Anything else: its keys as they are stored. */
function otherSettings(c: Record<string, unknown>): RunSetting[] {
  return Object.entries(c).map(([label, v]) => ({ label, value: typeof v === "string" ? v : JSON.stringify(v) }));
}

/** A run's configuration snapshot in words, for the run page. */
export function runSettings(kind: string, config: Record<string, unknown>): RunSetting[] {
  if (kind === "select") return selectSettings(config);
  if (kind === "generate") return generateSettings(config);
  if (kind === "embed") return embedSettings(config);
  if (kind === "bulk") return bulkSettings(config);
  return otherSettings(config);
}

/** A one-line description of a run for lists. */
export function runSummaryLine(kind: string, config: Record<string, unknown>): string {
  if (kind === "bulk") return `bulk review: ${bulkSettings(config)[0]!.value}`;
  if (kind === "generate") return `generate: ${str(config.samples) ?? "?"} samples from ${str(config.model) ?? "the configured model"}`;
  if (kind === "embed") return `embed: ${embedSettings(config)[0]!.value}`;
  const parsed = ZSelectRunConfig.safeParse(config);
  if (!parsed.success) return kind;
  const c = parsed.data;
  const scorer = { auto: "automatic scorer", embedding: "embedding scorer", answer: "answer scorer", lexical: "character n-gram scorer" }[
    c.scorer
  ];
  const reference = {
    consistency: "consistency reference",
    first: "first-sample reference",
    random: "random reference",
    gold: "gold reference",
  }[c.reference];
  const pairs = c.pairs === "consistency" ? "consistency pairs" : "random pairs";
  return `select: ${scorer}, ${reference}, ${pairs}${c.languageGuard ? "" : ", no language guard"}${c.margin > 0 ? `, margin ≥ ${c.margin}` : ""}`;
}
