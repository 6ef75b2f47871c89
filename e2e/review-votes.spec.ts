import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { closeDatabase, type Database } from "../lib/db/client";
import { openServedDatabase } from "../lib/testing/e2e-database";
import { E2E_DATA_DIR, storageStateOf } from "./auth-users";

// Votes, claims and the pair table count go through server actions; generous on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const PLAN = "/api/v1/datasets/demo/review-plan";
const DEFAULT_PLAN = { votesPerPair: 1, order: "least-reviewed", blind: false, leaseMinutes: 10 };
const TEAM_PLAN = { votesPerPair: 2, order: "least-reviewed", blind: true, leaseMinutes: 10 };

async function setPlan(request: APIRequestContext, baseURL: string, plan: typeof DEFAULT_PLAN): Promise<void> {
  const res = await request.put(PLAN, { data: plan, headers: { origin: baseURL } });
  expect(res.status(), await res.text()).toBe(200);
}

/** The test server's embedded database, for what no endpoint shows (stored votes) or does (age a lease). */
let db: Database;
test.beforeAll(async () => {
  db = await openServedDatabase(E2E_DATA_DIR);
});
test.afterAll(() => closeDatabase());

async function openQueue(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator("[data-keys-ready=true]")).toHaveCount(1);
}

const shortcuts = (page: Page) => page.getByRole("dialog", { name: "Keyboard shortcuts" });
const focusInDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest("dialog[open]") !== null);

