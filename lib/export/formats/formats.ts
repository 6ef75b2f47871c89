import type { ExportFormat } from "./types";

export type Container = "jsonl" | "json-array" | "parquet";

export type FormatSpec = {
  container: Container;
  extension: "jsonl" | "json" | "parquet";
  /** Written as the single file `--out` names when there is no split; otherwise always a directory. */
  singleFile: boolean;
  /** Extra files written next to the data in directory layout. */
  extras: readonly ("dataset_info.json" | "README.md")[];
  /** Records carry the team review (consensus, votes, adjudication), read in the same pass as the pairs. */
  review: boolean;
};

/**
 * Formats with extras are always directories: LLaMA-Factory needs dataset_info.json beside its
 * data (its `dataset_dir`), OpenRLHF gets the README with the flags, Parquet the dataset card.
 */
export const FORMAT_SPECS: Record<ExportFormat, FormatSpec> = {
  trl: { container: "jsonl", extension: "jsonl", singleFile: true, extras: [], review: false },
  "trl-chat": { container: "jsonl", extension: "jsonl", singleFile: true, extras: [], review: false },
  "cm-align": { container: "jsonl", extension: "jsonl", singleFile: true, extras: [], review: true },
  "llama-factory": { container: "json-array", extension: "json", singleFile: false, extras: ["dataset_info.json"], review: false },
  "llama-factory-sharegpt": {
    container: "json-array",
    extension: "json",
    singleFile: false,
    extras: ["dataset_info.json"],
    review: false,
  },
  openrlhf: { container: "jsonl", extension: "jsonl", singleFile: false, extras: ["README.md"], review: false },
  parquet: { container: "parquet", extension: "parquet", singleFile: false, extras: ["README.md"], review: false },
};

type TextContainer = Exclude<Container, "parquet">;

/** How records are framed in a text file; shared by the file writer and the preview. */
export type Framing = {
  start: string;
  beforeRecord: (index: number) => string;
  afterRecord: string;
  end: (recordCount: number) => string;
};

export const FRAMINGS: Record<TextContainer, Framing> = {
  jsonl: { start: "", beforeRecord: () => "", afterRecord: "\n", end: () => "" },
  // One record per line inside the array keeps the file greppable and diffable.
  "json-array": {
    start: "[",
    beforeRecord: (i) => (i === 0 ? "\n" : ",\n"),
    afterRecord: "",
    end: (n) => (n === 0 ? "]\n" : "\n]\n"),
  },
};
