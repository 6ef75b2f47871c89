import { expect, test } from "@playwright/test";
import { unitBuckets } from "../lib/dashboards/charts/buckets";
import { pairsHref } from "../lib/dashboards/charts/links";

test("clicking a margin histogram bar opens the pairs table with that bucket's filter", async ({ page }) => {
  await page.goto("/datasets/demo");
  const chart = page.locator('figure[data-chart="margin-de"]');
  await expect(chart.getByText("Margin CL(chosen) − CL(rejected)")).toBeVisible();
  // Every bar is a link named "<chart> · <bucket> · <series>: <count>"; take the first non-empty margin range.
  const bar = chart.getByRole("link", { name: /^Margin de · (< 0|[\d.]+–[\d.]+|≥ [\d.]+) · pairs: [1-9]\d*$/ }).first();
  const name = (await bar.getAttribute("aria-label")) ?? "";
  const [, label, count] = /^Margin de · (.+) · pairs: (\d+)$/.exec(name) ?? [];
  const bucket = unitBuckets({ negative: true, none: true }).find((b) => b.label === label);
  expect(bucket).toBeDefined();
  const expected = pairsHref("demo", { lang: "de", minMargin: bucket!.min, maxMargin: bucket!.max });

  await bar.click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === expected);
  // The pairs table (another area) shows how many pairs match; when it is there, the bar's count must agree.
  const total = page.getByTestId("pairs-total");
  await expect(total.or(page.getByRole("heading", { name: "Not found" }))).toBeVisible();
  if (await total.isVisible()) await expect(total).toHaveText(`${count} pairs match`);
});

test("the overview shows every chart with a title, and the run comparison explains what it needs", async ({ page }) => {
  await page.goto("/datasets/demo");
  for (const title of [
    "Effective pairs by status",
    "Reference Cons",
    "Margin ar",
    "CL scores zh",
    "Off-target language",
    "Response length",
    "Chosen responses with the gold answer",
  ]) {
    await expect(page.getByRole("figure", { name: title })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Prompt groups" }).getByRole("link").first()).toBeVisible();
  await page.getByRole("navigation", { name: "Dataset" }).getByRole("link", { name: "Compare runs" }).click();
  await expect(page.getByRole("heading", { name: "Compare runs" })).toBeVisible();
});

test("a run page charts its proposals, and a margin bar opens the pairs behind it", async ({ page }) => {
  // The overview charts the latest succeeded select run, titled by its number in the dataset; the URL takes its global id.
  await page.goto("/datasets/demo");
  const consTitle = (await page.locator('figure[data-chart="reference-cons"]').getAttribute("aria-label")) ?? "";
  const shown = /Run (\d+)$/.exec(consTitle)?.[1];
  const runs = (await (await page.request.get("/api/v1/datasets/demo/runs?limit=100")).json()) as {
    data: { id: number; number: number; kind: string; status: string }[];
  };
  const latest = runs.data.find((r) => r.kind === "select" && r.status === "succeeded");
  expect(latest).toBeDefined();
  expect(shown).toBe(String(latest!.number));
  const runId = latest!.id;

  await page.goto(`/datasets/demo/runs/${runId}`);
  // Charts are titled by the run's number in its dataset (the page heading), ids keep the global id.
  const number = /^Run (\d+)$/.exec((await page.getByRole("heading", { level: 1, name: /^Run \d+$/ }).textContent()) ?? "")?.[1];
  expect(number).toBeDefined();
  await expect(page.getByRole("figure", { name: `Run ${number} · CL scores de` })).toBeVisible();
  const chart = page.locator(`figure[data-chart="run-${runId}-margin-de"]`);
  await expect(chart.getByText("Margin CL(chosen) − CL(rejected)")).toBeVisible();
  const bar = chart
    .getByRole("link", { name: new RegExp(`^Run ${number} · Margin de · (< 0|[\\d.]+–[\\d.]+|≥ [\\d.]+) · pairs: [1-9]\\d*$`) })
    .first();
  const name = (await bar.getAttribute("aria-label")) ?? "";
  const [, label, count] = / · Margin de · (.+) · pairs: (\d+)$/.exec(name) ?? [];
  const bucket = unitBuckets({ negative: true, none: true }).find((b) => b.label === label);
  expect(bucket).toBeDefined();
  const expected = pairsHref("demo", { lang: "de", minMargin: bucket!.min, maxMargin: bucket!.max });

  await bar.click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === expected);
  // The demo's latest run made every pair and nobody has changed one in this spec: the counts agree.
  await expect(page.getByTestId("pairs-total")).toHaveText(`${count} pairs match`);
});
