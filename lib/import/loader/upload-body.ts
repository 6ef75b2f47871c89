import { ImportFatalError } from "@/lib/import/formats/source";

const count = (n: number) => n.toLocaleString("en");

/**
 * An upload's body as it arrives, as long as it is whole: a body that breaks off (the client went
 * away) or ends before the length it announced fails the import, so a cut file is never imported
 * as if it were all there (its last line may even parse).
 */
export async function* wholeBody(body: AsyncIterable<Uint8Array>, expected: number | null): AsyncGenerator<Uint8Array> {
  let received = 0;
  try {
    for await (const chunk of body) {
      received += chunk.byteLength;
      if (expected !== null && received > expected) {
        throw new ImportFatalError(
          `the upload is longer than the ${count(expected)} bytes it announced (Content-Length); nothing was imported`,
        );
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFatalError) throw error;
    throw new ImportFatalError(
      `the upload broke off after ${count(received)} bytes (${error instanceof Error ? error.message : String(error)}); nothing was imported`,
    );
  }
  if (expected !== null && received < expected) {
    throw new ImportFatalError(
      `the upload ended after ${count(received)} of the ${count(expected)} bytes it announced (Content-Length); nothing was imported`,
    );
  }
}
