import { expect, test, type Page } from "@playwright/test";

// Small hand-made records with what real model outputs do (never copied from a real data set):
// a Bengali answer that switches to English half-way, an R1-style reasoning trace closed by </think>,
// identical samples, and German answers that all disagree with the English reference.
const RECORDS = [
  {
    id: "mix-1",
    gold: "18",
    prompts: { en: "Tom has 3 bags of 6 apples. How many apples?", bn: "টমের কাছে ৬টি করে আপেলের ৩টি ব্যাগ আছে। মোট কতটি আপেল?" },
    responses: {
      en: [
        "Okay, three bags of six apples each, so 3 times 6.</think>\n\n3 × 6 = 18. Answer: 18",
        "Answer: 18",
        "Answer: 18",
        "Answer: 20",
      ],
      bn: [
        "তিন ব্যাগে ছয়টি করে আপেল আছে, প্রতিটি ব্যাগে ছয়টি আপেল, তাই তিনটি ব্যাগে তিন গুণ ছয়টি আপেল। So three bags hold three times six apples, eighteen in total. Answer: 18",
        "তিনটি ব্যাগে ছয়টি করে আপেল, তাই মোট আঠারোটি আপেল আছে। উত্তর: ১৮",
      ],
    },
  },
  {
    id: "mix-2",
    gold: "7",
    prompts: { en: "What is 10 minus 3?", de: "Was ist 10 minus 3?" },
    responses: {
      en: ["10 - 3 = 7. Answer: 7", "Ten minus three is seven. Answer: 7"],
      de: ["Zehn minus drei ergibt sechs. Antwort: 6", "Zehn minus drei ist acht. Antwort: 8"],
    },
  },
];

async function openGroup(page: Page, externalId: string) {
  await page.goto("/datasets/real-outputs");
  await page.getByRole("region", { name: "Prompt groups" }).getByRole("link", { name: externalId, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(externalId);
}

test("a code-switched answer is flagged mixed and never chosen; a pair the reference supports neither side of is skipped with its reason", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/datasets/new");
  const form = page.getByRole("form", { name: "Import a file" });
  await form.getByLabel("Slug").fill("real-outputs");
  await form.getByLabel("Task").selectOption("math");
  const file = Buffer.from(RECORDS.map((r) => JSON.stringify(r)).join("\n"));
  await form.getByLabel(/^File/).setInputFiles({ name: "outputs.jsonl", mimeType: "application/jsonl", buffer: file });
  await form.getByRole("button", { name: "Import" }).click();
  // Every sample is kept, the two identical English answers included.
  await expect(page.getByRole("status")).toContainText("2 records read: 2 groups and 10 responses added", { timeout: 30_000 });

  await page.goto("/datasets/real-outputs/runs");
  await page.getByRole("button", { name: "Start select run" }).click();
  await expect(page).toHaveURL(/\/datasets\/real-outputs\/runs\/\d+$/, { timeout: 30_000 });
  const runId = page.url().split("/").pop()!;
  await expect(page.getByTestId(`run-status-${runId}`)).toHaveText("succeeded", { timeout: 60_000 });

  await openGroup(page, "mix-1");
  const bengali = page.getByRole("region", { name: "Language bn" });
  const mixed = bengali.getByTestId("language-share");
  await expect(mixed).toHaveCount(1);
  await expect(mixed).toHaveText(/^mixed: \d+% Bangla, \d+% English$/);
  // The mixed answer is the rejected one (the guard prefers it), the all-Bengali one is chosen.
  const rejected = bengali.locator('li[data-marks~="rejected"]');
  await expect(rejected.getByTestId("language-share")).toHaveText(/^mixed: /);
  await expect(bengali.locator('li[data-marks~="chosen"]')).toContainText("উত্তর: ১৮");
  // The English reasoning trace is shown apart and collapsed.
  const trace = page.getByRole("region", { name: "Language en" }).getByTestId("reasoning-trace");
  await expect(trace).toHaveCount(1);
  await expect(trace).not.toHaveAttribute("open", "");
  await expect(trace.locator("summary")).toContainText("Reasoning trace");

  await openGroup(page, "mix-2");
  const skip = page.getByTestId("pair-de").getByTestId("skip-reason");
  await expect(skip).toHaveAttribute("data-reason", "no_agreement");
  await expect(skip).toContainText("no response has the English reference's answer");
  await expect(skip).toContainText("reference answer 7; answers seen: 6 (1), 8 (1)");
});
