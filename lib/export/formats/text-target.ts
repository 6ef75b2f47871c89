import path from "node:path";
import { HashedFileSink } from "./file-sink";
import { FORMAT_SPECS } from "./formats";
import type { ExportLayout } from "./layout";
import { buildRecord, resolveSystem, type RecordContext } from "./records";
import { TextRecordFile } from "./text-record-file";
import type { ExportFormat, ExportPair, ManifestFile, SplitName } from "./types";

/** JSONL / JSON-array output: one records file per split. */
export class TextTarget {
  /** True once any record carried a system prompt (LLaMA-Factory then maps a `system` column). */
  hasSystem = false;

  private constructor(
    private readonly format: ExportFormat,
    private readonly files: Map<SplitName, TextRecordFile>,
    private readonly ctx: RecordContext,
  ) {}

  static async open(options: {
    format: ExportFormat;
    layout: ExportLayout;
    splits: readonly SplitName[];
    ctx: RecordContext;
  }): Promise<TextTarget> {
    const { container } = FORMAT_SPECS[options.format];
    if (container === "parquet") throw new Error("TextTarget cannot write parquet");
    const files = new Map<SplitName, TextRecordFile>();
    try {
      for (const split of options.splits) {
        const relative = options.layout.dataFile(split);
        const sink = await HashedFileSink.open(path.join(options.layout.root, relative), relative);
        files.set(split, await TextRecordFile.start(sink, container));
      }
    } catch (error) {
      await Promise.all([...files.values()].map((f) => f.abort()));
      throw error;
    }
    return new TextTarget(options.format, files, options.ctx);
  }

  /** Returns a promise only when a file is being written to; wait for it before adding more. */
  add(pair: ExportPair, split: SplitName): Promise<void> | undefined {
    const file = this.files.get(split);
    if (!file) throw new Error(`no ${split} file is open`);
    if (!this.hasSystem && resolveSystem(pair, this.ctx) !== undefined) this.hasSystem = true;
    return file.add(buildRecord(this.format, pair, this.ctx));
  }

  async close(): Promise<ManifestFile[]> {
    const manifest: ManifestFile[] = [];
    for (const file of this.files.values()) manifest.push(await file.close());
    return manifest;
  }

  async abort(): Promise<void> {
    await Promise.all([...this.files.values()].map((f) => f.abort()));
  }
}
