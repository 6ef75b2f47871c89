const LF = 0x0a;
const CR = 0x0d;

export interface LineHandler {
  /** One complete line without its line ending and without a leading BOM (files concatenated with
   *  `cat` can have one on any line). */
  line(buf: Buffer, start: number, end: number, lineNo: number): void;
  /** A line grew past the limit; its bytes are being discarded up to the next newline. */
  tooLong(lineNo: number): void;
}

/**
 * Splits a byte stream into lines on raw Buffers. Lines that fit in one chunk are passed as views
 * of that chunk (no copy); only lines crossing chunk boundaries are concatenated. Memory is bounded
 * by maxLineBytes: an over-long line is reported once and skipped.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private discarding = false;
  private lineNo = 1;

  constructor(private readonly maxLineBytes: number) {}

  push(chunk: Buffer, handler: LineHandler): void {
    let pos = 0;
    while (pos < chunk.length) {
      const newline = chunk.indexOf(LF, pos);
      const end = newline === -1 ? chunk.length : newline;
      if (this.discarding) {
        if (newline === -1) return;
        this.discarding = false;
      } else if (this.pendingBytes + (end - pos) > this.maxLineBytes) {
        this.pending = [];
        this.pendingBytes = 0;
        handler.tooLong(this.lineNo);
        if (newline === -1) {
          this.discarding = true;
          return;
        }
      } else if (newline === -1) {
        this.pending.push(chunk.subarray(pos));
        this.pendingBytes += chunk.length - pos;
        return;
      } else if (this.pendingBytes === 0) {
        this.emit(chunk, pos, end, handler);
      } else {
        this.pending.push(chunk.subarray(pos, end));
        const joined = Buffer.concat(this.pending, this.pendingBytes + (end - pos));
        this.pending = [];
        this.pendingBytes = 0;
        this.emit(joined, 0, joined.length, handler);
      }
      this.lineNo++;
      pos = newline + 1;
    }
  }

  end(handler: LineHandler): void {
    if (this.pendingBytes > 0 && !this.discarding) {
      const joined = Buffer.concat(this.pending, this.pendingBytes);
      this.emit(joined, 0, joined.length, handler);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  private emit(buf: Buffer, start: number, end: number, handler: LineHandler): void {
    if (end > start && buf[end - 1] === CR) end--;
    if (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) {
      start += 3;
    }
    handler.line(buf, start, end, this.lineNo);
  }
}

/** True for a line holding only spaces and tabs (checked only when the first byte is one). */
export function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x09 && c !== CR) return false;
  }
  return true;
}
