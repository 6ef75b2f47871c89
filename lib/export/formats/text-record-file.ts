import type { HashedFileSink } from "./file-sink";
import { FRAMINGS, type Framing } from "./formats";
import { recordJson } from "./json-text";
import type { ManifestFile } from "./types";

/** A JSONL or JSON-array file fed one record at a time. */
export class TextRecordFile {
  private count = 0;
  private readonly framing: Framing;

  private constructor(
    private readonly sink: HashedFileSink,
    container: keyof typeof FRAMINGS,
  ) {
    this.framing = FRAMINGS[container];
  }

  static async start(sink: HashedFileSink, container: keyof typeof FRAMINGS): Promise<TextRecordFile> {
    const file = new TextRecordFile(sink, container);
    if (file.framing.start !== "") await sink.writeText(file.framing.start);
    return file;
  }

  /** Returns a promise only when the file is being written to; wait for it before adding more. */
  add(record: object): Promise<void> | undefined {
    const { beforeRecord, afterRecord } = this.framing;
    const before = beforeRecord(this.count);
    this.count += 1;
    this.sink.rows = this.count;
    const json = recordJson(record);
    if (before === "") return this.sink.writeTexts(json, afterRecord);
    return this.sink.writeTexts(before + json, afterRecord);
  }

  async close(): Promise<ManifestFile> {
    const end = this.framing.end(this.count);
    if (end !== "") await this.sink.writeText(end);
    return this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}

/** The exact text a file would hold if these were all its records. */
export function renderRecords(records: readonly object[], container: keyof typeof FRAMINGS): string {
  const { start, beforeRecord, afterRecord, end } = FRAMINGS[container];
  let text = start;
  records.forEach((record, i) => {
    text += beforeRecord(i) + recordJson(record) + afterRecord;
  });
  return text + end(records.length);
}