test.describe("the decision queue (default plan)", () => {
  test("on-screen buttons show their keys; the count is real; undo says what it undid; an undo offers no undo", async ({ page }) => {
    await page.goto("/datasets/demo/pairs?lang=hi&status=proposed");
    const total = (await page.getByTestId("pairs-total").textContent())!.split(" ")[0]!;
    await openQueue(page, "/datasets/demo/review?lang=hi&status=proposed");
    await expect(page.getByTestId("queue-position")).toHaveText(`Pair 1 of ${total}`);
    const toolbar = page.getByRole("toolbar", { name: "Review actions" });
    const keys: [string, string][] = [
      ["Previous", "k"],
      ["Next", "j"],
      ["Accept", "a"],
      ["Swap", "s"],
      ["Reject", "r"],
      ["Flag", "f"],
      ["Undo", "u"],
    ];
    for (const [name, key] of keys) {
      await expect(toolbar.getByRole("button", { name, exact: true })).toContainText(key);
    }
    const card = page.getByTestId("pair-card");
    const first = (await card.getAttribute("data-pair-id"))!;
    await toolbar.getByRole("button", { name: "Next", exact: true }).click();
    await expect(card).not.toHaveAttribute("data-pair-id", first);
    await toolbar.getByRole("button", { name: "Previous", exact: true }).click();
    await expect(card).toHaveAttribute("data-pair-id", first);

    const externalId = (await card.getByRole("link").first().textContent())!;
    // Other specs may have decided (and undone) this pair before: its history grows by the two entries made here.
    const entries = page.getByTestId("history-entry");
    const history = page.getByRole("heading", { name: /^History \(\d+\)$/ });
    const before = Number(/\((\d+)\)/.exec((await history.textContent()) ?? "")?.[1]);
    expect(before).toBe(await entries.count());
    await toolbar.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(page.getByTestId("queue-position")).toHaveText(`Pair 2 of ${total}`);
    await page.keyboard.press("u");
    await expect(page.getByTestId("notice-ok")).toHaveText(`Undid your accept of pair ${externalId} (hi)`);
    await expect(card).toHaveAttribute("data-pair-id", first);
    await expect(entries).toHaveCount(before + 2);
    await expect(entries.first()).toHaveAttribute("data-action", "undo");
    await expect(entries.first().getByRole("button")).toHaveCount(0);
    await expect(entries.first()).toContainText("(accept)");
  });

  test("with the shortcuts dialog open, focus stays in it and only Esc and ? act", async ({ page }) => {
    await openQueue(page, "/datasets/demo/review?lang=hi&status=proposed");
    const card = page.getByTestId("pair-card");
    const id = (await card.getAttribute("data-pair-id"))!;
    const decisions = await page.getByTestId("history-entry").count();
    await page.keyboard.press("?");
    await expect(shortcuts(page)).toBeVisible();
    expect(await focusInDialog(page)).toBe(true);
    for (const key of ["j", "a", "r", "u", "Tab", "k"]) await page.keyboard.press(key);
    expect(await focusInDialog(page)).toBe(true);
    await page.keyboard.press("?");
    await expect(shortcuts(page)).toHaveCount(0);
    await expect(card).toHaveAttribute("data-pair-id", id);
    await expect(page.getByTestId("history-entry")).toHaveCount(decisions);
    await expect(page.getByTestId("notice-ok")).toHaveCount(0);
    await page.getByRole("button", { name: "Shortcuts" }).click();
    await expect(shortcuts(page)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(shortcuts(page)).toHaveCount(0);
  });
});

test.describe("the vote queue (2 votes per pair, blind)", () => {
  test.beforeAll(async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
    await setPlan(request, baseURL!, TEAM_PLAN);
    await request.dispose();
  });
  test.afterAll(async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
    await setPlan(request, baseURL!, DEFAULT_PLAN);
    await request.dispose();
  });

  test("vote by keyboard under a visible lease; skip; an expired lease says so and the next pair follows", async ({ page }) => {
    await openQueue(page, "/datasets/demo/review");
    const card = page.getByTestId("vote-card");
    await expect(card).toHaveAttribute("data-blind", "true");
    await expect(page.getByTestId("lease-timer")).toHaveText(/^lease (10:00|9:[0-5]\d)$/);
    await expect(page.getByTestId("method-label")).toHaveCount(0);
    await page.getByRole("combobox", { name: "Language" }).selectOption("hi");
    await expect(card.getByText("hi", { exact: true })).toBeVisible();

    const first = Number(await card.getAttribute("data-pair-id"));
    const preferred = Number(await page.getByTestId("response-a").getAttribute("data-response-id"));
    await page.keyboard.press("a");
    await expect(page.getByTestId("notice-ok")).toHaveText(`You preferred A on pair ${first} (hi): 1 of 2 votes, consensus pending.`);
    await expect(card).not.toHaveAttribute("data-pair-id", String(first));

    const second = Number(await card.getAttribute("data-pair-id"));
    await page.keyboard.press("n");
    await page.keyboard.type("both answers miss the unit");
    await page.keyboard.press("Enter");
    await page.keyboard.press("x");
    await expect(page.getByTestId("notice-ok")).toHaveText(`You marked both bad on pair ${second} (hi): 1 of 2 votes, consensus pending.`);
    await expect(page.getByRole("textbox", { name: "Reason" })).toHaveValue("");
    const votes = await db.pool.query<{
      pair_id: number;
      verdict: string;
      preferred_id: number | null;
      reason: string | null;
      seconds: number;
      blind: boolean;
    }>("SELECT pair_id, verdict, preferred_id, reason, seconds, blind FROM review_votes WHERE pair_id = ANY($1) ORDER BY id", [
      [first, second],
    ]);
    expect(votes.rows.map((v) => [v.pair_id, v.verdict, v.preferred_id, v.reason, v.blind])).toEqual([
      [first, "response", preferred, null, true],
      [second, "both_bad", null, "both answers miss the unit", true],
    ]);
    for (const v of votes.rows) expect(v.seconds).toBeGreaterThan(0);

    const third = Number(await card.getAttribute("data-pair-id"));
    await page.getByRole("button", { name: "Skip" }).click();
    await expect(page.getByTestId("notice-ok")).toHaveText(`Skipped pair ${third}; it went back to the queue for others.`);
    await expect(card).not.toHaveAttribute("data-pair-id", String(third));

    // The lease runs out (aged in the database, as a reviewer who walked away would let it): the vote is refused in words.
    const leaseId = Number(await card.getAttribute("data-lease-id"));
    await db.pool.query("UPDATE review_leases SET expires_at = LOCALTIMESTAMP - interval '1 second' WHERE id = $1", [leaseId]);
    await page.keyboard.press("t");
    await expect(page.getByTestId("lease-expired")).toContainText("This lease has expired or is not yours");
    await expect(page.getByRole("button", { name: "Take the next pair" })).toBeVisible();
    await page.keyboard.press("j");
    await expect(card).toBeVisible();
    await expect(page.getByTestId("lease-timer")).toBeVisible();
  });

  test("with the shortcuts dialog open no vote is cast; a page left gives its pair back", async ({ page }) => {
    await openQueue(page, "/datasets/demo/review");
    const card = page.getByTestId("vote-card");
    const id = Number(await card.getAttribute("data-pair-id"));
    await page.keyboard.press("?");
    await expect(shortcuts(page)).toContainText("prefer response A");
    for (const key of ["a", "b", "t", "x", "j"]) await page.keyboard.press(key);
    expect(await focusInDialog(page)).toBe(true);
    await page.keyboard.press("Escape");
    await expect(shortcuts(page)).toHaveCount(0);
    await expect(card).toHaveAttribute("data-pair-id", String(id));
    await expect(page.getByTestId("votes-cast")).toHaveText("0 votes cast here");

    const held = async () => (await db.pool.query("SELECT 1 FROM review_leases WHERE pair_id = $1", [id])).rowCount;
    expect(await held()).toBe(1);
    await page.goto("/datasets/demo");
    await expect.poll(held).toBe(0);
  });
});
