import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import { runCliCaptured } from "@/lib/testing/cli";
import { isAppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { importFile, type ImportFileOptions } from "./import-file";

const dir = mkdtempSync(join(tmpdir(), "cm-import-"));
const file = (name: string, body: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

/** Imports `body`, written to the file `name`, into the dataset `slug`. */
const importText = (name: string, body: string | Buffer, slug: string, options: Omit<ImportFileOptions, "source" | "datasetSlug"> = {}) =>
  importFile(t.db, { source: { path: file(name, body) }, datasetSlug: slug, ...options });
/** `cm import` of `path` into a new general dataset `slug`, writing invalid records to `rejects` instead of failing. */
const importSkippingInvalid = (path: string, slug: string, rejects: string, ...flags: string[]) => [
  "import",
  path,
  "--dataset",
  slug,
  "--create",
  "--task",
  "general",
  "--skip-invalid",
  "--rejects",
  rejects,
  ...flags,
];
const rejectLines = (path: string) =>
  readFileSync(path, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as { line: number });

const NESTED = [
  {
    id: "q1",
    gold: "18",
    prompts: { en: "How many?", ar: "كم عددها؟" },
    responses: { en: ["Answer: 18", "Answer: 20"], ar: [{ text: "الإجابة: ١٨", model: "qwen" }] },
  },
  {
    id: "q2",
    prompts: { en: "Say hi", de: "Sag hallo" },
    responses: { en: ["Hi there, how are you doing today?"], de: ["Hallo, wie geht es dir heute?", ""] },
    meta: { source: "test" },
  },
]
  .map((r) => JSON.stringify(r))
  .join("\n");

let t: TestDatabase;

async function samples(slug: string, externalId: string, language: string): Promise<[number, string][]> {
  const { rows } = await t.db.pool.query<{ sample_index: number; text: string }>(
    `SELECT r.sample_index, r.text FROM responses r JOIN prompt_groups g ON g.id = r.group_id JOIN datasets d ON d.id = g.dataset_id
     WHERE d.slug = $1 AND g.external_id = $2 AND r.language = $3 ORDER BY r.sample_index, r.id`,
    [slug, externalId, language],
  );
  return rows.map((r) => [r.sample_index, r.text]);
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

async function counts(slug: string) {
  const { rows } = await t.db.pool.query<{ groups: number; prompts: number; responses: number }>(
    `SELECT (SELECT count(*)::int FROM prompt_groups g JOIN datasets d ON d.id = g.dataset_id WHERE d.slug = $1) AS groups,
            (SELECT count(*)::int FROM prompt_texts p JOIN datasets d ON d.id = p.dataset_id WHERE d.slug = $1) AS prompts,
            (SELECT count(*)::int FROM responses r JOIN datasets d ON d.id = r.dataset_id WHERE d.slug = $1) AS responses`,
    [slug],
  );
  return rows[0]!;
}

describe("import", () => {
  it("loads nested JSONL with derived fields, and a second import of the same file adds nothing", async () => {
    const path = file("nested.jsonl", NESTED);
    const first = await importFile(t.db, { source: { path }, datasetSlug: "nested", create: { task: "math" } });
    expect(first).toMatchObject({ records: 2, invalid: 0, groupsAdded: 2, promptsAdded: 4, responsesAdded: 6, duplicateResponses: 0 });
    const ar = await t.db.prisma.response.findFirstOrThrow({ where: { language: "ar" } });
    expect(ar).toMatchObject({ sampleIndex: 0, model: "qwen", extractedAnswer: "18", charLength: 11, origin: "imported" });
    expect(Buffer.from(ar.contentHash).toString("hex")).toBe(createHash("sha256").update("الإجابة: ١٨").digest("hex"));
    const dataset = await t.db.prisma.dataset.findUniqueOrThrow({ where: { slug: "nested" } });
    expect(dataset.languages).toEqual(["ar", "de", "en"]);
    const again = await importFile(t.db, { source: { path }, datasetSlug: "nested" });
    expect(again).toMatchObject({ groupsAdded: 0, promptsAdded: 0, responsesAdded: 0, duplicateResponses: 6 });
    expect(await counts("nested")).toEqual({ groups: 2, prompts: 4, responses: 6 });
  });

  it("adds only the new samples of existing groups: a sample is its language, model and position", async () => {
    const more = JSON.stringify({ id: "q1", prompts: { en: "How many?" }, responses: { en: ["Answer: 18", "Answer: 20", "Answer: 18"] } });
    const summary = await importText("more.jsonl", more, "nested");
    expect(summary).toMatchObject({ groupsAdded: 0, responsesAdded: 1, duplicateResponses: 2 });
    expect(await samples("nested", "q1", "en")).toEqual([
      [0, "Answer: 18"],
      [1, "Answer: 20"],
      [2, "Answer: 18"],
    ]);
  });

  it("stores each response's language share, mix and defect, read without its reasoning trace", async () => {
    const record = {
      id: "c1",
      gold: "18",
      prompts: { en: "How many apples?", bn: "কতটি আপেল?" },
      responses: {
        en: [
          "Let me count the apples in every bag carefully.</think>Answer: 18",
          `The answer is ${"18, ".repeat(600)}`,
          { text: "The answer is", finish_reason: "length" },
          "<think>only thinking",
        ],
        bn: [
          "তিন ব্যাগে ছয়টি করে আপেল আছে, প্রতিটি ব্যাগে ছয়টি আপেল, তাই তিনটি ব্যাগে তিন গুণ ছয়টি আপেল। So three bags hold three times six apples, eighteen in total. Answer: 18",
          "তিনটি ব্যাগে ছয়টি করে আপেল, তাই মোট আঠারোটি আপেল আছে। উত্তর: ১৮",
        ],
      },
    };
    await importText("checks.jsonl", JSON.stringify(record), "checks", { create: { task: "math" } });
    const { rows } = await t.db.pool.query<{
      language: string;
      sample_index: number;
      extracted_answer: string | null;
      target_share: number | null;
      language_mix: string | null;
      defect: string | null;
    }>(
      `SELECT language, sample_index, extracted_answer, target_share, language_mix, defect FROM responses r JOIN datasets d ON d.id = r.dataset_id
       WHERE d.slug = 'checks' ORDER BY language, sample_index`,
    );
    expect(rows.map((r) => [r.language, r.sample_index, r.extracted_answer, r.defect])).toEqual([
      ["bn", 0, "18", null],
      ["bn", 1, "18", null],
      ["en", 0, "18", null],
      ["en", 1, "18", "repetition_loop"],
      ["en", 2, null, "truncated"],
      ["en", 3, null, "empty"],
    ]);
    expect(rows[0]!.target_share).toBeGreaterThan(0.3);
    expect(rows[0]!.target_share).toBeLessThan(0.8);
    expect(rows[0]!.language_mix).toMatch(/^\d+% Bangla, \d+% English$/);
    expect([rows[1]!.target_share, rows[1]!.language_mix]).toEqual([1, null]);
    expect(rows[5]!.target_share).toBeNull();
  });

  it("keeps identical samples: they are consistency evidence", async () => {
    const same = JSON.stringify({
      id: "s1",
      prompts: { en: "Twice?", de: "Zweimal?" },
      responses: {
        en: ["18", "18", "18"],
        de: [
          { text: "18", model: "a" },
          { text: "18", model: "b" },
        ],
      },
    });
    expect(await importText("same.jsonl", same, "same", { create: { task: "math" } })).toMatchObject({
      responsesAdded: 5,
      duplicateResponses: 0,
    });
    expect(await samples("same", "s1", "en")).toEqual([
      [0, "18"],
      [1, "18"],
      [2, "18"],
    ]);
    expect(await importText("same.jsonl", same, "same")).toMatchObject({
      responsesAdded: 0,
      duplicateResponses: 5,
    });
  });

  it("refuses another text for a stored sample, naming line and field, and writes nothing", async () => {
    const changed = [
      JSON.stringify({ id: "new", prompts: { en: "New?" }, responses: { en: ["yes"] } }),
      JSON.stringify({ id: "q1", prompts: { en: "How many?" }, responses: { en: ["Answer: 18", "Answer: 21"] } }),
    ].join("\n");
    const before = await counts("nested");
    const error = await importText("changed.jsonl", changed, "nested").catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("BAD_INPUT");
    expect((error as Error).message).toMatch(
      /^1 response would replace a stored sample; nothing was imported\.\nline 2, field responses\.en\[1\]: sample 1 \(en\) is already stored with a different text/,
    );
    expect(await counts("nested")).toEqual(before);
  });

  it("--skip-invalid refuses only the conflicting record; --append adds a file's responses after the stored samples", async () => {
    const changed = [
      JSON.stringify({
        id: "q1",
        gold: "18",
        prompts: { en: "How many?", fr: "Combien ?" },
        responses: { en: ["Answer: 18", "Answer: 21"], fr: ["18"] },
      }),
      JSON.stringify({ id: "q2", prompts: { en: "Say hi" }, responses: { en: ["Hi there, how are you doing today?", "Hello!"] } }),
    ].join("\n");
    const rejects = join(dir, "changed.rejects.jsonl");
    const summary = await importText("changed2.jsonl", changed, "nested", { rejects });
    expect(summary).toMatchObject({ invalid: 1, responsesAdded: 1, promptsAdded: 0 });
    expect(JSON.parse(readFileSync(rejects, "utf8").trim())).toMatchObject({ line: 1 });
    expect(await samples("nested", "q1", "fr")).toEqual([]);
    const appended = await importText("changed2.jsonl", changed, "nested", { append: true });
    expect(appended).toMatchObject({ invalid: 0, responsesAdded: 5, duplicateResponses: 0 });
    expect(await samples("nested", "q1", "en")).toEqual([
      [0, "Answer: 18"],
      [1, "Answer: 20"],
      [2, "Answer: 18"],
      [3, "Answer: 18"],
      [4, "Answer: 21"],
    ]);
    expect(await samples("nested", "q1", "fr")).toEqual([[0, "18"]]);
  });

  it("flat rows: the same sample twice adds nothing, another text for it is refused, --append adds after the stored ones", async () => {
    const row = (sample: number, response: string, model = "m") =>
      JSON.stringify({ prompt_id: "f1", lang: "en", prompt: "P?", response, sample, model });
    const first = [row(0, "18"), row(1, "18")].join("\n");
    expect(await importText("f1.jsonl", first, "flatid", { create: { task: "math" } })).toMatchObject({ responsesAdded: 2 });
    expect(await importText("f1.jsonl", first, "flatid")).toMatchObject({
      responsesAdded: 0,
      duplicateResponses: 2,
    });
    const other = [row(0, "18", "n"), row(1, "20")].join("\n");
    const error = await importText("f2.jsonl", other, "flatid").catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^1 response would replace a stored sample; nothing was imported\.\nline 2, field response: sample 1 \(en of model "m"\)/,
    );
    expect(await samples("flatid", "f1", "en")).toEqual([
      [0, "18"],
      [1, "18"],
    ]);
    expect(await importText("f2.jsonl", other, "flatid", { append: true })).toMatchObject({
      responsesAdded: 2,
    });
    expect(await samples("flatid", "f1", "en")).toEqual([
      [0, "18"],
      [1, "18"],
      [2, "18"],
      [3, "20"],
    ]);
  });

  it("reads flat CSV and gzip-compressed flat JSONL", async () => {
    const csv = 'prompt_id,lang,prompt,response,sample\nq9,en,"Two, words?","Yes, ""two"".",0\nq9,de,Zwei?,Ja,0\n';
    expect(await importText("flat.csv", csv, "flat", { create: { task: "general" } })).toMatchObject({
      groupsAdded: 1,
      promptsAdded: 2,
      responsesAdded: 2,
    });
    const gz = gzipSync(
      [
        '{"prompt_id":"q8","lang":"en","prompt":"P","response":"R one"}',
        '{"prompt_id":"q8","lang":"en","prompt":"P","response":"R two"}',
      ].join("\n"),
    );
    expect(await importText("flat.jsonl.gz", gz, "flat")).toMatchObject({
      groupsAdded: 1,
      responsesAdded: 2,
    });
    const texts = await t.db.prisma.response.findMany({
      where: { group: { externalId: "q9" } },
      orderBy: { language: "asc" },
      select: { text: true },
    });
    expect(texts.map((r) => r.text)).toEqual(["Ja", 'Yes, "two".']);
  });

  it("writes nothing when the last line is invalid, and names the line and field", async () => {
    const bad = `${NESTED.replaceAll('"q', '"z')}\n{"id": "z3", "prompts": {"en": "x"}, "responses": {"en": [42]}}`;
    const before = await counts("nested");
    const error = await importText("bad.jsonl", bad, "nested").catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("BAD_INPUT");
    expect((error as Error).message).toMatch(/^1 invalid record; nothing was imported\.\nline 3, field responses\.en\[0\]/);
    expect(await counts("nested")).toEqual(before);
  });

  it("refuses a lone surrogate in a response's extra field by line and field, writing nothing; a surrogate pair is stored exactly", async () => {
    const record = (id: string, note: string) => JSON.stringify({ id, prompts: { en: "p" }, responses: { en: [{ text: "a 😀", note }] } });
    const before = await counts("nested");
    const error = await importText("surrogate.jsonl", `${record("u1", "fine")}\n${record("u2", "x\udfffy")}`, "nested").catch(
      (e: unknown) => e,
    );
    expect(isAppError(error) && error.code).toBe("BAD_INPUT");
    expect((error as Error).message).toMatch(
      /^1 invalid record; nothing was imported\.\nline 2, field responses\.en\[0\]\.note: text holds a lone surrogate \\udfff at character 2/,
    );
    expect(await counts("nested")).toEqual(before);
    await importText("pair.jsonl", record("u3", "\ud83d\ude00"), "nested");
    const { rows } = await t.db.pool.query<{ text: string; params: unknown }>(
      `SELECT r.text, r.params FROM responses r JOIN prompt_groups g ON g.id = r.group_id WHERE g.external_id = 'u3'`,
    );
    expect(rows).toEqual([{ text: "a 😀", params: { note: "😀" } }]);
  });

  it("--skip-invalid imports the valid records and writes the rest to the rejects file", async () => {
    const path = file(
      "mixed.jsonl",
      `{"id":"s1","prompts":{"en":"p"},"responses":{"en":["a"]}}\nnot json\n{"id":"s2","prompts":{"de":"p"},"responses":{"de":["b"]}}`,
    );
    const rejects = join(dir, "rejects.jsonl");
    const code = await runCli(importSkippingInvalid(path, "skip", rejects));
    expect(code).toBe(0);
    expect(await counts("skip")).toEqual({ groups: 1, prompts: 1, responses: 1 });
    expect(rejectLines(rejects).map((l) => l.line)).toEqual([2, 3]);
  });

  it("exits 1 on bad input and 2 on usage errors", async () => {
    expect(await runCli(["import", file("x.jsonl", "{}"), "--dataset", "nope"])).toBe(1);
    expect(await runCli(["import", file("y.jsonl", "{}"), "--dataset", "nope", "--create"])).toBe(2);
    expect(await runCli(["import", join(dir, "missing.jsonl"), "--dataset", "nested"])).toBe(2);
  });

  it("never crashes nor writes partially on random malformed input", async () => {
    const before = await counts("nested");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.json()), { minLength: 1, maxLength: 6 }), async (lines) => {
        const path = file("fuzz.jsonl", `${lines.join("\n")}\n{"id":"f","responses":{}}`);
        await expect(importFile(t.db, { source: { path }, datasetSlug: "nested" })).rejects.toThrow();
      }),
      { numRuns: 25 },
    );
    expect(await counts("nested")).toEqual(before);
  });
});

