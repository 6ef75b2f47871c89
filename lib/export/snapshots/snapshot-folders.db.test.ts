import { mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-db";
import { createExport } from "./create-export";
import { openExportDownload } from "./download";
import { buildExportFixture } from "@/lib/testing/export-fixture";
import { databaseExportDir } from "./location";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "cm-export-shared-"));
  process.env.CM_EXPORT_DIR = root;
});
afterAll(async () => rm(root, { recursive: true, force: true }));

const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe("export snapshots of two databases in one export directory", () => {
  it("never collide (each database has its own folder), are private to the app's user, and snapshots in the old layout stay readable", async () => {
    const first = await createTestDatabase();
    const a = await createExport(first.db, { datasetId: (await buildExportFixture(first.db)).datasetId, request: { format: "trl" } });
    const folderA = await databaseExportDir(first.db, root);
    await first.drop();

    // A new database numbers its exports from 1 again: it used to fail with "<root>/1 already exists".
    const second = await createTestDatabase();
    try {
      const b = await createExport(second.db, { datasetId: (await buildExportFixture(second.db)).datasetId, request: { format: "trl" } });
      expect(b.exportId).toBe(a.exportId);
      const folderB = await databaseExportDir(second.db, root);
      expect(folderB).not.toBe(folderA);
      expect(path.basename(folderB)).toMatch(/^[0-9a-f-]{36}$/);
      expect(b.location).toBe(path.join(folderB, String(b.exportId)));
      expect(await readdir(a.location)).toEqual(["train.jsonl"]);

      expect(await mode(root)).toBe(0o700);
      expect(await mode(folderB)).toBe(0o700);
      expect(await mode(b.location)).toBe(0o700);
      expect(await mode(path.join(b.location, "train.jsonl"))).toBe(0o400);

      // A snapshot stored before (directly under the export directory) is found through its row.
      const old = path.join(root, "legacy-7");
      await rename(b.location, old);
      await second.db.pool.query(`UPDATE exports SET location = $1 WHERE id = $2`, [old, b.exportId]);
      const download = await openExportDownload(second.db, b.exportId, null);
      expect((await text(download.stream)).split("\n").filter(Boolean)).toHaveLength(b.files[0]!.rows);
    } finally {
      await second.drop();
    }
  }, 120_000);
});
