import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";

test("select, preview and create an export, then download exactly the recorded bytes", async ({ page, request }) => {
  test.setTimeout(180_000);
  // The fresh demo has no pairs yet: make them with a select run through the UI.
  await page.goto("/datasets/demo/runs");
  await page.getByRole("button", { name: "Start select run" }).click();
  await expect(page).toHaveURL(/\/datasets\/demo\/runs\/\d+$/, { timeout: 30_000 });
  const runId = page.url().split("/").pop()!;
  await expect(page.getByTestId(`run-status-${runId}`)).toHaveText("succeeded", { timeout: 90_000 });

  await page.goto("/datasets/demo/exports");
  const form = page.getByRole("form", { name: "Create an export" });
  await form.getByRole("combobox", { name: "Format" }).selectOption("cm-align");
  await form.getByRole("checkbox", { name: "sw", exact: true }).uncheck();
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(page).toHaveURL(/format=cm-align/, { timeout: 15_000 });
  const preview = page.getByTestId("export-preview");
  await expect(preview).toContainText('"prompt_id":');
  await expect(preview).not.toContainText('"lang":"sw"');

  await form.getByRole("button", { name: "Create export" }).click();
  const status = page.getByRole("status");
  await expect(status).toHaveText(/^Export \d+ created: \d+ pairs\.$/, { timeout: 30_000 });
  const [, exportId, pairs] = /^Export (\d+) created: (\d+) pairs\.$/.exec((await status.textContent())!)!;

  const row = page.getByTestId(`export-${exportId}`);
  await expect(row).toContainText("cm-align");
  const sha256 = (await row.locator("code").first().textContent())!;
  const res = await request.get(`/api/exports/${exportId}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/x-ndjson");
  const body = await res.body();
  expect(createHash("sha256").update(body).digest("hex")).toBe(sha256);
  const lines = body.toString("utf8").trim().split("\n");
  expect(lines).toHaveLength(Number(pairs));
  expect(lines.every((l) => (JSON.parse(l) as { lang: string }).lang !== "sw")).toBe(true);
});
