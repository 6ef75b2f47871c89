import { expect, test } from "@playwright/test";
import { generateGroups } from "../lib/demo";

const groups = (prefix: string) =>
  [
    {
      id: `${prefix}1`,
      gold: "4",
      prompts: { en: "What is 2 + 2?", ar: "كم يساوي ٢ + ٢؟" },
      responses: { en: ["2 + 2 = 4. Answer: 4", "Answer: 5"], ar: ["الإجابة: ٤", "الإجابة: ٥"] },
    },
    {
      id: `${prefix}2`,
      gold: "9",
      prompts: { en: "What is 3 × 3?", ar: "كم يساوي ٣ × ٣؟" },
      responses: { en: ["Answer: 9"], ar: ["الإجابة: ٩"] },
    },
  ]
    .map((r) => JSON.stringify(r))
    .join("\n");
const GOOD = groups("e");

test("a new dataset is created from an uploaded file, and a bad file writes nothing and says where", async ({ page }) => {
  await page.goto("/datasets/new");
  const form = page.getByRole("form", { name: "Import a file" });
  await form.getByLabel("Slug").fill("uploaded");
  await form.getByLabel("Task").selectOption("math");
  await form.getByLabel(/^File/).setInputFiles({ name: "good.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(GOOD) });
  await form.getByRole("button", { name: "Import" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("2 records read: 2 groups and 6 responses added", { timeout: 30_000 });
  // The import's status row, which the page polled while it ran, holds the same summary.
  const id = Number((await status.textContent())?.match(/Import #(\d+)/)?.[1]);
  const row = await (await page.request.get(`/api/datasets/uploaded/imports/${id}`)).json();
  expect(row).toMatchObject({ status: "succeeded", datasetSlug: "uploaded", records: 2, summary: { responsesAdded: 6 }, error: null });

  await page.goto("/datasets/uploaded/import");
  const add = page.getByRole("form", { name: "Import a file" });
  const bad = `${groups("f")}\n{"id": "f3", "prompts": {"en": "x"}, "responses": {"en": [7]}}`;
  await add.getByLabel(/^File/).setInputFiles({ name: "bad.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(bad) });
  await add.getByRole("button", { name: "Import" }).click();
  const alert = add.getByRole("alert");
  await expect(alert).toContainText("1 invalid record; nothing was imported.", { timeout: 30_000 });
  await expect(alert).toContainText("line 3, field responses.en[0]");
  // The form keeps the chosen file for a retry (e.g. with "skip invalid").
  await expect(add.getByLabel(/^File/)).toHaveValue(/bad\.jsonl$/);
  const failed = Number((await alert.textContent())?.match(/Import #(\d+) failed/)?.[1]);
  const failedRow = await (await page.request.get(`/api/datasets/uploaded/imports/${failed}`)).json();
  expect(failedRow).toMatchObject({ status: "failed", error: { invalid: 1 } });
  expect(failedRow.error.errors[0]).toContain("line 3, field responses.en[0]");

  await page.goto("/datasets");
  await expect(page.getByTestId("dataset-uploaded").getByRole("cell").nth(5)).toHaveText("6");
});

test("a large upload derives its fields in a worker thread of the server", async ({ page }) => {
  const records = [...generateGroups({ seed: 5, groups: 300, languages: ["en", "de", "zh", "ar", "hi", "sw", "fr", "ru"], samples: 8 })];
  const file = Buffer.from(records.map((r) => JSON.stringify(r)).join("\n"));
  expect(file.length).toBeGreaterThan(8 * 2 ** 20);
  const responses = records.reduce((n, r) => n + Object.values(r.responses).reduce((m, list) => m + list.length, 0), 0);
  await page.goto("/datasets/new");
  const form = page.getByRole("form", { name: "Import a file" });
  await form.getByLabel("Slug").fill("large-upload");
  await form.getByLabel("Task").selectOption("general");
  await form.getByLabel(/^File/).setInputFiles({ name: "large.jsonl", mimeType: "application/jsonl", buffer: file });
  await form.getByRole("button", { name: "Import" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("300 records read: 300 groups", { timeout: 120_000 });
  const id = Number((await status.textContent())?.match(/Import #(\d+)/)?.[1]);
  const row = await (await page.request.get(`/api/datasets/large-upload/imports/${id}`)).json();
  expect(row).toMatchObject({ status: "succeeded", summary: { groupsAdded: 300, invalid: 0, deriveWorkers: 1 } });
  expect(row.summary.responsesAdded + row.summary.duplicateResponses).toBe(responses);
});
