import { describe, expect, it } from "vitest";
import { ImportFatalError } from "@/lib/import/formats/source";
import { wholeBody } from "./upload-body";

const bytes = (...sizes: number[]) => sizes.map((n) => new Uint8Array(n).fill(65));

async function* from(chunks: Uint8Array[], failWith?: Error): AsyncGenerator<Uint8Array> {
  yield* chunks;
  if (failWith) throw failWith;
}

async function drain(body: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of body) n += chunk.byteLength;
  return n;
}

describe("wholeBody", () => {
  it("passes a body of exactly the announced length (or of any length when none was announced)", async () => {
    expect(await drain(wholeBody(from(bytes(3, 4)), 7))).toBe(7);
    expect(await drain(wholeBody(from(bytes(3, 4)), null))).toBe(7);
  });

  it("fails a body that ends before its announced length, after passing what came", async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const chunk of wholeBody(from(bytes(3, 4)), 20_000)) seen.push(chunk.byteLength);
    };
    await expect(run()).rejects.toThrow(
      new ImportFatalError("the upload ended after 7 of the 20,000 bytes it announced (Content-Length); nothing was imported"),
    );
    expect(seen).toEqual([3, 4]);
  });

  it("fails a body longer than announced, and one that breaks off", async () => {
    await expect(drain(wholeBody(from(bytes(3, 4)), 5))).rejects.toThrow(
      "the upload is longer than the 5 bytes it announced (Content-Length); nothing was imported",
    );
    await expect(drain(wholeBody(from(bytes(3), new Error("aborted")), null))).rejects.toThrow(
      "the upload broke off after 3 bytes (aborted); nothing was imported",
    );
  });
});
