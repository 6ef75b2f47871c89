import { expect, test, type Page } from "@playwright/test";

async function openGroup(page: Page, externalId: string) {
  await page.goto("/datasets/demo");
  await page.getByRole("region", { name: "Prompt groups" }).getByRole("link", { name: externalId, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(externalId);
}

test("HTML in a response renders as text and runs nothing", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await openGroup(page, "general-0003");
  const english = page.getByRole("region", { name: "Language en" });
  const trap = english.locator(".model-output").filter({ hasText: "onerror=alert(1)" });
  await expect(trap).toHaveCount(1);
  await expect(trap).toContainText("<img src=x onerror=alert(1)>");
  await expect(trap).toContainText("<script>alert('xss')</script>");
  await expect(page.locator(".model-output img, .model-output script, .model-output iframe")).toHaveCount(0);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});

test("an Arabic response reads right to left with numbers kept left to right; an off-target English one left to right", async ({
  page,
}) => {
  await openGroup(page, "math-0001");
  const arabic = page.getByRole("region", { name: "Language ar" });
  // Sample 0 of this group's Arabic responses is the demo's off-target English answer.
  const english = arabic.locator(".model-output").first();
  await expect(english).toHaveAttribute("lang", "en");
  await expect(english).toHaveCSS("direction", "ltr");
  const output = arabic.locator('.model-output[lang="ar"]').first();
  await expect(output).toHaveAttribute("dir", "rtl");
  await expect(output).toHaveCSS("direction", "rtl");
  await expect(output).toHaveCSS("unicode-bidi", "isolate");
  const number = arabic.locator(".model-output bdi[dir=ltr]").first();
  await expect(number).toHaveCSS("direction", "ltr");
  await expect(number).toHaveText(/[0-9\u0660-\u0669]/);
});

test("the heatmap shows every language and a cell opens its response", async ({ page }) => {
  await openGroup(page, "general-0003");
  const heatmap = page.getByRole("table", { name: "Scores by language and sample" });
  for (const lang of ["en", "de", "zh", "ar", "hi", "sw"]) await expect(heatmap.getByRole("row").filter({ hasText: lang })).toHaveCount(1);
  const cell = heatmap.getByRole("link", { name: /^sw sample 1: CL/ });
  await cell.click();
  const id = (await cell.getAttribute("href"))!.slice(1);
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

async function shownPairs(page: Page) {
  const out: Record<string, string> = {};
  for (const lang of ["de", "zh", "ar", "hi", "sw"]) out[lang] = (await page.getByTestId(`pair-${lang}`).innerText()).replace(/\s+/g, " ");
  return out;
}

test("a reference correction through the page recomputes the pairs and can be undone", async ({ page }) => {
  test.setTimeout(120_000);
  await openGroup(page, "math-0004"); // its English majority is wrong: the consistent reference has the wrong answer
  const before = await shownPairs(page);
  const gold = (await page.getByText("Gold answer:").locator("span").innerText()).trim();
  const english = page.getByRole("region", { name: "Language en" });
  const correct = english
    .getByRole("listitem")
    .filter({ hasText: `answer ${gold}` })
    .filter({ has: page.getByRole("button", { name: /the reference$/ }) });
  const button = correct.first().getByRole("button", { name: /the reference$/ });
  const label = await button.innerText();
  await button.click();
  const last = page.getByTestId("last-correction");
  await expect(last).toContainText("picked another sample", { timeout: 30_000 });
  await expect(page.getByTestId("reference-summary")).toContainText(label.replace(/^Make (sample \d+) the reference$/, "$1"));
  const after = await shownPairs(page);
  expect(after).not.toEqual(before);
  for (const lang of ["de", "zh", "ar", "hi", "sw"]) await expect(last.getByTestId(`change-${lang}`)).toHaveCount(1);

  await last.getByRole("button", { name: "Undo this correction" }).click();
  await expect(page.getByTestId("last-correction")).toContainText("undid a correction", { timeout: 30_000 });
  expect(await shownPairs(page)).toEqual(before);
});
