import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { findRun, getRun, listRuns } from "./queries";

// Runs are numbered per dataset ("Run 1" is a dataset's first run, whatever other datasets did) and
// carry the name of who started them; list, find and get agree.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

it("numbers runs per dataset in creation order and names their author", async () => {
  const { id: userId } = await createUser(t.db, {
    email: "runner@example.test",
    name: "Run Ner",
    role: "admin",
    password: "a long password 1",
  });
  const dataset = async (slug: string) => (await t.db.prisma.dataset.create({ data: { slug, name: slug, languages: ["en", "de"] } })).id;
  const [a, b] = [await dataset("numbers-a"), await dataset("numbers-b")];
  const run = async (datasetId: number, kind: "select" | "bulk", by: number | null) =>
    (await t.db.prisma.pipelineRun.create({ data: { datasetId, kind, config: {}, createdById: by } })).id;
  // Interleaved: a1, b1, a2, b2, a3 (bulk jobs count as runs too: they are listed with them).
  const ids = [await run(a, "select", userId), await run(b, "select", null), await run(a, "bulk", userId), await run(b, "select", userId)];
  const a3 = await run(a, "select", null);

  expect((await listRuns(t.db, a)).map((r) => [r.id, r.number, r.author])).toEqual([
    [a3, 3, null],
    [ids[2], 2, "Run Ner"],
    [ids[0], 1, "Run Ner"],
  ]);
  expect((await listRuns(t.db, b)).map((r) => [r.id, r.number])).toEqual([
    [ids[3], 2],
    [ids[1], 1],
  ]);
  // A page further down keeps the numbers.
  expect((await listRuns(t.db, a, 1, a3)).map((r) => r.number)).toEqual([2]);
  expect(await findRun(t.db, b, ids[3]!)).toMatchObject({ number: 2, author: "Run Ner" });
  expect(await findRun(t.db, a, ids[3]!)).toBeNull();
  expect(await getRun(t.db, ids[1]!)).toMatchObject({ number: 1, author: null, datasetId: b });
  expect(Object.keys(await getRun(t.db, ids[1]!))).not.toContain("createdBy");
});
