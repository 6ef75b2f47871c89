import { sortedKeysJson } from "./json-text";
import { parquetShardPath } from "./layout";
import { codeBlock, countsTable } from "./markdown";
import { PARQUET_COLUMNS } from "./row-group-encoding";
import type { SplitCounts, SplitName } from "./types";
import { toYaml, type YamlValue } from "./yaml";

export const CARD_TAGS = ["dpo", "preference", "multilingual", "cm-align"] as const;

export type DatasetCardInput = {
  datasetName: string;
  languages: readonly string[];
  splits: readonly SplitName[];
  counts: Record<string, SplitCounts>;
  runConfig?: Record<string, unknown>;
};

/** The YAML front matter: one config per language, the first being the default. */
export function cardFrontMatter(input: DatasetCardInput): { [key: string]: YamlValue } {
  const features = PARQUET_COLUMNS.map((c) => ({ name: c.name, dtype: c.type === "STRING" ? "string" : "float64" }));
  return {
    language: [...input.languages],
    tags: [...CARD_TAGS],
    configs: input.languages.map((lang, i) => ({
      config_name: lang,
      ...(i === 0 ? { default: true } : {}),
      data_files: input.splits.map((split) => ({ split, path: parquetShardPath(lang, split) })),
    })),
    dataset_info: input.languages.map((lang) => ({
      config_name: lang,
      features,
      splits: input.splits.map((split) => ({ name: split, num_examples: input.counts[lang]?.[split] ?? 0 })),
    })),
  };
}

export function buildDatasetCard(input: DatasetCardInput): string {
  const hasSplit = input.splits.includes("test");
  const firstLanguage = input.languages[0] ?? "de";
  const config =
    input.runConfig === undefined
      ? "No run configuration was recorded for this export."
      : codeBlock(sortedKeysJson(input.runConfig), "json");
  const usage = [
    "from datasets import load_dataset",
    "",
    `pairs = load_dataset("path/to/${input.datasetName}", ${JSON.stringify(firstLanguage)})`,
  ].join("\n");
  const splitNote = hasSplit
    ? "The train/test split is made per prompt group, so a question never appears in both splits through different languages.\n\n"
    : "";
  return `---
${toYaml(cardFrontMatter(input))}---

# ${input.datasetName}

Multilingual preference pairs for DPO-style training, one chosen/rejected pair per prompt and
language, built and reviewed with CM-Align Studio. Each language is its own config.

## How the pairs were made

1. **Samples.** For every prompt, several responses were collected in each language, English included.
2. **English reference by consistency.** Each English response was scored by its mean similarity to
   the other English responses of the same prompt; the most consistent one became the reference.
   Empty responses never qualify, and ties go to the earlier sample.
3. **Cross-lingual consistency.** Every response in another language was scored by its similarity to
   that English reference. The highest-scoring response is \`chosen\`, the lowest-scoring one is
   \`rejected\`. No pair was made when both are the same response or text, or when the margin is
   below the run's threshold.
4. **Language guard.** A response detected to be in the wrong language is never chosen (it is the
   preferred rejected one), unless the run switched the guard off.
5. **Review.** Where a reviewer accepted, swapped or re-picked a pair, their decision is what you get;
   otherwise the pipeline's proposal.

The similarity function ("scorer") and thresholds are part of the run configuration below.

## Columns

- \`prompt\`, \`chosen\`, \`rejected\`: the prompt in the config's language and the two responses.
- \`prompt_id\`: the prompt group id; the same question shares it across languages.
- \`lang\`: the language code.
- \`score_chosen\`, \`score_rejected\`: cross-lingual consistency of each response with the English reference.
- \`margin\`: \`score_chosen - score_rejected\`.

${splitNote}## Pairs per language

${countsTable(input.counts, hasSplit)}

## Usage

${codeBlock(usage, "python")}

## Run configuration

${config}
`;
}
