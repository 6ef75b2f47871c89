import { z } from "zod";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";
import { AppError, describeIssues } from "@/lib/errors";
import { CONSENSUS_VALUES } from "@/lib/pairs/constants";
import type { Consensus } from "@/lib/pipeline/consensus";

/** What a user asks for (CLI flags, UI form); `resolveExportConfig` turns it into an `ExportConfig`. */
export const ZExportRequest = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(", ")}` }),
  /** Languages to export; empty or absent: every language of the dataset except the pivot. */
  languages: z.array(z.string().min(1)).optional(),
  status: z.enum(["effective", "accepted"], { error: "must be effective or accepted" }).default("effective"),
  minMargin: z.number().finite().nullable().default(null),
  /** Share of prompt groups in the test split; null: no split. */
  testSplit: z.number().min(0).max(1).nullable().default(null),
  seed: z.number().int().default(0),
  system: z.string().max(20_000).nullable().default(null),
  excludeFlagged: z.boolean().default(false),
  englishPairs: z.boolean().default(false),
  /** Team-review consensus of the pairs to export, any of these; empty or absent: every pair. */
  consensus: z
    .array(
      z.enum(CONSENSUS_VALUES, {
        error: (issue) => `${JSON.stringify(issue.input)} is not a consensus; use ${CONSENSUS_VALUES.join(", ")}`,
      }),
      { error: `must be a list of ${CONSENSUS_VALUES.join(", ")}` },
    )
    .default([]),
});

export type ExportRequest = z.input<typeof ZExportRequest>;

/** Which pairs are read: everything `read-pairs` needs. */
export type ExportFilters = {
  /** Decides the columns read: `cm-align` also reads each pair's votes and adjudication. */
  format: ExportFormat;
  /** Resolved languages, in the dataset's order; holds the pivot only when English pairs are included. */
  languages: string[];
  status: "effective" | "accepted";
  minMargin: number | null;
  excludeFlagged: boolean;
  /** Consensus values in their canonical order; empty (or absent, in exports queued before 2026-12-07): any. */
  consensus?: Consensus[];
};

export type ExportConfig = ExportFilters & {
  englishPairs: boolean;
  testSplit: number | null;
  seed: number;
  system: string | null;
};

type DatasetLanguages = { slug: string; pivotLanguage: string; languages: string[] };

/** Validates a request against the dataset; bad input fails with an error naming the field. */
export function resolveExportConfig(dataset: DatasetLanguages, request: unknown): ExportConfig {
  const parsed = ZExportRequest.safeParse(request);
  if (!parsed.success) {
    throw new AppError("BAD_INPUT", describeIssues(parsed.error, "request"));
  }
  const r = parsed.data;
  const pivot = dataset.pivotLanguage;
  const known = dataset.languages.includes(pivot) ? dataset.languages : [pivot, ...dataset.languages];
  const requested = r.languages && r.languages.length > 0 ? r.languages : null;
  for (const lang of requested ?? []) {
    if (!known.includes(lang)) {
      throw new AppError("BAD_INPUT", `languages: "${lang}" is not a language of dataset ${dataset.slug} (${known.join(", ")})`);
    }
    if (lang === pivot && !r.englishPairs) {
      throw new AppError("BAD_INPUT", `languages: "${lang}" is the pivot language; include its pairs with englishPairs (--english-pairs)`);
    }
  }
  const languages = known.filter((l) => (l === pivot ? r.englishPairs : requested === null || requested.includes(l)));
  if (languages.length === 0) throw new AppError("BAD_INPUT", `languages: dataset ${dataset.slug} has no language to export`);
  return {
    format: r.format,
    languages,
    status: r.status,
    minMargin: r.minMargin,
    excludeFlagged: r.excludeFlagged,
    consensus: CONSENSUS_VALUES.filter((c) => r.consensus.includes(c)),
    englishPairs: r.englishPairs,
    testSplit: r.testSplit,
    seed: r.seed,
    system: r.system === null || r.system.trim() === "" ? null : r.system,
  };
}
