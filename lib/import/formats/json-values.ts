import { jsonParser } from "stream-json/parser.js";

import { messages } from "./messages";
import type { RawRecord, RecordSink } from "./record-sink";
import { isPlainObject } from "./shape-check";
import { ImportFatalError } from "./source";
import type { ImportItem } from "./types";
import { type JsonToken, ValueBuilder } from "./value-builder";

const NONE = Symbol.for("object-stream.none");
const LF = 0x0a;

type TokenFn = (input: string | symbol) => unknown;

function tokensOf(output: unknown): JsonToken[] {
  if (output === NONE || output === undefined) return [];
  const values = (output as { values?: JsonToken[] }).values;
  return values ?? [output as JsonToken];
}

function parserMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Parser cannot parse input: /, "").replace(/^Parser has expected /, "expected ");
}

/**
 * `.json` input through stream-json: a top-level array of records ("array"), or concatenated
 * top-level values ("stream", for a `.json` file that does not start with "["). Input is fed to
 * the tokenizer one line segment at a time, so every token is known to come from one line: a
 * record's line is where its first token is. Syntax errors cannot be resynchronised and are fatal.
 */
export async function* readJsonValues(
  chunks: AsyncIterable<Buffer>,
  sink: RecordSink,
  maxRecordBytes: number,
  topLevel: "array" | "stream",
): AsyncGenerator<ImportItem[]> {
  const tokenize = jsonParser({ packValues: false, streamValues: true, jsonStreaming: topLevel === "stream" }) as TokenFn;
  let decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  const state: { root: "before" | "inside" | "after" } = { root: topLevel === "array" ? "before" : "inside" };
  let builder: ValueBuilder | null = null;
  let recordLine = 0;
  let recordBadLine: number | null = null;
  let badLine: number | null = null;
  let badLineClaimed = false;

  const finishRecord = (done: ValueBuilder) => {
    builder = null;
    if (recordBadLine !== null) {
      sink.invalid(recordLine, [{ field: null, message: messages.notUtf8, line: recordBadLine }], rawOf(done.result));
    } else if (done.oversize) {
      sink.invalid(recordLine, [{ field: null, message: messages.recordTooLong(maxRecordBytes) }], null);
    } else {
      sink.record(recordLine, done.result, () => rawOf(done.result));
    }
  };

  const handle = (token: JsonToken) => {
    if (builder === null) {
      if (state.root === "before") {
        if (token.name !== "startArray") throw new ImportFatalError("expected a JSON array at the top level", line);
        state.root = "inside";
        return;
      }
      if (topLevel === "array" && token.name === "endArray") {
        state.root = "after";
        return;
      }
      builder = new ValueBuilder(maxRecordBytes);
      recordLine = line;
      recordBadLine = badLine === line ? line : null;
      if (badLine === line) badLineClaimed = true;
    }
    if (builder.consume(token)) finishRecord(builder);
  };

  const feed = (input: string | symbol) => {
    let output: unknown;
    try {
      output = tokenize(input);
    } catch (error) {
      throw new ImportFatalError(`invalid JSON on line ${line}: ${parserMessage(error)}`, line);
    }
    for (const token of tokensOf(output)) handle(token);
  };

  const decode = (segment: Buffer | undefined) => {
    try {
      return segment === undefined ? decoder.decode() : decoder.decode(segment, { stream: true });
    } catch {
      decoder = new TextDecoder("utf-8", { fatal: true });
      badLine = line;
      badLineClaimed = builder !== null;
      if (builder !== null) recordBadLine ??= line;
      return segment === undefined ? "" : segment.toString("utf8");
    }
  };

  const endLine = () => {
    if (badLine === line && !badLineClaimed) sink.invalid(line, [{ field: null, message: messages.notUtf8 }], null);
    line++;
  };

  for await (const chunk of chunks) {
    let pos = 0;
    while (pos < chunk.length) {
      const newline = chunk.indexOf(LF, pos);
      const end = newline === -1 ? chunk.length : newline + 1;
      feed(decode(chunk.subarray(pos, end)));
      if (newline !== -1) endLine();
      pos = end;
    }
    if (sink.size > 0) yield sink.take();
  }
  feed(decode(undefined));
  feed(NONE);
  if (state.root !== "after" && topLevel === "array") throw new ImportFatalError("the JSON array is not closed", line);
  endLine();
  sink.finish();
  yield sink.take();
}

function rawOf(value: unknown): RawRecord {
  if (isPlainObject(value)) return value;
  return value === undefined ? null : JSON.stringify(value);
}
