import { expect, test } from "@playwright/test";
import { z } from "zod";
import { createUser, listUsers } from "../lib/auth/accounts";
import { unitBuckets } from "../lib/dashboards/charts/buckets";
import { pairsHref } from "../lib/dashboards/charts/links";
import { closeDatabase, type Database } from "../lib/db/client";
import { queryOne, sql } from "../lib/db/sql";
import { krippendorffAlphaNominal } from "../lib/pipeline/agreement";
import type { MethodLabel, Preference } from "../lib/pipeline/consensus";
import { getAgreement } from "../lib/review/agreement";
import { castVote } from "../lib/review/cast-vote";
import { claimNextPair } from "../lib/review/claim-next-pair";
import { getReviewPlan, setReviewPlan } from "../lib/review/review-plan";
import { openServedDatabase } from "../lib/testing/e2e-database";
import { seedPairsFixture } from "../lib/testing/pairs-fixture";
import { E2E_DATA_DIR, E2E_USERS, storageStateOf } from "./auth-users";

// Seeding a dataset and a select run through the lib takes a while on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

const slug = "team-e2e";
const password = "team e2e 0123";
let db: Database;
let datasetId: number;
/** The labels each pair got relative to the method's pair, per language: what alpha is computed over. */
const labels = new Map<string, Map<number, MethodLabel[]>>();

/** Ben agrees with Ana (the method's chosen) except on some pairs: a disagreement in German, a tie or both bad in Hindi. */
function benLabel(lang: string, index: number): MethodLabel {
  if (lang === "de") return index % 3 === 0 ? "disagree" : "agree";
  return index % 4 === 1 ? "tie" : index % 4 === 3 ? "both_bad" : "agree";
}

async function voteAll(userId: number, label: (lang: string, index: number) => MethodLabel, reason?: (l: MethodLabel) => string) {
  const seen = new Map<string, number>();
  for (;;) {
    const leased = await claimNextPair(db, datasetId, { userId, languages: ["de", "hi"] });
    if (!leased) return;
    const lang = leased.pair.lang;
    const index = seen.get(lang) ?? 0;
    seen.set(lang, index + 1);
    const l = label(lang, index);
    const m = leased.method!;
    const preferred: Preference = l === "agree" ? m.chosenId : l === "disagree" ? m.rejectedId : l;
    await castVote(db, leased.pair.id, userId, { leaseId: leased.lease.id, preferred, reason: reason?.(l) });
    const byPair = labels.get(lang) ?? new Map<number, MethodLabel[]>();
    byPair.set(leased.pair.id, [...(byPair.get(leased.pair.id) ?? []), l]);
    labels.set(lang, byPair);
  }
}

test.beforeAll(async () => {
  db = await openServedDatabase(E2E_DATA_DIR);
  ({ datasetId } = await seedPairsFixture(db, slug, 8));
  const ana = await createUser(db, { email: "ana@team.test", name: "Ana", role: "reviewer", password, languages: ["de", "hi"] });
  const ben = await createUser(db, { email: "ben@team.test", name: "Ben", role: "reviewer", password, languages: ["de", "hi"] });
  await setReviewPlan(db, datasetId, { votesPerPair: 2, order: "least-reviewed", blind: false, leaseMinutes: 10 }, null);
  await voteAll(ana.id, () => "agree");
  await voteAll(ben.id, benLabel, (l) => `ben says ${l}`);
});
test.afterAll(() => closeDatabase());

