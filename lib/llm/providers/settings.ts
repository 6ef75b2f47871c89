import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";

/** Keys of the `settings` table; values saved there win over the environment. */
export const SETTING_KEYS = {
  baseUrl: "provider.base_url",
  apiKey: "provider.api_key",
  generationModel: "provider.generation_model",
  embeddingModel: "provider.embedding_model",
} as const;

export type ProviderSettings = {
  baseUrl: string | null;
  apiKey: string | null;
  generationModel: string | null;
  embeddingModel: string | null;
};

/** What the browser may see: never the key itself. */
export type ProviderSettingsView = Omit<ProviderSettings, "apiKey"> & {
  apiKeyMasked: string | null;
  apiKeySource: "settings" | "environment" | null;
};

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .nullable();

export const ZProviderSettingsInput = z.object({
  baseUrl: optionalText.refine((s) => s === null || /^https?:\/\/\S+$/.test(s), "must be an http(s) URL").optional(),
  /** Absent keeps a stored value, empty removes it (the environment applies again); an empty key keeps the stored one. */
  apiKey: optionalText.optional().transform((k) => k ?? undefined),
  clearApiKey: z.boolean().default(false),
  generationModel: optionalText.optional(),
  embeddingModel: optionalText.optional(),
});
export type TProviderSettingsInput = z.input<typeof ZProviderSettingsInput>;

async function storedSettings(db: Database): Promise<Map<string, string>> {
  const rows = await db.prisma.setting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function loadProviderSettings(db: Database): Promise<ProviderSettings> {
  const stored = await storedSettings(db);
  const e = env();
  return {
    baseUrl: stored.get(SETTING_KEYS.baseUrl) ?? e.OPENAI_BASE_URL ?? null,
    apiKey: stored.get(SETTING_KEYS.apiKey) ?? e.OPENAI_API_KEY ?? null,
    generationModel: stored.get(SETTING_KEYS.generationModel) ?? e.CM_GENERATION_MODEL ?? null,
    embeddingModel: stored.get(SETTING_KEYS.embeddingModel) ?? e.CM_EMBEDDING_MODEL ?? null,
  };
}

/** "sk-…abcd": enough to recognise a key, too little to use it. */
export function maskApiKey(key: string): string {
  if (key.length <= 8) return "••••";
  return `${key.slice(0, 3)}…${key.slice(-4)}`;
}

export async function loadProviderSettingsView(db: Database): Promise<ProviderSettingsView> {
  const stored = await storedSettings(db);
  const { apiKey, ...rest } = await loadProviderSettings(db);
  return {
    ...rest,
    apiKeyMasked: apiKey ? maskApiKey(apiKey) : null,
    apiKeySource: apiKey ? (stored.has(SETTING_KEYS.apiKey) ? "settings" : "environment") : null,
  };
}

export async function saveProviderSettings(db: Database, input: TProviderSettingsInput): Promise<ProviderSettingsView> {
  const s = ZProviderSettingsInput.parse(input);
  const writes: Array<[string, string | null | undefined]> = [
    [SETTING_KEYS.baseUrl, s.baseUrl],
    [SETTING_KEYS.generationModel, s.generationModel],
    [SETTING_KEYS.embeddingModel, s.embeddingModel],
    [SETTING_KEYS.apiKey, s.clearApiKey ? null : s.apiKey],
  ];
  await db.prisma.$transaction(async (tx) => {
    for (const [key, value] of writes) {
      if (value === null) await tx.setting.deleteMany({ where: { key } });
      else if (value !== undefined) await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
  });
  return loadProviderSettingsView(db);
}
