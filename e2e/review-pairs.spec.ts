import { expect, test, type Page } from "@playwright/test";

type Detail = {
  pair: {
    id: number;
    status: string;
    origin: string;
    chosenId: number | null;
    rejectedId: number | null;
    flagged: boolean;
    flagReason: string | null;
    version: number;
  };
  candidates: { id: number }[];
  history: { id: number; action: string; reason: string | null; undoesId: number | null }[];
};

// Ten round trips through server actions; generous on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const card = (page: Page) => page.getByTestId("pair-card");

async function openQueue(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator("[data-keys-ready=true]")).toHaveCount(1);
}

async function currentPairId(page: Page): Promise<number> {
  return Number(await card(page).getAttribute("data-pair-id"));
}

async function detailOf(page: Page, id: number): Promise<Detail> {
  const res = await page.request.get(`/api/datasets/demo/pairs/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Detail;
}

/** Presses the keys for one decision and waits until the queue shows the next pair. */
async function decide(page: Page, keys: string[]): Promise<void> {
  const before = await currentPairId(page);
  for (const key of keys) await page.keyboard.press(key);
  await expect(card(page)).not.toHaveAttribute("data-pair-id", String(before));
}

test("review ten German pairs with the keyboard only; the decisions are stored; undo restores the proposal", async ({ page }) => {
  await openQueue(page, "/datasets/demo/review?lang=de&status=proposed&origin=auto");
  await expect(card(page)).toBeVisible();
  await expect(page.getByTestId("queue-position")).toHaveText(/^Pair 1 of \d+/);

  const plan: { keys: string[]; action: string; status: string }[] = [
    { keys: ["a"], action: "accept", status: "accepted" },
    { keys: ["s"], action: "swap", status: "accepted" },
    { keys: ["r"], action: "reject", status: "rejected" },
    { keys: ["a"], action: "accept", status: "accepted" },
    { keys: ["c", "1"], action: "choose", status: "accepted" },
    { keys: ["r"], action: "reject", status: "rejected" },
    { keys: ["s"], action: "swap", status: "accepted" },
    { keys: ["a"], action: "accept", status: "accepted" },
    { keys: ["x", "1"], action: "choose", status: "accepted" },
    { keys: ["a"], action: "accept", status: "accepted" },
  ];
  const reviewed: { id: number; before: Detail }[] = [];
  for (const step of plan) {
    const id = await currentPairId(page);
    reviewed.push({ id, before: await detailOf(page, id) });
    await decide(page, step.keys);
  }
  await expect(page.getByTestId("queue-position")).toHaveText(/^Pair 11 of/);

  for (const [i, { id, before }] of reviewed.entries()) {
    const now = await detailOf(page, id);
    const step = plan[i]!;
    expect(now.history.map((h) => h.action)).toEqual([step.action]);
    expect(now.pair).toMatchObject({ status: step.status, origin: "human", version: before.pair.version + 1 });
    if (step.action === "swap") expect([now.pair.chosenId, now.pair.rejectedId]).toEqual([before.pair.rejectedId, before.pair.chosenId]);
    if (step.keys.join("") === "c1") expect(now.pair.chosenId).toBe(before.candidates[0]!.id);
    if (step.keys.join("") === "x1") expect(now.pair.rejectedId).toBe(before.candidates[0]!.id);
  }

  // `u` undoes the last decision and goes back to that pair, which returns to the run's proposal.
  const last = reviewed.at(-1)!;
  await page.keyboard.press("u");
  await expect(card(page)).toHaveAttribute("data-pair-id", String(last.id));
  await expect(page.getByTestId("pair-origin")).toHaveText("auto");
  const undone = await detailOf(page, last.id);
  expect(undone.history.map((h) => h.action)).toEqual(["undo", "accept"]);
  expect(undone.history[0]!.undoesId).toBe(undone.history[1]!.id);
  expect(undone.pair).toMatchObject({
    status: "proposed",
    origin: "auto",
    chosenId: last.before.pair.chosenId,
    rejectedId: last.before.pair.rejectedId,
  });

  // The history lists every decision; undo from there works on any of them.
  await page.keyboard.press("k");
  const ninth = reviewed[8]!;
  await expect(card(page)).toHaveAttribute("data-pair-id", String(ninth.id));
  await expect(page.getByTestId("history-entry")).toHaveCount(1);
});

test("no shortcut fires while typing a flag reason; the flag is stored with its reason", async ({ page }) => {
  await openQueue(page, "/datasets/demo/review?lang=ar&status=proposed");
  const id = await currentPairId(page);
  await page.keyboard.press("f");
  await page.getByLabel("Flag reason").pressSequentially("reference answer looks wrong; ask a native speaker");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("history-entry").first()).toContainText("reference answer looks wrong");
  const d = await detailOf(page, id);
  expect(d.history.map((h) => [h.action, h.reason])).toEqual([["flag", "reference answer looks wrong; ask a native speaker"]]);
  expect(d.pair).toMatchObject({ flagged: true, status: "proposed", origin: "auto" });
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
});

test("a second reviewer deciding on the same pair gets a conflict message and the fresh state", async ({ page, browser }) => {
  const url = "/datasets/demo/review?lang=zh&status=proposed";
  await openQueue(page, url);
  const id = await currentPairId(page);
  const other = await browser.newPage();
  await openQueue(other, url);
  await expect(other.getByTestId("pair-card")).toHaveAttribute("data-pair-id", String(id));
  await other.keyboard.press("r");
  await expect(other.getByTestId("pair-card")).not.toHaveAttribute("data-pair-id", String(id));
  await other.close();

  await page.keyboard.press("a");
  await expect(page.getByTestId("notice-conflict")).toContainText("Someone else decided on this pair meanwhile");
  await expect(card(page)).toHaveAttribute("data-pair-id", String(id));
  await expect(page.getByTestId("pair-status")).toHaveText("rejected");
  const d = await detailOf(page, id);
  expect(d.history.map((h) => h.action)).toEqual(["reject"]);
});

test("the pairs table filters, sorts and pages through the URL, and bulk-accepts the whole filter result", async ({ page }) => {
  await page.goto("/datasets/demo/pairs?lang=sw&status=proposed&size=5");
  const total = Number((await page.getByTestId("pairs-total").textContent())!.split(" ")[0]);
  expect(total).toBeGreaterThan(5);
  await expect(page.locator("tbody tr")).toHaveCount(5);
  const seen = new Set<string>();
  let rowsSeen = 0;
  for (;;) {
    const ids = await page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id") ?? ""));
    ids.forEach((id) => seen.add(id));
    rowsSeen += ids.length;
    const next = page.getByRole("link", { name: "Next page »" });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page.locator("tbody tr").first()).not.toHaveAttribute("data-row-id", ids[0]!);
  }
  expect([seen.size, rowsSeen]).toEqual([total, total]);

  await page.getByRole("button", { name: "Accept all" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  const job = page.locator("[data-testid^=bulk-job-]").first();
  await expect(job.locator("[data-testid^=bulk-status-]")).toHaveText("succeeded", { timeout: 60_000 });
  await expect(job).toContainText(`${total} of ${total} pairs changed`);
  await page.goto("/datasets/demo/pairs?lang=sw&status=proposed");
  await expect(page.getByTestId("pairs-total")).toHaveText("0 pairs match");
  await page.goto("/datasets/demo/pairs?lang=sw&origin=human&status=accepted");
  await expect(page.getByTestId("pairs-total")).toHaveText(`${total} pairs match`);
});

test("a search shows where each pair matched, the term marked, and skipped pairs sort last", async ({ page }) => {
  await page.goto("/datasets/demo/pairs?lang=de&q=photosynthese&size=50");
  const matches = page.getByTestId("search-match");
  await expect(matches.first()).toBeVisible();
  expect(await matches.count()).toBe(await page.locator("tbody tr").count());
  await expect(matches.first().locator("mark").first()).toHaveText(/photosynthese/i);

  await page.goto("/datasets/demo/pairs?lang=zh&sort=margin&dir=desc&size=200");
  const statuses = await page.locator("tbody tr td:nth-child(3)").allTextContents();
  const firstSkipped = statuses.indexOf("skipped");
  expect(firstSkipped).toBeGreaterThan(0);
  expect(statuses.slice(firstSkipped).every((s) => s === "skipped")).toBe(true);
});
