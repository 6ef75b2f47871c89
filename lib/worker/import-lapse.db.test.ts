import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createImportRow, getImportStatus, LAPSED_IMPORT_MESSAGE } from "@/lib/import/loader/import-status";
import { writtenFor } from "@/lib/testing/import-written";
import { killMidway, spawnWorker, stopGracefully, waitFor } from "@/lib/testing/kill-worker";
import { databaseForThisFile } from "@/lib/testing/test-db";

const t = databaseForThisFile();

const group = (id: string) =>
  JSON.stringify({ id, prompts: { en: `Question ${id}?` }, responses: { en: [`Answer one to ${id}`, `Answer two to ${id}`] } });

describe("a browser import whose server is killed (kill -9)", () => {
  it("is found by its lapsed heartbeat and marked failed; its transaction left nothing", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cm-import-lapse-")), "crash.jsonl");
    writeFileSync(path, Array.from({ length: 40 }, (_, i) => group(`g${i}`)).join("\n"));
    const id = await createImportRow(t.db, {
      datasetSlug: "crashed",
      filename: "crash.jsonl",
      bytesTotal: statSync(path).size,
      options: { create: true },
      createdById: null,
    });
    await killMidway(t.url, ["lib/testing/crash-mid-import.ts", String(id), path]);
    expect((await getImportStatus(t.db, id))?.status).toBe("running");

    const worker = spawnWorker(t.url);
    try {
      const row = await waitFor(
        () => getImportStatus(t.db, id),
        (r) => r?.status !== "running",
      );
      expect(row).toMatchObject({ status: "failed", summary: null, error: { message: LAPSED_IMPORT_MESSAGE, errors: [], invalid: null } });
    } finally {
      await stopGracefully(worker);
    }
    expect(await writtenFor(t.db, "crashed")).toEqual({ datasets: 0, groups: 0, responses: 0 });
  }, 180_000);
});
