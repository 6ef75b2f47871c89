import { isUtf8 } from "node:buffer";

import { describeJsonError } from "./json-error";
import { isBlank, type LineHandler, LineSplitter } from "./line-splitter";
import { messages } from "./messages";
import type { RecordSink } from "./record-sink";
import type { ImportItem } from "./types";

const SPACE = 0x20;
const TAB = 0x09;
/** Deeper records are refused per line: storing one (jsonb, rejects) would overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/** Whether arrays and objects nest deeper than `max` levels (iteratively: any depth is safe here). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= max) return true;
    for (const item of Array.isArray(v) ? v : Object.values(v))
      if (item !== null && typeof item === "object") stack.push([item, depth + 1]);
  }
  return false;
}

/** JSON Lines: one record per line; every line is decoded and parsed on its own. */
export async function* readJsonLines(chunks: AsyncIterable<Buffer>, sink: RecordSink, maxLineBytes: number): AsyncGenerator<ImportItem[]> {
  const splitter = new LineSplitter(maxLineBytes);
  const handler: LineHandler = {
    line(buf, start, end, lineNo) {
      if (end === start) return;
      const first = buf[start];
      if ((first === SPACE || first === TAB) && isBlank(buf, start, end)) return;
      // simdutf validation, then decoding: the same verdict as TextDecoder({ fatal: true }), several
      // times faster on mostly-ASCII text.
      const text = buf.toString("utf8", start, end);
      if (!isUtf8(buf.subarray(start, end))) {
        sink.invalid(lineNo, [{ field: null, message: messages.notUtf8 }], text);
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        sink.invalid(lineNo, [{ field: null, message: describeJsonError(error, text) }], text);
        return;
      }
      if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
        sink.invalid(lineNo, [{ field: null, message: `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels` }], text);
        return;
      }
      // JSON.parse turns a `\udfff` escape into a lone surrogate; a line without a `\u` escape has none.
      sink.record(lineNo, value, () => text, text.includes("\\u"));
    },
    tooLong(lineNo) {
      sink.invalid(lineNo, [{ field: null, message: messages.lineTooLong(maxLineBytes) }], null);
    },
  };
  for await (const chunk of chunks) {
    splitter.push(chunk, handler);
    if (sink.size > 0) yield sink.take();
  }
  splitter.end(handler);
  sink.finish();
  yield sink.take();
}
