import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as datasetRoute from "@/app/api/v1/datasets/[slug]/route";
import * as datasetsRoute from "@/app/api/v1/datasets/route";
import { callRoute, createApiUsers, type ApiUsers } from "@/lib/testing/api-v1";
import { loadOverview } from "@/lib/dashboards/queries/overview";
import { qualityRows } from "@/lib/dashboards/queries/quality";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { datasetStats, findDatasetBySlug, getDatasetBySlug, listDatasets, listGroups } from "./queries";

// A dataset nothing was imported into: `languages` NULL (the column allows it; an empty upload used
// to leave it so) or empty. Every reader the datasets page, the overview and the REST API use must
// take it as "no languages", not fail.
let t: TestDatabase;
let users: ApiUsers;

beforeAll(async () => {
  t = await createTestDatabase();
  users = await createApiUsers(t.db);
  await t.db.pool.query(
    `INSERT INTO datasets (slug, name, task, languages, updated_at) VALUES ('null-langs', 'Null', 'general', NULL, now()), ('no-langs', 'None', 'math', '{}', now())`,
  );
});
afterAll(async () => t.drop());

describe("a dataset with no data", () => {
  it("lists with no languages and no counts (the datasets page and GET /api/v1/datasets)", async () => {
    const listed = (await listDatasets()).map((d) => ({ slug: d.slug, languages: d.languages, groups: d.groups, responses: d.responses }));
    expect(listed).toEqual([
      { slug: "null-langs", languages: [], groups: 0, responses: 0 },
      { slug: "no-langs", languages: [], groups: 0, responses: 0 },
    ]);
    const res = await callRoute(datasetsRoute.GET, "/api/v1/datasets", { token: users.viewer.token });
    expect(res.status).toBe(200);
    expect((res.body as { data: { slug: string; languages: string[] }[] }).data.map((d) => [d.slug, d.languages])).toEqual([
      ["null-langs", []],
      ["no-langs", []],
    ]);
  });

  it("opens: the overview's readers and GET /api/v1/datasets/{slug}", async () => {
    for (const slug of ["null-langs", "no-langs"]) {
      const dataset = await getDatasetBySlug(slug);
      expect(dataset.languages).toEqual([]);
      expect((await findDatasetBySlug(slug))?.languages).toEqual([]);
      expect(await listGroups(dataset.id, { limit: 51 })).toEqual([]);
      await expect(loadOverview(t.db, dataset.id)).resolves.toMatchObject({ pairs: [] });
      await expect(qualityRows(t.db, dataset.id)).resolves.toEqual([]);
      expect(await datasetStats(slug)).toMatchObject({ groups: 0, languages: [], responses: 0 });
      const res = await callRoute(datasetRoute.GET, `/api/v1/datasets/${slug}`, { token: users.viewer.token, params: { slug } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ slug, languages: [], stats: { groups: 0, responses: 0 } });
    }
  });
});
