import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchFixture } from "@/lib/testing/search-fixture";
import { runCliCaptured } from "@/lib/testing/cli";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const cli = runCliCaptured;

const { datasetWithResponses } = searchFixture(() => t.db);

describe("cli search-index", () => {
  it("drains one dataset, then the rest, printing a JSON summary", async () => {
    await datasetWithResponses("cli-a", 25);
    await datasetWithResponses("cli-b", 7);
    const one = await cli(["search-index", "--dataset", "cli-a", "--batch-size", "10"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ dataset: "cli-a", indexed: 25, batches: 3, remaining: 0, stopped: false });
    expect(one.stderr).toContain("search index of cli-a");
    const rest = await cli(["search-index", "--json"]);
    expect(JSON.parse(rest.stdout)).toMatchObject({ dataset: null, indexed: 7, remaining: 0 });
    const none = await cli(["search-index"]);
    expect(JSON.parse(none.stdout)).toMatchObject({ indexed: 0, batches: 0, remaining: 0 });
  });

  it("answers an unknown dataset with exit 1 and a bad batch size with exit 2", async () => {
    expect((await cli(["search-index", "--dataset", "nope"])).code).toBe(1);
    expect((await cli(["search-index", "--batch-size", "0"])).code).toBe(2);
  });
});
