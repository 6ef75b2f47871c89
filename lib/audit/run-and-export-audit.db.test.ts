import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import { cancelExport } from "@/lib/export/snapshots/cancel-export";
import { createExport, queueExport } from "@/lib/export/snapshots/create-export";
import { buildExportFixture, type ExportFixture } from "@/lib/testing/export-fixture";
import { insertChunkedRun } from "@/lib/llm/providers/run-loop";
import { cancelRun, createSelectRun } from "@/lib/runs/create-select-run";
import { exportDatabaseForThisFile } from "@/lib/testing/test-db";

const t = exportDatabaseForThisFile("cm-audit-");
let f: ExportFixture;
let alice: number;
let bob: number;

beforeAll(async () => {
  f = await buildExportFixture(t.db);
  alice = (await createUser(t.db, { email: "alice@lab.example", name: "Alice", role: "admin", password: "a-long-password-1" })).id;
  bob = (await createUser(t.db, { email: "bob@lab.example", name: "Bob", role: "reviewer", password: "a-long-password-2" })).id;
});

type Event = { action: string; entity: string; entity_id: string; user_id: number | null; dataset_id: number | null };
async function eventsFor(entity: string, id: number): Promise<Event[]> {
  const { rows } = await t.db.pool.query<Event>(
    `SELECT action, entity, entity_id, user_id, dataset_id FROM audit_events WHERE entity = $1 AND entity_id = $2 ORDER BY id`,
    [entity, String(id)],
  );
  return rows;
}

describe("audit events for runs and exports", () => {
  it("records who created and who cancelled a select run", async () => {
    const { runId } = await createSelectRun(t.db, f.datasetId, {}, alice);
    expect(await cancelRun(t.db, runId, bob)).toBe("cancelled");
    expect(await eventsFor("pipeline_run", runId)).toEqual([
      { action: "run.select.create", entity: "pipeline_run", entity_id: String(runId), user_id: alice, dataset_id: f.datasetId },
      { action: "run.select.cancel", entity: "pipeline_run", entity_id: String(runId), user_id: bob, dataset_id: f.datasetId },
    ]);
  });

  it("records a provider run's creator in the same transaction as the run", async () => {
    const { runId } = await insertChunkedRun(t.db, f.datasetId, "embed", { model: "m" }, 10, bob);
    expect(await eventsFor("pipeline_run", runId)).toEqual([
      { action: "run.embed.create", entity: "pipeline_run", entity_id: String(runId), user_id: bob, dataset_id: f.datasetId },
    ]);
  });

  it("records queued and CLI exports and a cancel, each with its user", async () => {
    const queued = await queueExport(t.db, { datasetId: f.datasetId, request: { format: "trl" }, createdById: bob });
    await cancelExport(t.db, queued.exportId, alice);
    const cli = await createExport(t.db, { datasetId: f.datasetId, request: { format: "cm-align" }, createdById: null });
    expect(await eventsFor("export", queued.exportId)).toEqual([
      { action: "export.create", entity: "export", entity_id: String(queued.exportId), user_id: bob, dataset_id: f.datasetId },
      { action: "export.cancel", entity: "export", entity_id: String(queued.exportId), user_id: alice, dataset_id: f.datasetId },
    ]);
    expect((await eventsFor("export", cli.exportId)).map((e) => [e.action, e.user_id])).toEqual([["export.create", null]]);
  });

  it("writes no event for a run that could not be created", async () => {
    const before = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`);
    await expect(createSelectRun(t.db, f.datasetId, { scorer: "bogus" } as never, alice)).rejects.toThrow("Invalid run config");
    const after = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
