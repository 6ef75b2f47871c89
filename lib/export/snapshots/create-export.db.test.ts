import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { text } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/exports/[exportId]/route";
import { createUser } from "@/lib/auth/accounts";
import { forgetAuth, getAuth } from "@/lib/auth/better-auth";
import { assignSplit } from "@/lib/export/formats";
import { decidePair } from "@/lib/pairs/decide";
import { exportDatabaseForThisFile } from "@/lib/testing/test-db";
import { createExport } from "./create-export";
import { openExportDownload } from "./download";
import { buildExportFixture, type ExportFixture } from "@/lib/testing/export-fixture";
import { getExport } from "./queries";
import { databaseExportDir } from "./location";

const t = exportDatabaseForThisFile("cm-exports-");
let f: ExportFixture;
let cookie: string;
const ORIGIN = "http://127.0.0.1:3000";

/** A viewer's session cookie: the download route lets any signed-in reader fetch an export. */
async function viewerCookie(): Promise<string> {
  forgetAuth();
  const password = "a long enough password";
  await createUser(t.db, { email: "viewer@exports.example", name: "viewer", role: "viewer", password });
  const res = await (await getAuth()).handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ email: "viewer@exports.example", password }),
    }),
  );
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("better-auth.session_token="))!
    .split(";")[0]!;
}

