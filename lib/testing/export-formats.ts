import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import type { ExportFormat, ExportPair, WriteExportOptions } from "../export/formats/types";
import { writeExport } from "../export/formats/write-export";

/** Test-only helpers: a multilingual fixture full of characters that break naive serializers. */

const CODE_BLOCK = '```python\ndef legs(spider="🕷"):\n    return 8  # "eight"\n```';

/** A fixture pair; `overrides` set the rest. */
export function pair(overrides: Partial<ExportPair> & Pick<ExportPair, "id" | "groupKey" | "lang">): ExportPair {
  return {
    promptId: `q-${overrides.groupKey}`,
    prompt: "How many legs does a spider have?",
    system: null,
    chosen: "A spider has eight legs.",
    rejected: "A spider has six legs.",
    enReference: "A spider has 8 legs.",
    scoreChosen: 0.91,
    scoreRejected: 0.12,
    margin: 0.79,
    origin: "auto",
    status: "effective",
    runId: "run-1",
    scorer: "embedding",
    ...overrides,
  };
}

export const FIXTURE_LANGUAGES = ["de", "ar", "zh", "no"] as const;

export const FIXTURE_PAIRS: ExportPair[] = [
  pair({
    id: "p1",
    groupKey: "g1",
    lang: "de",
    prompt: 'Wie viele Beine hat eine "Spinne"?\nAntworte kurz.',
    chosen: 'Eine Spinne hat acht Beine. Pfad: C:\\Users\\spinne\\beine.txt, Tab:\t"Ende"',
    rejected: "Eine Spinne hat sechs Beine.\r\n\u2028Zeilentrenner\u2029Absatz",
    system: "Du bist ein hilfreicher Assistent.",
  }),
  pair({
    id: "p2",
    groupKey: "g1",
    lang: "ar",
    prompt: "كم عدد أرجل العنكبوت؟",
    chosen: "للعنكبوت ثماني أرجل (٨).",
    rejected: "للعنكبوت ست أرجل ٦ 🕷️",
    origin: "human",
    runId: null,
  }),
  pair({
    id: "p3",
    groupKey: "g2",
    lang: "zh",
    prompt: "写一个返回蜘蛛腿数的函数。",
    chosen: `这是代码：\n${CODE_BLOCK}\n完成 ✅`,
    rejected: "</script><script>alert('蜘蛛')</script>",
    scoreChosen: 1,
    scoreRejected: 0,
    margin: 1,
    scorer: "answer",
  }),
  pair({
    id: "p4",
    groupKey: "g2",
    lang: "no",
    prompt: 'Hvor mange bein har en edderkopp? 👨‍👩‍👧 {"json": [1, 2]}',
    chosen: "Åtte bein.",
    rejected: "",
    scoreRejected: -0.25,
    margin: 1.25,
  }),
  pair({ id: "p5", groupKey: "g3", lang: "de", prompt: "Was ist 2+2?", chosen: "4", rejected: "5", margin: 0 }),
];

export async function* asyncRows<T>(rows: Iterable<T>): AsyncGenerator<T> {
  for (const row of rows) yield row;
}

/** A fresh temp directory, removed after the test. */
const created: string[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "cm-export-"));
  created.push(dir);
  return dir;
}

export async function readRecords(file: string): Promise<unknown[]> {
  const text = await readFile(file, "utf8");
  if (file.endsWith(".json")) return JSON.parse(text) as unknown[];
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as unknown);
}

export async function sha256OfFile(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

type FixtureExportOptions = Partial<Omit<WriteExportOptions, "rows" | "format" | "out">> & { rows?: ExportPair[] };

/** Exports `rows` (the fixture by default) to `out` as the "spiders" dataset in the fixture's languages. */
export function exportFixture(out: string, format: ExportFormat, { rows = FIXTURE_PAIRS, ...options }: FixtureExportOptions = {}) {
  return writeExport({ rows: asyncRows(rows), format, out, datasetName: "spiders", languages: [...FIXTURE_LANGUAGES], ...options });
}
