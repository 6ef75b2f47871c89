import { type Browser, type BrowserContext, expect, type Page, request, test } from "@playwright/test";
import { z } from "zod";
import { createUser } from "../lib/auth/accounts";
import { closeDatabase, type Database } from "../lib/db/client";
import { queryOne, queryRows, sql } from "../lib/db/sql";
import { setReviewPlan } from "../lib/review/review-plan";
import { openServedDatabase } from "../lib/testing/e2e-database";
import { seedPairsFixture } from "../lib/testing/pairs-fixture";
import { E2E_DATA_DIR } from "./auth-users";

// Two reviewers vote through the browser on a dataset with 2 votes per pair: seeding and ~11 votes
// through server actions take a while on a busy two-core machine.
test.describe.configure({ timeout: 240_000 });

const slug = "duo-e2e";
const password = "duo e2e 0123";
const REVIEWERS = {
  ria: { email: "ria@duo.test", languages: ["de", "hi"] },
  sam: { email: "sam@duo.test", languages: ["de", "ar"] },
} as const;
type Name = keyof typeof REVIEWERS;
type Label = "agree" | "disagree" | "tie";

let db: Database;
let datasetId: number;
/** The German pairs in id order: the votes below are planned per position in this list. */
let dePairs: number[];

/**
 * The plan for German (the one language both review): the first pair splits them (disputed), the
 * second both agree with the method, the third both call a tie. Labels are relative to the method's
 * pair. Everything else gets an agreeing vote.
 */
function labelFor(name: Name, pairId: number): Label {
  const position = dePairs.indexOf(pairId);
  if (position === 0) return name === "ria" ? "agree" : "disagree";
  if (position === 2) return "tie";
  return "agree";
}

/**
 * Krippendorff's alpha (nominal) for those German votes, by hand. Units: (agree, disagree),
 * (agree, agree), (tie, tie). Coincidences: o(a,d) = o(d,a) = 1, o(a,a) = 2, o(t,t) = 2, so
 * n_agree = 3, n_disagree = 1, n_tie = 2, n = 6. alpha = 1 - (n - 1) * sum_{c != k} o(c,k) / sum_{c != k} n_c n_k
 * = 1 - 5 * 2 / (2 * (3*1 + 3*2 + 1*2)) = 1 - 10/22 = 6/11.
 */
const HAND_ALPHA_DE = 6 / 11;

async function signedInContext(browser: Browser, baseURL: string, email: string): Promise<BrowserContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await api.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(res.ok(), await res.text()).toBe(true);
  const storageState = await api.storageState();
  await api.dispose();
  return browser.newContext({ storageState });
}

test.beforeAll(async () => {
  db = await openServedDatabase(E2E_DATA_DIR);
  ({ datasetId } = await seedPairsFixture(db, slug, 3));
  for (const r of Object.values(REVIEWERS)) {
    await createUser(db, { email: r.email, name: r.email.split("@")[0]!, role: "reviewer", password, languages: [...r.languages] });
  }
  await setReviewPlan(db, datasetId, { votesPerPair: 2, order: "least-reviewed", blind: false, leaseMinutes: 10 }, null);
  const rows = await queryRows(
    db.pool,
    sql`SELECT id FROM pairs WHERE dataset_id = ${datasetId} AND language = 'de' AND status <> 'skipped' ORDER BY id`,
    z.object({ id: z.number() }),
  );
  dePairs = rows.map((r) => r.id);
});
test.afterAll(() => closeDatabase());

const ZPair = z.object({ language: z.string(), chosenId: z.number(), rejectedId: z.number() });

/** The pair a reviewer's page holds now, or null once their queue is empty. */
async function heldPair(page: Page): Promise<number | null> {
  const card = page.getByTestId("vote-card");
  const empty = page.getByTestId("queue-empty");
  await expect(card.or(empty)).toBeVisible();
  if (await empty.isVisible()) return null;
  return Number(await card.getAttribute("data-pair-id"));
}

/** Casts the planned vote on the held pair with the keyboard and waits for the page to confirm it. */
async function vote(page: Page, name: Name, pairId: number): Promise<void> {
  const pair = await queryOne(
    db.pool,
    sql`SELECT language, chosen_id AS "chosenId", rejected_id AS "rejectedId" FROM pairs WHERE id = ${pairId}`,
    ZPair,
  );
  expect(REVIEWERS[name].languages).toContain(pair.language);
  const label = labelFor(name, pairId);
  let key = "t";
  if (label !== "tie") {
    const a = Number(await page.getByTestId("response-a").getAttribute("data-response-id"));
    const preferred = label === "agree" ? pair.chosenId : pair.rejectedId;
    key = a === preferred ? "a" : "b";
  }
  await page.keyboard.press(key);
  await expect(page.getByTestId("notice-ok")).toContainText(`on pair ${pairId} (${pair.language})`);
}

