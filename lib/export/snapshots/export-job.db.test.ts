import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportDatabaseForThisFile } from "@/lib/testing/test-db";
import { cancelExport } from "./cancel-export";
import { createExport, queueExport, runQueuedExport } from "./create-export";
import { partialLocation } from "./execute-export";
import { databaseExportDir } from "./location";
import { JobCancelled } from "@/lib/jobs/job-cancelled";
import { buildExportFixture, type ExportFixture } from "@/lib/testing/export-fixture";
import { killMidway, spawnWorker, stopGracefully, waitFor } from "@/lib/testing/kill-worker";
import { getExportProgress } from "./queries";
import { thisProcess } from "./worker-id";

const t = exportDatabaseForThisFile("cm-export-jobs-");
let f: ExportFixture;
let snapshots: string;

beforeAll(async () => {
  f = await buildExportFixture(t.db);
  snapshots = await databaseExportDir(t.db, t.exportRoot);
});

type Seen = { status: string; rowsDone: number; rowsTotal: number };
const progressOf = async (exportId: number): Promise<Seen> => {
  const { status, rowsDone, rowsTotal } = await getExportProgress(t.db, exportId);
  return { status, rowsDone, rowsTotal };
};
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
/** The names in this database's snapshot folder (none before its first export). */
const snapshotNames = async () => readdir(snapshots).catch(() => [] as string[]);
const leftovers = async () => (await snapshotNames()).filter((name) => name.includes(".partial"));

async function fileHashes(location: string, files: { path: string }[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) out[file.path] = sha256(await readFile(path.join(location, file.path)));
  return out;
}

describe("an export queued from the UI", () => {
  it("goes queued → running → succeeded, recording exact progress on the way", async () => {
    const { exportId } = await queueExport(t.db, { datasetId: f.datasetId, request: { format: "cm-align" } });
    expect(await progressOf(exportId)).toEqual({ status: "queued", rowsDone: 0, rowsTotal: 0 });

    const seen: Seen[] = [];
    const snap = await runQueuedExport(t.db, exportId, {
      batchRows: 2,
      progressIntervalMs: 0,
      onProgress: async () => void seen.push(await progressOf(exportId)),
    });
    // 7 pairs in ar, de, zh (see export-fixture), read 2 at a time.
    expect(seen).toEqual([0, 2, 4, 6, 7].map((rowsDone) => ({ status: "running", rowsDone, rowsTotal: 7 })));
    expect(snap?.total).toBe(7);

    const row = await t.db.prisma.export.findUniqueOrThrow({ where: { id: exportId } });
    expect({
      status: row.status,
      rowsDone: row.rowsDone,
      rowsTotal: row.rowsTotal,
      claimedBy: row.claimedBy,
      location: row.location,
    }).toEqual({
      status: "succeeded",
      rowsDone: 7,
      rowsTotal: 7,
      claimedBy: thisProcess(),
      location: path.join(snapshots, String(exportId)),
    });
    expect(row.counts).toEqual({ ar: { train: 1, test: 0 }, de: { train: 4, test: 0 }, zh: { train: 2, test: 0 } });
    expect(row.startedAt).not.toBeNull();
    expect(row.finishedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
    const lines = (await readFile(path.join(row.location!, "train.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(7);
    expect(await leftovers()).toEqual([]);

    // Only a queued export is claimed: running it again does nothing.
    expect(await runQueuedExport(t.db, exportId)).toBeNull();
    expect((await t.db.prisma.export.findUniqueOrThrow({ where: { id: exportId } })).files).toEqual(row.files);
  });

  it("cancels a queued export before any worker takes it", async () => {
    const { exportId } = await queueExport(t.db, { datasetId: f.datasetId, request: { format: "trl" } });
    expect(await cancelExport(t.db, exportId)).toEqual({ status: "cancelled" });
    expect(await runQueuedExport(t.db, exportId)).toBeNull();
    expect(await progressOf(exportId)).toEqual({ status: "cancelled", rowsDone: 0, rowsTotal: 0 });
    expect((await snapshotNames()).filter((name) => name.startsWith(String(exportId)))).toEqual([]);
  });

  it("stops a running export at its next progress write and leaves no files", async () => {
    const { exportId } = await queueExport(t.db, { datasetId: f.datasetId, request: { format: "parquet" } });
    const run = runQueuedExport(t.db, exportId, {
      batchRows: 2,
      progressIntervalMs: 0,
      onProgress: async (done) => {
        if (done === 2) expect(await cancelExport(t.db, exportId)).toEqual({ status: "running" });
      },
    });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    const row = await t.db.prisma.export.findUniqueOrThrow({ where: { id: exportId } });
    // The write after the cancel (at 4 pairs) records its count, sees the request and stops.
    expect({
      status: row.status,
      rowsDone: row.rowsDone,
      cancelRequested: row.cancelRequested,
      error: row.error,
      files: row.files,
    }).toEqual({
      status: "cancelled",
      rowsDone: 4,
      cancelRequested: true,
      error: null,
      files: null,
    });
    expect((await snapshotNames()).filter((name) => name.startsWith(String(exportId)))).toEqual([]);
    // Cancelling a finished export changes nothing.
    expect(await cancelExport(t.db, exportId)).toEqual({ status: "cancelled" });
    await expect(cancelExport(t.db, 999_999)).rejects.toThrow("No export 999999");
  });
});

describe("an export whose worker dies mid-way (kill -9)", () => {
  it("is restarted when a worker starts and gives the same bytes as an uninterrupted export", async () => {
    const request = { format: "llama-factory", testSplit: 0.5, seed: 3 };
    const { exportId } = await queueExport(t.db, { datasetId: f.datasetId, request });
    await killMidway(t.url, ["lib/testing/crash-mid-export.ts", String(exportId)], { CM_EXPORT_DIR: t.exportRoot });

    const crashed = await t.db.prisma.export.findUniqueOrThrow({ where: { id: exportId } });
    expect({ status: crashed.status, rowsDone: crashed.rowsDone, rowsTotal: crashed.rowsTotal }).toEqual({
      status: "running",
      rowsDone: 4,
      rowsTotal: 7,
    });
    const location = path.join(snapshots, String(exportId));
    expect(await leftovers()).toEqual([path.basename(partialLocation(location, crashed.claimedBy!))]);
    // As if it had also died between renaming its directory and recording success.
    await mkdir(location);
    await writeFile(path.join(location, "train.json"), "[");

    const worker = spawnWorker(t.url, { CM_EXPORT_DIR: t.exportRoot });
    try {
      await waitFor(
        () => progressOf(exportId),
        (p) => p.status === "succeeded",
      );
    } finally {
      await stopGracefully(worker);
    }
    const restarted = await t.db.prisma.export.findUniqueOrThrow({ where: { id: exportId } });
    expect({ rowsDone: restarted.rowsDone, rowsTotal: restarted.rowsTotal, location: restarted.location }).toEqual({
      rowsDone: 7,
      rowsTotal: 7,
      location,
    });
    expect(restarted.claimedBy).not.toBe(crashed.claimedBy);
    expect(await leftovers()).toEqual([]);

    const fresh = await createExport(t.db, { datasetId: f.datasetId, request });
    const files = fresh.files;
    expect(restarted.files).toEqual(files);
    expect(restarted.counts).toEqual(fresh.counts);
    expect(await fileHashes(location, files)).toEqual(await fileHashes(fresh.location, files));
    expect(await fileHashes(location, files)).toEqual(Object.fromEntries(files.map((file) => [file.path, file.sha256])));
  }, 180_000);
});
