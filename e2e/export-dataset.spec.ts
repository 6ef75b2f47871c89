import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

test("select, preview and queue an export, follow its progress, then download exactly the recorded bytes", async ({ page, request }) => {
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
  // The message follows the export: queued, then being written, then ready (a small export may skip ahead).
  await expect(status).toHaveText(/^Export \d+ (queued|is being written|is ready: download it under Past exports)\.$/, { timeout: 30_000 });
  const [, exportId] = /^Export (\d+) /.exec((await status.textContent())!)!;

  // The worker writes it; the row shows progress until the page swaps in the download link.
  const row = page.getByTestId(`export-${exportId}`);
  await expect(row).toContainText("cm-align");
  const download = row.getByRole("link", { name: "Download", exact: true });
  await expect(download).toBeVisible({ timeout: 90_000 });
  await expect(row.getByRole("progressbar")).toHaveCount(0);
  await expect(status).toHaveText(`Export ${exportId} is ready: download it under Past exports.`);
  const pairs = Number((await row.getByTestId("export-pairs").textContent())!.replaceAll(",", ""));
  expect(pairs).toBeGreaterThan(0);
  const sha256 = (await row.locator("code").first().textContent())!;

  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toBe(`demo-export-${exportId}-train.jsonl`);
  const body = await readFile((await file.path())!);
  expect(createHash("sha256").update(body).digest("hex")).toBe(sha256);
  const lines = body.toString("utf8").trim().split("\n");
  expect(lines).toHaveLength(pairs);
  expect(lines.every((l) => (JSON.parse(l) as { lang: string }).lang !== "sw")).toBe(true);

  const res = await request.get(`/api/exports/${exportId}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/x-ndjson");
  expect(Buffer.compare(await res.body(), body)).toBe(0);
  const progress = await request.get(`/api/exports/${exportId}/progress`);
  expect(await progress.json()).toEqual({
    id: Number(exportId),
    status: "succeeded",
    rowsDone: pairs,
    rowsTotal: pairs,
    cancelRequested: false,
    error: null,
  });
});