test("the team review page shows alpha per language as the ledgers and a direct count over the votes give it", async ({ page }) => {
  const agreement = await getAgreement(db.pool, datasetId);
  expect(Object.keys(agreement.byLanguage).sort()).toEqual(["de", "hi"]);
  await page.goto(`/datasets/${slug}`);
  await page.getByRole("navigation", { name: "Dataset" }).getByRole("link", { name: "Team review" }).click();
  await expect(page.getByRole("heading", { name: "Team review", level: 1 })).toBeVisible();
  for (const lang of ["de", "hi"]) {
    const figures = agreement.byLanguage[lang]!;
    const direct = krippendorffAlphaNominal([...labels.get(lang)!.values()]);
    expect(figures.alpha).not.toBeNull();
    expect(figures.alpha!).toBeCloseTo(direct.alpha!, 12);
    const cell = page.getByTestId(`alpha-${lang}`);
    await expect(cell).toHaveText(figures.alpha!.toFixed(3));
    await expect(cell).toHaveAttribute("title", String(figures.alpha));
    const row = page.getByRole("region", { name: "Alpha and votes per language" }).getByRole("row").filter({ has: cell });
    await expect(row).toContainText(`${figures.pairs}${figures.votes}`);
  }
  const reviewers = page.getByRole("region", { name: "Votes per reviewer" });
  for (const r of agreement.reviewers) await expect(reviewers.getByRole("row").filter({ hasText: r.email })).toContainText(String(r.votes));
  await expect(page.getByTestId("position-bias")).toHaveText("No blind votes yet.");
});

test("a calibration bar opens the pairs table filtered to its language and margin range", async ({ page }) => {
  const agreement = await getAgreement(db.pool, datasetId);
  await page.goto(`/datasets/${slug}/team`);
  const chart = page.locator('figure[data-chart="calibration-de"]');
  await expect(chart.getByText("Margin of the method's pair")).toBeVisible();
  const bar = chart.getByRole("link", { name: /^Calibration de · .+ \(\d+ votes\) · votes agreeing with the method: [\d.]+%$/ }).first();
  const name = (await bar.getAttribute("aria-label")) ?? "";
  const [, label, votes, shown] = /^Calibration de · (.+) \((\d+) votes\) · votes agreeing with the method: ([\d.]+)%$/.exec(name) ?? [];
  const bucket = unitBuckets({ negative: true, none: true }).find((b) => b.label === label);
  expect(bucket).toBeDefined();
  const figures = agreement.calibration.find((c) => c.lang === "de" && c.marginFrom === (bucket!.min ?? null));
  expect(figures).toMatchObject({ votes: Number(votes) });
  expect(Number(shown)).toBeCloseTo(figures!.methodAgreement * 100, 1);

  await bar.click();
  await page.waitForURL(
    (url) => `${url.pathname}${url.search}` === pairsHref(slug, { lang: "de", minMargin: bucket!.min, maxMargin: bucket!.max }),
  );
  await expect(page.getByRole("heading", { name: "Pairs", level: 1 })).toBeVisible();
  await expect(page.getByTestId("pairs-total")).toBeVisible();
});

test("an admin settles the lowest-agreement disputed pair from the adjudication queue", async ({ page }) => {
  await page.goto(`/datasets/${slug}/team`);
  const disputed = Number((await page.getByTestId("disputed-count").textContent())?.match(/: (\d+) disputed/)?.[1]);
  expect(disputed).toBeGreaterThan(1);
  await page.getByRole("link", { name: "Adjudication queue" }).click();
  await expect(page.getByTestId("adjudication-total")).toHaveText(`${disputed} disputed pairs.`);
  const first = page.getByRole("article").first();
  const pairId = Number((await first.getAttribute("aria-label"))?.match(/^Disputed pair (\d+)$/)?.[1]);
  const votes = first.getByRole("table", { name: `Votes on pair ${pairId}` });
  await expect(votes.getByRole("row").filter({ hasText: "ana@team.test" })).toContainText("A (the method's chosen)");
  await expect(votes.getByRole("row").filter({ hasText: "ben@team.test" })).toContainText(/ben says (disagree|tie|both_bad)/);

  const form = first.getByRole("form", { name: `Verdict on pair ${pairId}` });
  await form.getByLabel("B is better").check();
  await form.getByLabel(/^Reason/).fill("e2e: B answers the question");
  await form.getByRole("button", { name: "Settle pair" }).click();
  await expect(page.getByRole("article", { name: `Disputed pair ${pairId}` })).toHaveCount(0);
  await expect(page.getByTestId("adjudication-total")).toHaveText(disputed === 2 ? "1 disputed pair." : `${disputed - 1} disputed pairs.`);

  const settled = await queryOne(
    db.pool,
    sql`SELECT p.consensus, p.status::text AS status, a.verdict, a.preferred_id = p.chosen_id AS "preferredChosen", a.reason, u.email
        FROM pairs p JOIN review_adjudications a ON a.pair_id = p.id JOIN users u ON u.id = a.user_id WHERE p.id = ${pairId}`,
    z.object({
      consensus: z.string(),
      status: z.string(),
      verdict: z.string(),
      preferredChosen: z.boolean(),
      reason: z.string(),
      email: z.string(),
    }),
  );
  // The verdict preferred the method's rejected response: the pair is swapped so it is now chosen.
  expect(settled).toEqual({
    consensus: "adjudicated",
    status: "accepted",
    verdict: "response",
    preferredChosen: true,
    reason: "e2e: B answers the question",
    email: E2E_USERS.admin.email,
  });
});

