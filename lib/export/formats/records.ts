import type { ExportFormat, ExportPair } from "./types";

/** Options every record builder sees. */
export type RecordContext = {
  /** Export-wide system prompt, used when the pair has none of its own. */
  system?: string | null;
};

type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

/** The pair's own system prompt wins; blank strings count as absent. */
export function resolveSystem(pair: ExportPair, ctx: RecordContext): string | undefined {
  if (pair.system != null && pair.system.trim() !== "") return pair.system;
  if (ctx.system != null && ctx.system.trim() !== "") return ctx.system;
  return undefined;
}

function promptMessages(pair: ExportPair, ctx: RecordContext): ChatMessage[] {
  const system = resolveSystem(pair, ctx);
  const user: ChatMessage = { role: "user", content: pair.prompt };
  return system === undefined ? [user] : [{ role: "system", content: system }, user];
}

const assistant = (content: string): ChatMessage[] => [{ role: "assistant", content }];

/** TRL standard preference, explicit prompt. Plain strings carry no system prompt. */
export function trlRecord(pair: ExportPair) {
  return { prompt: pair.prompt, chosen: pair.chosen, rejected: pair.rejected };
}

/** TRL conversational preference, explicit prompt; the trainer applies the chat template. */
export function trlChatRecord(pair: ExportPair, ctx: RecordContext) {
  return {
    prompt: promptMessages(pair, ctx),
    chosen: assistant(pair.chosen),
    rejected: assistant(pair.rejected),
  };
}

/** LLaMA-Factory alpaca ranking record. */
export function llamaFactoryRecord(pair: ExportPair, ctx: RecordContext) {
  const system = resolveSystem(pair, ctx);
  const base = { instruction: pair.prompt, input: "", chosen: pair.chosen, rejected: pair.rejected };
  return system === undefined ? base : { ...base, system };
}

/** LLaMA-Factory sharegpt ranking record: the conversation ends with the user turn. */
export function llamaFactorySharegptRecord(pair: ExportPair, ctx: RecordContext) {
  const system = resolveSystem(pair, ctx);
  const base = {
    conversations: [{ from: "human" as const, value: pair.prompt }],
    chosen: { from: "gpt" as const, value: pair.chosen },
    rejected: { from: "gpt" as const, value: pair.rejected },
  };
  return system === undefined ? base : { ...base, system };
}

/** OpenRLHF, explicit `--data.prompt_key prompt` form with chat messages and the CL margin. */
export function openRlhfRecord(pair: ExportPair, ctx: RecordContext) {
  return {
    prompt: promptMessages(pair, ctx),
    chosen: assistant(pair.chosen),
    rejected: assistant(pair.rejected),
    margin: pair.margin,
  };
}

/**
 * CM-Align provenance record: everything needed to trace the pair back to its run, and its team
 * review: consensus, every vote (preferred relative to this record's chosen/rejected) and the adjudication.
 */
export function cmAlignRecord(pair: ExportPair) {
  return {
    id: pair.id,
    prompt_id: pair.promptId,
    lang: pair.lang,
    prompt: pair.prompt,
    chosen: pair.chosen,
    rejected: pair.rejected,
    en_reference: pair.enReference,
    score_chosen: pair.scoreChosen,
    score_rejected: pair.scoreRejected,
    margin: pair.margin,
    origin: pair.origin,
    status: pair.status,
    run_id: pair.runId,
    scorer: pair.scorer,
    consensus: pair.review?.consensus ?? "pending",
    votes: pair.review?.votes ?? [],
    adjudication: pair.review?.adjudication ?? null,
  };
}

/** One row of the Hugging Face Parquet layout (column order = file schema order). */
export function parquetRow(pair: ExportPair) {
  return {
    prompt: pair.prompt,
    chosen: pair.chosen,
    rejected: pair.rejected,
    prompt_id: pair.promptId,
    lang: pair.lang,
    score_chosen: pair.scoreChosen,
    score_rejected: pair.scoreRejected,
    margin: pair.margin,
  };
}

export type ParquetRow = ReturnType<typeof parquetRow>;

const builders: Record<ExportFormat, (pair: ExportPair, ctx: RecordContext) => object> = {
  trl: trlRecord,
  "trl-chat": trlChatRecord,
  "llama-factory": llamaFactoryRecord,
  "llama-factory-sharegpt": llamaFactorySharegptRecord,
  openrlhf: openRlhfRecord,
  "cm-align": cmAlignRecord,
  parquet: parquetRow,
};

export function buildRecord(format: ExportFormat, pair: ExportPair, ctx: RecordContext): object {
  return builders[format](pair, ctx);
}
