import path from "node:path";
import { z } from "zod";
import { buildDatasetCard } from "./dataset-card";
import { HashedFileSink } from "./file-sink";
import { FORMAT_SPECS } from "./formats";
import { assertSafeLanguage, prepareLayout, type ExportLayout } from "./layout";
import { buildDatasetInfo, renderDatasetInfo } from "./llama-factory-info";
import { buildOpenRlhfReadme } from "./openrlhf-readme";
import { ParquetTarget } from "./parquet-target";
import { ZExportFormat, ZSplitOptions } from "./schemas";
import { createSplitter } from "./split";
import { TextTarget } from "./text-target";
import type { ExportManifest, ExportPair, ManifestFile, SplitCounts, SplitName, WriteExportOptions } from "./types";

const isBatch = (item: ExportPair | readonly ExportPair[]): item is readonly ExportPair[] => Array.isArray(item);

const ZWriteExportSettings = z.object({
  format: ZExportFormat,
  out: z.string().min(1),
  split: ZSplitOptions.optional(),
  system: z.string().nullish(),
  datasetName: z.string().min(1),
  runConfig: z.record(z.string(), z.unknown()).optional(),
  languages: z
    .array(z.string())
    .min(1)
    .refine((langs) => new Set(langs).size === langs.length, "languages must not repeat"),
});

/**
 * Streams pairs into the files of one export format and returns what was written: every file
 * with its sha256, byte size and record count, and the pairs per language and split.
 * The same rows in the same order always produce the same bytes.
 */
export async function writeExport(options: WriteExportOptions): Promise<ExportManifest> {
  const settings = ZWriteExportSettings.parse(options);
  settings.languages.forEach(assertSafeLanguage);
  const splits: SplitName[] = settings.split ? ["train", "test"] : ["train"];
  const layout = await prepareLayout(settings.format, settings.out, settings.split !== undefined);
  const splitOf = createSplitter(settings.split);
  const counts = Object.fromEntries(settings.languages.map((l): [string, SplitCounts] => [l, { train: 0, test: 0 }]));

  const target =
    FORMAT_SPECS[settings.format].container === "parquet"
      ? new ParquetTarget(layout.root, settings.languages, splits, options.parquet)
      : await TextTarget.open({ format: settings.format, layout, splits, ctx: { system: settings.system } });

  let dataFiles: ManifestFile[];
  try {
    for await (const item of options.rows) {
      const batch: readonly ExportPair[] = isBatch(item) ? item : [item];
      for (const pair of batch) {
        const langCounts = counts[pair.lang];
        if (!langCounts) {
          throw new Error(`pair ${pair.id} is in language "${pair.lang}", not one of ${settings.languages.join(", ")}`);
        }
        const split = splitOf(pair.groupKey);
        langCounts[split] += 1;
        const writing = target.add(pair, split);
        if (writing) await writing;
      }
    }
    dataFiles = await target.close();
  } catch (error) {
    await target.abort();
    throw error;
  }
  const extras = await writeExtras({
    ...settings,
    layout,
    splits,
    counts,
    dataFiles,
    hasSystem: target instanceof TextTarget && target.hasSystem,
  });
  const files = [...dataFiles, ...extras].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: settings.format, layout: layout.kind, files, counts };
}

type ExtrasInput = z.infer<typeof ZWriteExportSettings> & {
  layout: ExportLayout;
  splits: SplitName[];
  counts: Record<string, SplitCounts>;
  dataFiles: ManifestFile[];
  hasSystem: boolean;
};

async function writeExtras(input: ExtrasInput): Promise<ManifestFile[]> {
  const written: ManifestFile[] = [];
  for (const extra of FORMAT_SPECS[input.format].extras) {
    written.push(await writeSmallFile(input.layout.root, extra, renderExtra(extra, input)));
  }
  return written;
}

function renderExtra(extra: "dataset_info.json" | "README.md", input: ExtrasInput): string {
  const hasSplit = input.split !== undefined;
  if (extra === "dataset_info.json") {
    const flavor = input.format === "llama-factory-sharegpt" ? "sharegpt" : "alpaca";
    const files = input.splits.map((split) => ({ split, path: input.layout.dataFile(split) }));
    return renderDatasetInfo(buildDatasetInfo({ datasetName: input.datasetName, flavor, files, hasSystem: input.hasSystem }));
  }
  if (input.format === "openrlhf") {
    const files = input.splits.map((split) => input.layout.dataFile(split));
    return buildOpenRlhfReadme({ datasetName: input.datasetName, files, counts: input.counts, hasSplit });
  }
  return buildDatasetCard({
    datasetName: input.datasetName,
    languages: input.languages,
    splits: input.splits,
    counts: input.counts,
    runConfig: input.runConfig,
  });
}

async function writeSmallFile(root: string, relative: string, text: string): Promise<ManifestFile> {
  const sink = await HashedFileSink.open(path.join(root, relative), relative);
  try {
    await sink.writeText(text);
    return await sink.close();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}