describe("rejects limits (--skip-invalid)", () => {
  // A small gzip of many short invalid lines (plus one valid record) would write a rejects file
  // hundreds of times its size: the import stops at the limit instead, and writes nothing.
  const bomb = (invalidLines: number) =>
    gzipSync(`{"id":"ok","prompts":{"en":"p"},"responses":{"en":["a"]}}\n${"{}\n".repeat(invalidLines)}`);

  it("fail the import past the count limit (default 10,000), keeping the first rejects and writing nothing", async () => {
    const path = file("bomb.jsonl.gz", bomb(200_000));
    const rejects = join(dir, "bomb.rejects.jsonl");
    const error = await importFile(t.db, { source: { path }, datasetSlug: "bomb", create: { task: "general" }, rejects }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(error) && error.message).toBe(
      "More than 10,000 invalid records (the rejects limit: --max-rejects or CM_REJECTS_MAX_LINES); nothing was imported (the first 10,000 are in the rejects file).",
    );
    const lines = rejectLines(rejects);
    expect(lines.length).toBe(10_000);
    expect(lines.at(-1)?.line).toBe(10_001);
    expect(await counts("bomb")).toEqual({ groups: 0, prompts: 0, responses: 0 });
    expect(await t.db.prisma.dataset.count({ where: { slug: "bomb" } })).toBe(0);
  });

  it("fail it past the size limit, the file never passing it", async () => {
    const path = file("bomb-small.jsonl.gz", bomb(50));
    const rejects = join(dir, "bomb-bytes.rejects.jsonl");
    const error = await importFile(t.db, {
      source: { path },
      datasetSlug: "bomb",
      create: { task: "general" },
      rejects,
      rejectsLimits: { lines: 1000, bytes: 1000 },
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.message).toMatch(
      /^The rejected records take more than 1,000 bytes \(the rejects limit: --max-rejects-mb or CM_REJECTS_MAX_MB\); nothing was imported \(the first \d+ are in the rejects file\)\.$/,
    );
    expect(readFileSync(rejects).length).toBeLessThanOrEqual(1000);
    expect(readFileSync(rejects).length).toBeGreaterThan(900);
    expect(await t.db.prisma.dataset.count({ where: { slug: "bomb" } })).toBe(0);
  });

  it("are set by --max-rejects / --max-rejects-mb, else CM_REJECTS_MAX_LINES / CM_REJECTS_MAX_MB; within them the import goes through", async () => {
    const path = file("bomb-5.jsonl.gz", bomb(5));
    const rejects = join(dir, "bomb-5.rejects.jsonl");
    const cli = (...extra: string[]) => runCliCaptured(importSkippingInvalid(path, "bomb5", rejects, ...extra));
    const byFlag = await cli("--max-rejects", "4");
    expect(byFlag.code).toBe(1);
    expect(byFlag.stderr).toContain("More than 4 invalid records (the rejects limit: --max-rejects or CM_REJECTS_MAX_LINES)");
    process.env.CM_REJECTS_MAX_LINES = "3";
    try {
      expect((await cli()).stderr).toContain("More than 3 invalid records");
      expect((await cli("--max-rejects-mb", "0.0001")).stderr).toContain("The rejected records take more than 104 bytes");
      expect(await counts("bomb5")).toEqual({ groups: 0, prompts: 0, responses: 0 });
      expect((await cli("--max-rejects", "5")).code).toBe(0);
    } finally {
      delete process.env.CM_REJECTS_MAX_LINES;
    }
    expect(rejectLines(rejects).map((l) => l.line)).toEqual([2, 3, 4, 5, 6]);
    expect(await counts("bomb5")).toEqual({ groups: 1, prompts: 1, responses: 1 });
  });
});