test("two reviewers with different languages share the queue, a split pair is adjudicated, alpha matches the hand count", async ({
  browser,
  baseURL,
  page,
}) => {
  expect(dePairs).toHaveLength(3);
  const pages = {} as Record<Name, Page>;
  for (const name of Object.keys(REVIEWERS) as Name[]) {
    const context = await signedInContext(browser, baseURL!, REVIEWERS[name].email);
    pages[name] = await context.newPage();
    await pages[name].goto(`/datasets/${slug}/review`);
    await expect(pages[name].locator("[data-testid=vote-queue][data-keys-ready=true]")).toHaveCount(1);
  }

  const voted: Record<Name, number[]> = { ria: [], sam: [] };
  for (;;) {
    const held = { ria: await heldPair(pages.ria), sam: await heldPair(pages.sam) };
    if (held.ria === null && held.sam === null) break;
    // Never the same pair in both hands at once, and never one a reviewer already voted on.
    if (held.ria !== null && held.sam !== null) expect(held.ria).not.toBe(held.sam);
    for (const name of Object.keys(REVIEWERS) as Name[]) {
      const pairId = held[name];
      if (pairId === null) continue;
      expect(voted[name]).not.toContain(pairId);
      await vote(pages[name], name, pairId);
      voted[name].push(pairId);
    }
  }

  // Each saw exactly the proposed pairs of their own languages: German pairs were voted on by both.
  const proposed = await queryRows(
    db.pool,
    sql`SELECT id, language FROM pairs WHERE dataset_id = ${datasetId} AND status <> 'skipped' ORDER BY id`,
    z.object({ id: z.number(), language: z.string() }),
  );
  for (const name of Object.keys(REVIEWERS) as Name[]) {
    const mine = proposed.filter((p) => (REVIEWERS[name].languages as readonly string[]).includes(p.language)).map((p) => p.id);
    expect([...voted[name]].sort((x, y) => x - y)).toEqual(mine);
  }
  const consensus = await queryRows(
    db.pool,
    sql`SELECT id, consensus::text AS consensus, votes FROM pairs WHERE id IN (${dePairs[0]!}, ${dePairs[1]!}, ${dePairs[2]!}) ORDER BY id`,
    z.object({ id: z.number(), consensus: z.string(), votes: z.number() }),
  );
  expect(consensus.map((c) => [c.consensus, c.votes])).toEqual([
    ["disputed", 2],
    ["unanimous", 2],
    ["unanimous", 2],
  ]);

  // The admin finds the split pair in the adjudication queue and settles it.
  await page.goto(`/datasets/${slug}/team/adjudication`);
  await expect(page.getByTestId("adjudication-total")).toHaveText("1 disputed pair.");
  const article = page.getByRole("article", { name: `Disputed pair ${dePairs[0]}` });
  const votes = article.getByRole("table", { name: `Votes on pair ${dePairs[0]}` });
  await expect(votes.getByRole("row").filter({ hasText: REVIEWERS.ria.email })).toBeVisible();
  await expect(votes.getByRole("row").filter({ hasText: REVIEWERS.sam.email })).toBeVisible();
  const form = article.getByRole("form", { name: `Verdict on pair ${dePairs[0]}` });
  await form.getByLabel("A is better").check();
  await form.getByLabel(/^Reason/).fill("e2e: the method's chosen answer is right");
  await form.getByRole("button", { name: "Settle pair" }).click();
  await expect(page.getByTestId("adjudication-total")).toHaveText("No disputed pairs.");
  const settled = await queryOne(
    db.pool,
    sql`SELECT consensus::text AS consensus FROM pairs WHERE id = ${dePairs[0]!}`,
    z.object({ consensus: z.string() }),
  );
  expect(settled.consensus).toBe("adjudicated");

  // The team review page shows German's alpha as computed by hand above.
  await page.goto(`/datasets/${slug}/team`);
  await expect(page.getByTestId("alpha-de")).toHaveText(HAND_ALPHA_DE.toFixed(3));
  const exact = Number(await page.getByTestId("alpha-de").getAttribute("title"));
  expect(exact).toBeCloseTo(HAND_ALPHA_DE, 12);
});
