import { expect, test, type APIRequestContext } from "@playwright/test";

// Scripts and link checkers read the status, not the page: a missing record must answer 404 even
// though the pages under a dataset stream behind a loading skeleton.

async function firstLinkId(request: APIRequestContext, page: string, under: string): Promise<string> {
  const html = await (await request.get(page)).text();
  const id = new RegExp(`href="${under}(\\d+)"`).exec(html)?.[1];
  if (!id) throw new Error(`${page} links to nothing under ${under}`);
  return id;
}

const MISSING = [
  "/datasets/no-such-dataset",
  "/datasets/no-such-dataset/runs",
  "/datasets/no-such-dataset/runs/1",
  "/datasets/no-such-dataset/groups/1",
  "/datasets/demo/runs/999999",
  "/datasets/demo/runs/not-a-number",
  "/datasets/demo/groups/999999",
  "/datasets/demo/groups/not-a-number",
  "/datasets/demo/no-such-tab",
  "/datasets/demo/exports/1",
  "/datasets/demo/team/adjudication/1",
];

const TABS = ["", "/import", "/runs", "/generate", "/pairs", "/review", "/team", "/team/adjudication", "/compare", "/exports", "/search"];

test("a missing dataset, run, group or page under a dataset answers 404", async ({ request }) => {
  const statuses: Record<string, number> = {};
  for (const path of MISSING) statuses[path] = (await request.get(path)).status();
  expect(statuses).toEqual(Object.fromEntries(MISSING.map((p) => [p, 404])));
});

test("every page under a dataset answers 200 and streams behind the loading skeleton", async ({ request }) => {
  const run = await firstLinkId(request, "/datasets/demo/runs", "/datasets/demo/runs/");
  const group = await firstLinkId(request, "/datasets/demo", "/datasets/demo/groups/");
  const pages = [...TABS.map((t) => `/datasets/demo${t}`), `/datasets/demo/runs/${run}`, `/datasets/demo/groups/${group}`];
  const seen: Record<string, [number, boolean]> = {};
  for (const path of pages) {
    const res = await request.get(path);
    // The skeleton's element travels in the page's RSC payload whether or not the page was ready first.
    seen[path] = [res.status(), (await res.text()).includes("data-loading")];
  }
  expect(seen).toEqual(Object.fromEntries(pages.map((p) => [p, [200, true]])));
});

test("a missing run opened in the browser shows the not-found page with status 404", async ({ page }) => {
  const res = await page.goto("/datasets/demo/runs/999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.locator("[data-loading]")).toHaveCount(0);
});