test("an admin edits the review plan through its form", async ({ page }) => {
  await page.goto(`/datasets/${slug}/team`);
  const form = page.getByRole("form", { name: "Edit review plan" });
  await form.getByLabel("Votes per pair").fill("3");
  await form.getByLabel("Order").selectOption("low-margin");
  await form.getByLabel("Blind").check();
  await form.getByLabel("Lease minutes").fill("15");
  await form.getByRole("button", { name: "Save plan" }).click();
  await expect(form.getByRole("status")).toHaveText(/^Plan saved/);
  expect(await getReviewPlan(db.pool, datasetId)).toEqual({ votesPerPair: 3, order: "low-margin", blind: true, leaseMinutes: 15 });
});

test("an admin sets review languages on the Users page, when creating a user and per user", async ({ page }) => {
  await page.goto("/admin/users");
  const create = page.getByRole("form", { name: "New user" });
  await create.getByLabel("Email").fill("cho@team.test");
  await create.getByLabel("Name").fill("Cho");
  await create.getByLabel(/Initial password/).fill(password);
  await create.getByLabel(/^Review languages/).fill("sw, zh-TW");
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByRole("status")).toHaveText(
    "Created cho@team.test. Give them the initial password; they must change it at first sign-in.",
  );
  await expect(page.getByLabel("Review languages of cho@team.test (empty = all)")).toHaveValue("sw, zh-TW");

  const ana = page.getByRole("form", { name: "Review languages of ana@team.test" });
  await ana.getByRole("textbox").fill("de DE!");
  await ana.getByRole("button", { name: "Save" }).click();
  await expect(ana.getByRole("alert")).toHaveText('languages: "DE!" is not a language code such as de or zh-TW');
  await ana.getByRole("textbox").fill("ar, hi");
  await ana.getByRole("button", { name: "Save" }).click();
  await expect(ana.getByRole("status")).toHaveText("Reviews ar, hi.");
  const users = await listUsers(db);
  expect(users.find((u) => u.email === "ana@team.test")?.languages).toEqual(["ar", "hi"]);
  expect(users.find((u) => u.email === "cho@team.test")?.languages).toEqual(["sw", "zh-TW"]);
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees the plan read-only and is refused the adjudication queue", async ({ page }) => {
    await page.goto(`/datasets/${slug}/team`);
    await expect(page.getByRole("definition").filter({ hasText: "minutes" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Edit review plan" })).toHaveCount(0);
    await expect(page.getByTestId("disputed-count")).toHaveCount(0);
    await page.goto(`/datasets/${slug}/team/adjudication`);
    await expect(page.getByText("Only admins adjudicate disputed pairs.")).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(0);
  });
});
