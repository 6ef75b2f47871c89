import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { execute, queryRows, sql } from "@/lib/db/sql";
import { Provider } from "@/lib/llm/providers/provider";
import { describeProviderError } from "@/lib/llm/providers/retry";
import { loadProviderSettings } from "@/lib/llm/providers/settings";
import type { ItemFailure } from "@/lib/llm/providers/run-loop";

export type TranslateResult = { created: number; failures: ItemFailure[]; promptTokens: number; completionTokens: number };

const names = new Intl.DisplayNames(["en"], { type: "language" });

/** The instruction the translation request carries (the mock server recognises this wording). */
export function translationInstruction(lang: string): string {
  return `Translate the user's message into ${names.of(lang) ?? lang} (${lang}). Keep numbers, names and formatting. Reply with the translation only.`;
}

/**
 * Creates the prompt texts `languages` lack from the dataset's pivot-language prompt, marked
 * machine-translated (editable before generating). Existing texts are never replaced.
 */
export async function translateMissingPrompts(
  db: Database,
  datasetId: number,
  opts: { model: string; languages: string[]; provider?: Provider; groupRange?: [number, number] },
): Promise<TranslateResult> {
  const [from, to] = opts.groupRange ?? [null, null];
  const rows = await queryRows(
    db.pool,
    sql`SELECT src.group_id, l.language, src.text
     FROM datasets d
     JOIN prompt_texts src ON src.dataset_id = d.id AND src.language = d.pivot_language
     CROSS JOIN unnest(${opts.languages}::text[]) AS l(language)
     WHERE d.id = ${datasetId} AND l.language <> d.pivot_language
       AND (${from}::int IS NULL OR src.group_id BETWEEN ${from} AND ${to})
       AND NOT EXISTS (SELECT 1 FROM prompt_texts t WHERE t.group_id = src.group_id AND t.language = l.language)
     ORDER BY src.group_id, l.language`,
    z.object({ group_id: z.number(), language: z.string(), text: z.string() }),
  );
  const provider = opts.provider ?? new Provider(await loadProviderSettings(db));
  const result: TranslateResult = { created: 0, failures: [], promptTokens: 0, completionTokens: 0 };
  await Promise.all(
    rows.map(async (row) => {
      try {
        const c = await provider.chat({
          model: opts.model,
          temperature: 0,
          messages: [
            { role: "system", content: translationInstruction(row.language) },
            { role: "user", content: row.text },
          ],
        });
        const text = c.choices[0]?.message?.content?.trim() ?? "";
        if (text === "") throw new Error("the model returned an empty translation");
        result.promptTokens += c.usage?.prompt_tokens ?? 0;
        result.completionTokens += c.usage?.completion_tokens ?? 0;
        // Awaited before the +=, which would otherwise read `created` before the await and lose concurrent adds.
        const created = await execute(
          db.pool,
          sql`INSERT INTO prompt_texts (dataset_id, group_id, language, text, machine_translated)
              VALUES (${datasetId}, ${row.group_id}, ${row.language}, ${text}, true) ON CONFLICT DO NOTHING`,
        );
        result.created += created;
      } catch (e) {
        result.failures.push({ groupId: row.group_id, language: row.language, error: describeProviderError(e) });
      }
    }),
  );
  result.failures.sort((a, b) => a.groupId - b.groupId || a.language.localeCompare(b.language));
  return result;
}
