import "server-only";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { createEmbedRun } from "@/lib/llm/embed/embed-run";
import { enqueueJob } from "@/lib/jobs/queue";
import { createGenerateRun } from "./generate-run";

const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().pipe(schema).optional());
const blankToNull = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().nullable().default(null));

/** The generate form as the browser sends it (strings); the run config validates again. */
export const ZGenerateForm = z.object({
  slug: z.string().min(1),
  model: blankToNull,
  samples: z.coerce.number().int().min(1).max(64),
  languages: z.array(z.string().min(2).max(16)).default([]),
  temperature: optionalNumber(z.number().min(0).max(2)),
  topP: optionalNumber(z.number().gt(0).max(1)),
  maxTokens: optionalNumber(z.number().int().min(1)),
  seed: optionalNumber(z.number().int().min(0)),
  systemPrompt: blankToNull,
  concurrency: optionalNumber(z.number().int().min(1).max(256)),
  rpm: optionalNumber(z.number().int().min(0)),
  translateMissing: z.boolean().default(false),
});
export type TGenerateForm = z.output<typeof ZGenerateForm>;

export const ZEmbedForm = z.object({ slug: z.string().min(1), model: blankToNull });

/** Creates a generate run and queues it for the workers. */
export async function startGenerateRun(
  db: Database,
  datasetId: number,
  { slug: _slug, languages, ...form }: TGenerateForm,
  createdById: number | null = null,
): Promise<{ runId: number }> {
  const defined = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
  const { runId } = await createGenerateRun(
    db,
    datasetId,
    { ...defined, samples: form.samples, languages: languages.length ? languages : null },
    createdById,
  );
  await enqueueJob(db, "generate", { runId });
  return { runId };
}

export async function startEmbedRun(
  db: Database,
  datasetId: number,
  { model }: z.output<typeof ZEmbedForm>,
  createdById: number | null = null,
): Promise<{ runId: number; model: string }> {
  const { runId, config } = await createEmbedRun(db, datasetId, { model }, createdById);
  await enqueueJob(db, "embed", { runId });
  return { runId, model: config.model };
}