beforeAll(async () => {
  f = await buildExportFixture(t.db);
  cookie = await viewerCookie();
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const records = (jsonl: string) =>
  jsonl
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { prompt_id: string; lang: string });

async function downloadBytes(exportId: number, file?: string): Promise<Buffer> {
  const url = `${ORIGIN}/api/exports/${exportId}${file ? `?file=${encodeURIComponent(file)}` : ""}`;
  const res = await GET(new Request(url, { headers: { cookie } }), { params: Promise.resolve({ exportId: String(exportId) }) });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** A seed that puts q1..q4 in both splits at 50%, found the same way the exporter assigns them. */
function seedWithBothSplits(): number {
  const keys = Object.values(f.groupId).map(String);
  for (let seed = 0; ; seed++) {
    const splits = new Set(keys.map((k) => assignSplit(k, seed, 0.5)));
    if (splits.size === 2) return seed;
  }
}

describe("createExport", () => {
  it("records a snapshot: config, counts per language and split, hashes of the files on disk, runs and last decision", async () => {
    const decision = await decidePair(t.db, f.datasetId, {
      pairId: f.pairId("q3", "de"),
      expectedVersion: 0,
      decision: { action: "accept" },
    });
    const seed = seedWithBothSplits();
    const snap = await createExport(t.db, { datasetId: f.datasetId, request: { format: "cm-align", testSplit: 0.5, seed } });

    const row = await getExport(t.db, snap.exportId);
    expect(row.status).toBe("succeeded");
    // Under this database's own folder, so databases sharing the export directory never collide.
    expect(row.location).toBe(path.join(await databaseExportDir(t.db, t.exportRoot), String(snap.exportId)));
    expect(row.lastDecisionId).toBe(decision.decisionId);
    const runs = (await t.db.pool.query<{ id: number }>(`SELECT id FROM pipeline_runs ORDER BY id`)).rows.map((r) => r.id);
    expect(row.runIds).toEqual(runs);
    expect(row.config).toEqual({
      format: "cm-align",
      languages: ["ar", "de", "zh"],
      status: "effective",
      minMargin: null,
      excludeFlagged: false,
      consensus: [],
      englishPairs: false,
      testSplit: 0.5,
      seed,
      system: null,
    });
    expect(row.files.map((file) => file.path)).toEqual(["test.jsonl", "train.jsonl"]);
    expect((await readdir(row.location!)).sort()).toEqual(["test.jsonl", "train.jsonl"]);

    const split = (g: keyof typeof f.groupId) => assignSplit(String(f.groupId[g]), seed, 0.5);
    const expectedCounts = { ar: { train: 0, test: 0 }, de: { train: 0, test: 0 }, zh: { train: 0, test: 0 } };
    for (const [g, lang] of [
      ["q1", "ar"],
      ["q1", "de"],
      ["q2", "de"],
      ["q2", "zh"],
      ["q3", "de"],
      ["q3", "zh"],
      ["q4", "de"],
    ] as const) {
      expectedCounts[lang][split(g)] += 1;
    }
    expect(row.counts).toEqual(expectedCounts);

    const byFile: Record<string, { prompt_id: string }[]> = {};
    for (const file of row.files) {
      const bytes = await readFile(path.join(row.location!, file.path));
      expect({ sha256: sha256(bytes), bytes: bytes.length }).toEqual({ sha256: file.sha256, bytes: file.bytes });
      byFile[file.path] = records(bytes.toString("utf8"));
      expect(byFile[file.path]!.length).toBe(file.rows);
    }
    const trainGroups = new Set(byFile["train.jsonl"]!.map((r) => r.prompt_id));
    const testGroups = new Set(byFile["test.jsonl"]!.map((r) => r.prompt_id));
    expect([...trainGroups].filter((g) => testGroups.has(g))).toEqual([]);
    expect([...trainGroups, ...testGroups].sort()).toEqual(["q1", "q2", "q3", "q4"]);
  });

  it("downloads a past export byte for byte after later reviews change the pairs", async () => {
    const snap = await createExport(t.db, { datasetId: f.datasetId, request: { format: "openrlhf", testSplit: 0.5, seed: 3 } });
    const zipBefore = await downloadBytes(snap.exportId);
    const fileBefore = await downloadBytes(snap.exportId, "train.jsonl");

    const later = await decidePair(t.db, f.datasetId, { pairId: f.pairId("q1", "de"), expectedVersion: 0, decision: { action: "reject" } });
    await t.db.pool.query(`UPDATE pairs SET margin = 0.05 WHERE id = $1`, [f.pairId("q3", "zh")]);

    expect(sha256(await downloadBytes(snap.exportId))).toBe(sha256(zipBefore));
    expect(sha256(await downloadBytes(snap.exportId, "train.jsonl"))).toBe(sha256(fileBefore));
    const viaLib = await openExportDownload(t.db, snap.exportId);
    expect(viaLib.filename).toBe(`exp-export-${snap.exportId}.zip`);
    expect(viaLib.bytes).toBe(zipBefore.length);

    // The zip stores the files as they are: each one's bytes appear verbatim, and the directory lists them all.
    for (const file of snap.files) {
      expect(zipBefore.includes(await readFile(path.join(snap.location, file.path)))).toBe(true);
    }
    expect(zipBefore.readUInt32LE(zipBefore.length - 22)).toBe(0x06054b50);
    expect(zipBefore.readUInt16LE(zipBefore.length - 12)).toBe(snap.files.length);

    const next = await createExport(t.db, { datasetId: f.datasetId, request: { format: "openrlhf", testSplit: 0.5, seed: 3 } });
    expect(next.lastDecisionId).toBe(later.decisionId);
    expect(next.total).toBe(snap.total - 1);
  });

  it("streams a single-file export as that file, and one file of a directory with ?file=", async () => {
    const single = await createExport(t.db, { datasetId: f.datasetId, request: { format: "trl", languages: ["ar"] } });
    expect(single.layout).toBe("file");
    const body = await downloadBytes(single.exportId);
    expect(body.toString("utf8")).toBe(
      `${JSON.stringify({ prompt: "كم عدد أرجل العنكبوت؟", chosen: "للعنكبوت ثماني أرجل (٨).", rejected: "للعنكبوت ست أرجل." })}\n`,
    );
    const parquet = await createExport(t.db, { datasetId: f.datasetId, request: { format: "parquet", languages: ["de"] } });
    expect(parquet.files.map((file) => [file.path, file.rows])).toEqual([
      ["README.md", 0],
      ["data/de/train-00000-of-00001.parquet", 3],
    ]);
    const card = await openExportDownload(t.db, parquet.exportId, "README.md");
    expect(await text(card.stream)).toContain("config_name: de");
    await expect(openExportDownload(t.db, parquet.exportId, "../secret")).rejects.toThrow("file: export");
  });

  it("marks a failed export with its error and leaves no files", async () => {
    await t.db.pool.query(`DELETE FROM prompt_texts WHERE group_id = $1 AND language = 'de'`, [f.groupId.q4]);
    await expect(createExport(t.db, { datasetId: f.datasetId, request: { format: "llama-factory" } })).rejects.toThrow(
      "prompt group q4 has no de prompt text",
    );
    const failed = await t.db.prisma.export.findFirstOrThrow({ where: { status: "failed" } });
    expect(failed.error).toMatch(/prompt group q4 has no de prompt text/);
    expect(await readdir(t.exportRoot)).not.toContain(String(failed.id));
    await expect(openExportDownload(t.db, failed.id)).rejects.toThrow(`Export ${failed.id} is failed`);
  });
});
