import { expect, test } from "@playwright/test";

test("the dataset list shows the demo dataset", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/datasets$/);
  const row = page.getByTestId("dataset-demo");
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText("demo");
  for (const lang of ["en", "zh", "ar", "sw"]) await expect(row.getByText(lang, { exact: true })).toBeVisible();
});

test("a prompt group renders every language in its own text direction", async ({ page }) => {
  await page.goto("/datasets/demo");
  await page.getByRole("region", { name: "Prompt groups" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Prompt group");

  const arabic = page.getByRole("region", { name: "Language ar" });
  const arabicPrompt = arabic.locator("[lang=ar]").first();
  await expect(arabicPrompt).toHaveAttribute("dir", "rtl");
  await expect(arabicPrompt).toHaveCSS("direction", "rtl");
  await expect(arabicPrompt).toHaveText(/[\u0600-\u06FF]/);

  for (const lang of ["en", "de", "zh", "hi", "sw"]) {
    const section = page.getByRole("region", { name: `Language ${lang}` });
    await expect(section.locator(`[lang=${lang}]`).first()).toHaveAttribute("dir", "ltr");
  }
  await expect(page.getByRole("region", { name: "Language zh" }).locator("[lang=zh]").first()).toHaveText(/[\u4e00-\u9fff]/);
});

test("health reports the embedded database with every migration applied", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, database: "embedded", migrations: { pending: [] } });
  expect(body.migrations.applied).toBeGreaterThan(0);
});
