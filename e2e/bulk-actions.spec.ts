import { expect, test, type Page } from "@playwright/test";

type Row = { id: number; language: string; status: string; origin: string; margin: number | null; version: number };

// Jobs run on the app's in-process worker; the status row polls the run's GET route.
test.describe.configure({ timeout: 120_000 });

async function rows(page: Page, query: string): Promise<Row[]> {
  const res = await page.request.get(`/api/datasets/demo/pairs?${query}&size=200`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { rows: Row[]; next: string | null };
  expect(body.next).toBeNull();
  return body.rows;
}

/** Starts a bulk action from the panel and waits until its status row says how it ended. */
async function runBulk(page: Page, button: string): Promise<{ done: number; total: number }> {
  const before = await page.locator("[data-testid^=bulk-job-]").count();
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  const row = page.locator("[data-testid^=bulk-job-]").first();
  await expect(page.locator("[data-testid^=bulk-job-]")).toHaveCount(before + 1);
  await expect(row.locator("[data-testid^=bulk-status-]")).toHaveText("succeeded", { timeout: 60_000 });
  const [, done, total] = /(\d+) of (\d+) pairs changed/.exec((await row.textContent())!)!;
  return { done: Number(done), total: Number(total) };
}

test("reject below a margin, then reset to auto, over a filter result: background jobs with status rows", async ({ page }) => {
  const hindi = await rows(page, "lang=hi");
  const threshold = 0.3;
  const targets = hindi.filter((r) => r.status === "proposed" && r.margin !== null && r.margin < threshold);
  expect(targets.length).toBeGreaterThan(0);

  await page.goto("/datasets/demo/pairs?lang=hi&status=proposed");
  await expect(page.getByTestId("pairs-total")).toHaveText(`${hindi.filter((r) => r.status === "proposed").length} pairs match`);
  await page.getByLabel("Margin threshold").fill(String(threshold));
  const rejected = await runBulk(page, "Reject all below margin");
  expect(rejected).toEqual({ done: targets.length, total: targets.length });
  await expect(page.locator("[data-testid^=bulk-job-]").first()).toContainText("Reject below margin 0.3 (language hi, status proposed)");

  const after = await rows(page, "lang=hi");
  const changed = after
    .filter((r) => r.status === "rejected" && r.origin === "human")
    .map((r) => r.id)
    .sort((a, b) => a - b);
  expect(changed).toEqual(targets.map((r) => r.id).sort((a, b) => a - b));
  expect(after.filter((r) => !targets.some((t) => t.id === r.id))).toEqual(hindi.filter((r) => !targets.some((t) => t.id === r.id)));

  // Each pair got its own decision, which names the job.
  const detail = await page.request.get(`/api/datasets/demo/pairs/${targets[0]!.id}`);
  const history = ((await detail.json()) as { history: { action: string; reason: string; author: string | null }[] }).history;
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({ action: "reject", reason: expect.stringMatching(/^bulk #\d+$/), author: "E2E Admin" });

  // The status row survives a reload (it is the job's row, not page state).
  await page.goto("/datasets/demo/pairs?lang=hi&origin=human");
  await expect(page.locator("[data-testid^=bulk-job-]").first().locator("[data-testid^=bulk-status-]")).toHaveText("succeeded");
  const reset = await runBulk(page, "Reset to auto");
  expect(reset.done).toBe(targets.length);
  // Back to the proposals; each reset pair went through two decisions (two new versions).
  const restored = await rows(page, "lang=hi");
  expect(restored.map(({ version: _v, ...r }) => r)).toEqual(hindi.map(({ version: _v, ...r }) => r));
  const bumped = (r: Row) => (targets.some((t) => t.id === r.id) ? r.version + 2 : r.version);
  expect(restored.map((r) => r.version)).toEqual(hindi.map(bumped));
});

test("a bulk action with nothing to change says so and starts no job", async ({ page }) => {
  await page.goto("/datasets/demo/pairs?lang=hi&origin=human");
  await expect(page.getByTestId("pairs-total")).toHaveText("0 pairs match");
  const jobs = await page.locator("[data-testid^=bulk-job-]").count();
  await page.getByRole("button", { name: "Reset to auto" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("region", { name: "Bulk actions" }).getByRole("alert")).toContainText(
    "No pair of this filter result would change: nothing to reset.",
  );
  await expect(page.locator("[data-testid^=bulk-job-]")).toHaveCount(jobs);
});
