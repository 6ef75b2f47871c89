import { z } from "zod";
import { EXPORT_FORMATS, type ExportPair } from "./types";

// ---- Inputs -------------------------------------------------------------------------------

export const ZExportFormat = z.enum(EXPORT_FORMATS);

const CONSENSUS = ["pending", "unanimous", "majority", "disputed", "adjudicated"] as const;
const ZPreferred = z.enum(["chosen", "rejected", "tie", "both_bad", "other"]);
const ZVote = z.strictObject({
  reviewer: z.string().nullable(),
  preferred: ZPreferred,
  reason: z.string().nullable(),
  seconds: z.number().nullable(),
  at: z.iso.datetime(),
});
const ZAdjudication = z.strictObject({
  adjudicator: z.string().nullable(),
  preferred: ZPreferred,
  reason: z.string(),
  at: z.iso.datetime(),
});

export const ZExportPair = z.object({
  id: z.string(),
  promptId: z.string(),
  groupKey: z.string(),
  lang: z.string().min(1),
  prompt: z.string(),
  system: z.string().nullish(),
  chosen: z.string(),
  rejected: z.string(),
  enReference: z.string(),
  scoreChosen: z.number(),
  scoreRejected: z.number(),
  margin: z.number(),
  origin: z.enum(["auto", "human"]),
  status: z.string(),
  runId: z.string().nullable(),
  scorer: z.string(),
  review: z
    .object({
      consensus: z.enum(CONSENSUS),
      votes: z.array(ZVote),
      adjudication: ZAdjudication.nullable(),
    })
    .optional(),
}) satisfies z.ZodType<ExportPair>;

export const ZSplitOptions = z.object({
  testFraction: z.number().min(0).max(1),
  seed: z.union([z.number(), z.string()]),
});

// ---- Trainer record shapes (reference/anchor-tools.md §3) --------------------------------

const ZChatMessage = z.strictObject({ role: z.enum(["system", "user", "assistant"]), content: z.string() });
const ZAssistantTurn = z.tuple([z.strictObject({ role: z.literal("assistant"), content: z.string() })]);

/** Prompt messages: optional leading system message, ending with the user turn. */
const ZPromptMessages = z
  .array(ZChatMessage)
  .min(1)
  .refine((msgs) => msgs.at(-1)?.role === "user", "the prompt must end with a user message")
  .refine((msgs) => msgs.every((m, i) => m.role !== "system" || i === 0), "a system message may only come first");

/** TRL preference, standard type, explicit prompt. */
export const ZTrlStandardRecord = z.strictObject({ prompt: z.string(), chosen: z.string(), rejected: z.string() });

/** TRL preference, conversational type, explicit prompt. */
export const ZTrlConversationalRecord = z.strictObject({
  prompt: ZPromptMessages,
  chosen: ZAssistantTurn,
  rejected: ZAssistantTurn,
});

/** LLaMA-Factory alpaca ranking record. */
export const ZLlamaFactoryAlpacaRecord = z.strictObject({
  instruction: z.string(),
  input: z.string(),
  chosen: z.string(),
  rejected: z.string(),
  system: z.string().optional(),
  history: z.array(z.tuple([z.string(), z.string()])).optional(),
});

/** LLaMA-Factory sharegpt ranking record: `conversations` ends with the human turn. */
export const ZLlamaFactorySharegptRecord = z.strictObject({
  conversations: z
    .array(z.strictObject({ from: z.enum(["human", "gpt", "observation", "function_call"]), value: z.string() }))
    .min(1)
    .refine((turns) => turns.at(-1)?.from === "human", "conversations must end with a human turn"),
  chosen: z.strictObject({ from: z.literal("gpt"), value: z.string() }),
  rejected: z.strictObject({ from: z.literal("gpt"), value: z.string() }),
  system: z.string().optional(),
});

const ZColumnName = z.string().min(1);

/** One entry of LLaMA-Factory's dataset_info.json for ranking data. */
export const ZLlamaFactoryDatasetInfoEntry = z.union([
  z.strictObject({
    file_name: z.string().min(1),
    formatting: z.literal("alpaca").optional(),
    ranking: z.literal(true),
    columns: z.strictObject({
      prompt: ZColumnName,
      query: ZColumnName.optional(),
      chosen: ZColumnName,
      rejected: ZColumnName,
      system: ZColumnName.optional(),
      history: ZColumnName.optional(),
    }),
  }),
  z.strictObject({
    file_name: z.string().min(1),
    formatting: z.literal("sharegpt"),
    ranking: z.literal(true),
    columns: z.strictObject({
      messages: ZColumnName,
      chosen: ZColumnName,
      rejected: ZColumnName,
      system: ZColumnName.optional(),
    }),
  }),
]);

export const ZLlamaFactoryDatasetInfo = z.record(z.string(), ZLlamaFactoryDatasetInfoEntry);

/** OpenRLHF with `--data.prompt_key prompt --data.apply_chat_template`. */
export const ZOpenRlhfRecord = z.strictObject({
  prompt: ZPromptMessages,
  chosen: ZAssistantTurn,
  rejected: ZAssistantTurn,
  margin: z.number().optional(),
});

/** CM-Align provenance record (DESIGN §3). */
export const ZCmAlignRecord = z.strictObject({
  id: z.string(),
  prompt_id: z.string(),
  lang: z.string(),
  prompt: z.string(),
  chosen: z.string(),
  rejected: z.string(),
  en_reference: z.string(),
  score_chosen: z.number(),
  score_rejected: z.number(),
  margin: z.number(),
  origin: z.enum(["auto", "human"]),
  status: z.string(),
  run_id: z.string().nullable(),
  scorer: z.string(),
  consensus: z.enum(CONSENSUS),
  votes: z.array(ZVote),
  adjudication: ZAdjudication.nullable(),
});

/** A row of the Hugging Face Parquet files. */
export const ZParquetRow = z.strictObject({
  prompt: z.string(),
  chosen: z.string(),
  rejected: z.string(),
  prompt_id: z.string(),
  lang: z.string(),
  score_chosen: z.number(),
  score_rejected: z.number(),
  margin: z.number(),
});

/** The documented shape each `--format` writes, one record at a time. */
export const RECORD_SCHEMAS = {
  trl: ZTrlStandardRecord,
  "trl-chat": ZTrlConversationalRecord,
  "llama-factory": ZLlamaFactoryAlpacaRecord,
  "llama-factory-sharegpt": ZLlamaFactorySharegptRecord,
  openrlhf: ZOpenRlhfRecord,
  "cm-align": ZCmAlignRecord,
  parquet: ZParquetRow,
} as const satisfies Record<z.infer<typeof ZExportFormat>, z.ZodType>;

export type TTrlStandardRecord = z.infer<typeof ZTrlStandardRecord>;
export type TTrlConversationalRecord = z.infer<typeof ZTrlConversationalRecord>;
export type TLlamaFactoryAlpacaRecord = z.infer<typeof ZLlamaFactoryAlpacaRecord>;
export type TLlamaFactorySharegptRecord = z.infer<typeof ZLlamaFactorySharegptRecord>;
export type TOpenRlhfRecord = z.infer<typeof ZOpenRlhfRecord>;
export type TCmAlignRecord = z.infer<typeof ZCmAlignRecord>;
