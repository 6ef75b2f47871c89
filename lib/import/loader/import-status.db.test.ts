import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportProgress } from "@/lib/import/formats";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { importFile } from "./import-file";
import { cancelImport, CANCELLED_MESSAGE, createImportRow, getImportStatus, runWithStatus, type ImportStatusView } from "./import-status";
import { writtenFor } from "@/lib/testing/import-written";

const dir = mkdtempSync(join(tmpdir(), "cm-import-status-"));
const file = (name: string, lines: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n"));
  return path;
};
const group = (id: string) => ({
  id,
  prompts: { en: `Question ${id}?` },
  responses: { en: [`Answer one to ${id}`, `Answer two to ${id}`] },
});

const t = databaseForThisFile();

const written = (slug: string) => writtenFor(t.db, slug);

/**
 * Runs the import row `id`: `path` into a new general dataset `slug`. `onProgress` is given each progress
 * report and `record`, which writes it on the row; without it, each report is just written.
 */
const runImport = (
  id: number,
  path: string,
  slug: string,
  onProgress?: (record: (p: ImportProgress) => Promise<void>, p: ImportProgress) => Promise<void>,
) =>
  runWithStatus(t.db, id, (record) =>
    importFile(t.db, {
      source: { path },
      datasetSlug: slug,
      create: { task: "general" },
      onProgress: onProgress ? (p) => onProgress(record, p) : record,
    }),
  );

async function newRow(slug: string, path: string) {
  return createImportRow(t.db, {
    datasetSlug: slug,
    filename: "f.jsonl",
    bytesTotal: statSync(path).size,
    options: { create: true },
    createdById: null,
  });
}

describe("import status rows", () => {
  it("go queued → running (with bytes and records) → succeeded, and link the dataset the import created", async () => {
    const path = file("good.jsonl", [group("a"), group("b"), group("c")]);
    const id = await newRow("fresh", path);
    expect(await getImportStatus(t.db, id)).toMatchObject({
      status: "queued",
      datasetSlug: "fresh",
      bytesTotal: statSync(path).size,
      bytesDone: 0,
      records: 0,
    });
    const seen: ImportStatusView[] = [];
    const summary = await runImport(id, path, "fresh", async (record, p) => {
      await record(p);
      seen.push((await getImportStatus(t.db, id))!);
    });
    expect(summary).toMatchObject({ records: 3, groupsAdded: 3, responsesAdded: 6 });
    expect(seen.at(-1)).toMatchObject({ status: "running", bytesDone: statSync(path).size, records: 3 });
    const done = await getImportStatus(t.db, id);
    expect(done).toMatchObject({
      status: "succeeded",
      bytesDone: statSync(path).size,
      records: 3,
      error: null,
      summary: { responsesAdded: 6 },
    });
    const { rows } = await t.db.pool.query(
      `SELECT i.dataset_id = d.id AS linked, i.finished_at IS NOT NULL AS finished FROM imports i JOIN datasets d ON d.slug = 'fresh' WHERE i.id = $1`,
      [id],
    );
    expect(rows).toEqual([{ linked: true, finished: true }]);
    await expect(runWithStatus(t.db, id, () => Promise.reject(new Error("must not run")))).rejects.toThrow(
      `Import ${id} is not waiting to run.`,
    );
  });

  it("a failed import keeps its errors on the row and writes nothing, not even the dataset it was to create", async () => {
    const path = file("bad.jsonl", [group("a"), group("b"), '{"id": "c", "prompts": {"en": "x"}, "responses": {"en": [7]}}']);
    const id = await newRow("never", path);
    await expect(runImport(id, path, "never")).rejects.toThrow("1 invalid record; nothing was imported.");
    const row = await getImportStatus(t.db, id);
    expect(row).toMatchObject({ status: "failed", summary: null, records: 2 });
    expect(row!.error).toEqual({
      message:
        '1 invalid record; nothing was imported.\nline 3, field responses.en[0]: expected a string or an object with a "text" field, got number',
      errors: ['line 3, field responses.en[0]: expected a string or an object with a "text" field, got number'],
      invalid: 1,
    });
    expect(await written("never")).toEqual({ datasets: 0, groups: 0, responses: 0 });
    const { rows } = await t.db.pool.query(`SELECT dataset_id FROM imports WHERE id = $1`, [id]);
    expect(rows).toEqual([{ dataset_id: null }]);
  });

  it("a cancelled import stops at its next progress report and is rolled back", async () => {
    const path = file("cancel.jsonl", [group("x"), group("y")]);
    const id = await newRow("cancelled", path);
    const error = await runImport(id, path, "cancelled", async (record, p) => {
      expect(await cancelImport(t.db, id)).toBe(true);
      await record(p);
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(CANCELLED_MESSAGE);
    expect(await getImportStatus(t.db, id)).toMatchObject({ status: "cancelled", error: { message: CANCELLED_MESSAGE } });
    expect(await written("cancelled")).toEqual({ datasets: 0, groups: 0, responses: 0 });
    expect(await cancelImport(t.db, id)).toBe(false);
  });

  it("an existing dataset is linked from the start", async () => {
    await t.db.pool.query(`INSERT INTO datasets (slug, name, updated_at) VALUES ('there', 'There', now())`);
    const id = await createImportRow(t.db, { datasetSlug: "there", filename: "x.csv", bytesTotal: null, options: {}, createdById: null });
    const { rows } = await t.db.pool.query(`SELECT d.slug FROM imports i JOIN datasets d ON d.id = i.dataset_id WHERE i.id = $1`, [id]);
    expect(rows).toEqual([{ slug: "there" }]);
    expect(await getImportStatus(t.db, id + 1000)).toBeNull();
  });

  it("a dataset another import is still loading is not linked (its clean-up could remove it)", async () => {
    await t.db.pool.query(`INSERT INTO datasets (slug, name, loading, updated_at) VALUES ('loading', 'Loading', true, now())`);
    const id = await createImportRow(t.db, { datasetSlug: "loading", filename: "x.csv", bytesTotal: null, options: {}, createdById: null });
    const { rows } = await t.db.pool.query(`SELECT dataset_id, dataset_slug FROM imports WHERE id = $1`, [id]);
    expect(rows).toEqual([{ dataset_id: null, dataset_slug: "loading" }]);
  });
});
