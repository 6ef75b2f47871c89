import { setOwn } from "./nested";

/** The subset of stream-json tokens produced with streamed (unpacked) keys, strings and numbers. */
export type JsonToken =
  | { name: "startObject" | "endObject" | "startArray" | "endArray" }
  | { name: "startKey" | "endKey" | "startString" | "endString" | "startNumber" | "endNumber" }
  | { name: "stringChunk" | "numberChunk"; value: string }
  | { name: "nullValue"; value: null }
  | { name: "trueValue"; value: true }
  | { name: "falseValue"; value: false };

type Container = Record<string, unknown> | unknown[];

/**
 * Builds one JSON value from streamed tokens, counting its size; once past `limit` it stops
 * building (memory stays bounded) but keeps tracking nesting so the value's end is still found.
 */
export class ValueBuilder {
  private readonly stack: Container[] = [];
  private readonly keys: string[] = [];
  private text = "";
  private depth = 0;
  size = 0;
  oversize = false;
  result: unknown = undefined;

  constructor(private readonly limit: number) {}

  /** Returns true once the value is complete. */
  consume(token: JsonToken): boolean {
    switch (token.name) {
      case "startObject":
      case "startArray":
        this.depth++;
        this.size++;
        if (!this.oversize) this.stack.push(token.name === "startObject" ? {} : []);
        return false;
      case "endObject":
      case "endArray": {
        this.depth--;
        if (this.oversize) return this.depth === 0;
        const done = this.stack.pop();
        return this.place(done);
      }
      case "startKey":
      case "startString":
      case "startNumber":
        this.text = "";
        return false;
      case "stringChunk":
      case "numberChunk":
        this.size += token.value.length;
        if (this.size > this.limit) this.dropContent();
        if (!this.oversize) this.text += token.value;
        return false;
      case "endKey":
        if (!this.oversize) this.keys[this.stack.length - 1] = this.text;
        return false;
      case "endString":
        return this.oversize ? this.depth === 0 : this.place(this.text);
      case "endNumber":
        return this.oversize ? this.depth === 0 : this.place(Number(this.text));
      default:
        return this.oversize ? this.depth === 0 : this.place(token.value);
    }
  }

  private dropContent(): void {
    this.oversize = true;
    this.stack.length = 0;
    this.keys.length = 0;
    this.text = "";
  }

  private place(value: unknown): boolean {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      this.result = value;
      return true;
    }
    if (Array.isArray(parent)) parent.push(value);
    else setOwn(parent, this.keys[this.stack.length - 1] ?? "", value);
    return false;
  }
}
