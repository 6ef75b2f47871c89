import { expect, test } from "@playwright/test";

test("the dataset tabs and the top menu mark where the reviewer is", async ({ page }) => {
  await page.goto("/datasets/demo");
  const tabs = page.getByRole("navigation", { name: "Dataset" });
  const menu = page.getByRole("navigation", { name: "Main" });
  await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.locator("[aria-current]")).toHaveCount(1);
  await expect(menu.getByRole("link", { name: "Datasets" })).toHaveAttribute("aria-current", "true");

  await tabs.getByRole("link", { name: "Runs", exact: true }).click();
  await expect(page).toHaveURL(/\/datasets\/demo\/runs$/);
  await expect(tabs.getByRole("link", { name: "Runs", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", /.*/);
  // The mark is visible, not only announced.
  const runs = tabs.getByRole("link", { name: "Runs", exact: true });
  const overview = tabs.getByRole("link", { name: "Overview" });
  expect(await runs.evaluate((a) => getComputedStyle(a).borderBottomColor)).not.toBe(
    await overview.evaluate((a) => getComputedStyle(a).borderBottomColor),
  );

  // A run lies under Runs: the tab stays marked as the section.
  await page.locator('main a[href^="/datasets/demo/runs/"]').first().click();
  await expect(page).toHaveURL(/\/datasets\/demo\/runs\/\d+$/);
  await expect(tabs.getByRole("link", { name: "Runs", exact: true })).toHaveAttribute("aria-current", "true");

  await menu.getByRole("link", { name: "Datasets" }).click();
  await expect(page).toHaveURL(/\/datasets$/);
  await expect(menu.getByRole("link", { name: "Datasets" })).toHaveAttribute("aria-current", "page");
});

test("a page does not prefetch the pages it links to", async ({ page }) => {
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetches.push(r.url());
  });
  await page.goto("/datasets/demo");
  await expect(page.getByRole("navigation", { name: "Dataset" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);

  // Pointing at a tab prefetches it, so the click finds its loading state ready.
  await page.getByRole("navigation", { name: "Dataset" }).getByRole("link", { name: "Exports" }).hover();
  await expect.poll(() => prefetches.some((u) => new URL(u).pathname === "/datasets/demo/exports")).toBe(true);
});
