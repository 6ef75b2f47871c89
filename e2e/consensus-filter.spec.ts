import { expect, test } from "@playwright/test";

test.describe.configure({ timeout: 180_000 });

test("filter pairs and exports by team-review consensus from the forms", async ({ page }) => {
  // The fresh demo has no pairs until a select run made them (another spec may have run one already).
  const listed = (await (await page.request.get("/api/datasets/demo/pairs?size=5")).json()) as { rows: unknown[] };
  if (listed.rows.length === 0) {
    await page.goto("/datasets/demo/runs");
    await page.getByRole("button", { name: "Start select run" }).click();
    await expect(page).toHaveURL(/\/datasets\/demo\/runs\/\d+$/, { timeout: 30_000 });
    const runId = page.url().split("/").pop()!;
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText("succeeded", { timeout: 90_000 });
  }

  await page.goto("/datasets/demo/pairs");
  await expect(page.getByRole("columnheader", { name: "Consensus" })).toBeVisible();
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByRole("checkbox", { name: "disputed" }).check();
  await filters.getByRole("checkbox", { name: "adjudicated" }).check();
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/consensus=disputed&consensus=adjudicated/);
  await expect(page.getByTestId("pairs-total")).toHaveText("0 pairs match");
  await expect(page.getByRole("form", { name: "Filters" }).getByRole("checkbox", { name: "disputed" })).toBeChecked();

  await page.goto("/datasets/demo/exports");
  const form = page.getByRole("form", { name: "Create an export" });
  await form.getByRole("combobox", { name: "Format" }).selectOption("cm-align");
  await form.getByRole("checkbox", { name: "pending" }).check();
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(page).toHaveURL(/consensus=pending/, { timeout: 15_000 });
  await expect(page.getByTestId("export-preview")).toContainText('"consensus":"pending","votes":[],"adjudication":null');
  await expect(page.getByRole("form", { name: "Create an export" }).getByRole("checkbox", { name: "pending" })).toBeChecked();
});
