import type { SplitName } from "./types";

type DataFile = { split: SplitName; path: string };

export type LlamaFactoryFlavor = "alpaca" | "sharegpt";

/** Entry name in dataset_info.json: the train file keeps the plain name so `dataset:` does not change with a split. */
export function llamaFactoryEntryName(datasetName: string, split: SplitName): string {
  return split === "train" ? datasetName : `${datasetName}_test`;
}

function columnsFor(flavor: LlamaFactoryFlavor, hasSystem: boolean): Record<string, string> {
  const columns: Record<string, string> =
    flavor === "alpaca"
      ? { prompt: "instruction", query: "input", chosen: "chosen", rejected: "rejected" }
      : { messages: "conversations", chosen: "chosen", rejected: "rejected" };
  if (hasSystem) columns.system = "system";
  return columns;
}

/**
 * The dataset_info.json LLaMA-Factory reads from its `dataset_dir`. `ranking: true` marks the
 * files as preference data (RM/DPO/ORPO/SimPO). `system` is mapped only when a record has one.
 */
export function buildDatasetInfo(options: {
  datasetName: string;
  flavor: LlamaFactoryFlavor;
  files: readonly DataFile[];
  hasSystem: boolean;
}): Record<string, object> {
  const info: Record<string, object> = {};
  for (const file of options.files) {
    const entry =
      options.flavor === "alpaca"
        ? { file_name: file.path, ranking: true, columns: columnsFor("alpaca", options.hasSystem) }
        : {
            file_name: file.path,
            formatting: "sharegpt",
            ranking: true,
            columns: columnsFor("sharegpt", options.hasSystem),
          };
    info[llamaFactoryEntryName(options.datasetName, file.split)] = entry;
  }
  return info;
}

export function renderDatasetInfo(info: Record<string, object>): string {
  return `${JSON.stringify(info, null, 2)}\n`;
}
