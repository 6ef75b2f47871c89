import { Readable } from "node:stream";

import { expect, it } from "vitest";

import { readImport } from "./read-import";

const LANGS: Record<string, string> = {
  en: "The answer is forty-two, because six times seven is forty-two. ",
  de: "Die Antwort ist zweiundvierzig, weil sechs mal sieben zweiundvierzig ist. ",
  fr: "La réponse est quarante-deux, car six fois sept font quarante-deux. ",
  ru: "Ответ сорок два, потому что шесть умножить на семь равно сорок два. ",
  zh: "答案是四十二，因为六乘以七等于四十二。",
  ar: "الجواب هو اثنان وأربعون لأن ستة في سبعة يساوي اثنين وأربعين. ",
};

/** A realistic nested line: 6 languages × 4 samples of ~500 characters, a quarter with model params. */
function nestedLine(i: number): string {
  const prompts: Record<string, string> = {};
  const responses: Record<string, unknown[]> = {};
  for (const [lang, sentence] of Object.entries(LANGS)) {
    prompts[lang] = `Question ${i}: ${sentence.slice(0, 40)}?`;
    responses[lang] = [0, 1, 2, 3].map((k) => {
      const text = `${k}. ${sentence.repeat(6 + (i % 5))} #${i}`;
      return k === 3 ? { text, model: "qwen2.5-7b", temperature: 0.9, top_p: 0.95 } : text;
    });
  }
  return JSON.stringify({ id: `q${i}`, gold: String(i % 97), prompts, responses, meta: { source: "bench" } });
}

function generate(targetBytes: number): { chunks: Buffer[]; bytes: number; lines: number } {
  const chunks: Buffer[] = [];
  let pending: string[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  let lines = 0;
  while (bytes < targetBytes) {
    const line = nestedLine(lines++) + "\n";
    const size = Buffer.byteLength(line);
    pending.push(line);
    pendingBytes += size;
    bytes += size;
    if (pendingBytes >= 1 << 20) {
      chunks.push(Buffer.from(pending.join("")));
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pending.length > 0) chunks.push(Buffer.from(pending.join("")));
  return { chunks, bytes, lines };
}

it("micro benchmark: 50 MB of nested JSONL (prints MB/s, asserts only correctness)", { timeout: 180_000 }, async () => {
  const { chunks, bytes, lines } = generate(50 * 1e6);
  const runs: string[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let groups = 0;
    let responses = 0;
    for await (const batch of readImport({ stream: Readable.from(chunks), filename: "bench.jsonl" }).batches()) {
      for (const item of batch) {
        if (item.kind !== "group") throw new Error(`unexpected ${item.kind} item`);
        groups++;
        responses += item.group.responses.length;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    expect(groups).toBe(lines);
    expect(responses).toBe(lines * 24);
    runs.push(`${(bytes / 1e6 / seconds).toFixed(0)} MB/s (${(bytes / 1e6 / cpuSeconds).toFixed(0)} MB per CPU-second)`);
  }
  console.log(`import reader, ${(bytes / 1e6).toFixed(0)} MB nested JSONL, ${lines} groups: ${runs.join("; ")}`);
});
