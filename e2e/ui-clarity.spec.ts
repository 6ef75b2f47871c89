import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS, storageStateOf } from "./auth-users";

test.describe.configure({ timeout: 120_000 });

// A dataset of this spec's own: its first run must be "Run 1" whatever other specs did on `demo`.
const SLUG = "clarity-e2e";
const NAME = "Clarity check";
const MARKERS = ["Alphawort", "Bravowort", "Charliewort"];
const JSONL = [0, 1, 2]
  .map((i) =>
    JSON.stringify({
      id: `c${i}`,
      // A gold answer: the answer scorer compares across scripts, so the Arabic and Chinese pairs are made.
      gold: String(i + 10),
      prompts: { en: `How old is Lena ${i}?`, de: `Wie alt ist Lena ${i}?`, ar: `كم عمر لينا ${i}؟`, zh: `莉娜${i}岁了吗？` },
      responses: {
        en: [`Lena is ${i + 10} years old.`, `She is ${i + 10}.`, `Lena is ${i + 10}.`],
        // Markers end in a letter per group (a digit would become the extracted answer).
        de: MARKERS.map((m, k) => `${m}${"xyz"[i]} sagt: Lena ist ${i + 10 + k} Jahre alt.`),
        ar: [`عمر لينا ${i + 10} سنة.`, `هي في ${i + 11} من عمرها.`, `لينا عمرها ${i + 12}.`],
        zh: [`莉娜${i + 10}岁。`, `她${i + 11}岁了。`, `莉娜今年${i + 12}岁。`],
      },
    }),
  )
  .join("\n");

let runId = "";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  const imported = await page.request.post(
    `/api/datasets/${SLUG}/imports?create=1&task=math&filename=clarity.jsonl&name=${encodeURIComponent(NAME)}`,
    { headers: { "content-type": "application/octet-stream" }, data: Buffer.from(JSONL) },
  );
  expect(imported.status(), await imported.text()).toBe(200);
  await page.goto(`/datasets/${SLUG}/runs`);
  await page.getByRole("button", { name: "Start select run" }).click();
  await expect(page).toHaveURL(/\/runs\/\d+$/, { timeout: 30_000 });
  runId = page.url().split("/").pop() ?? "";
  await expect(page.getByTestId(`run-status-${runId}`)).toHaveText("succeeded", { timeout: 90_000 });
  await admin.close();
});

/** Hydration mismatches and other page errors, as the console reports them. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} GMT\+5:30$/;

test.describe("in the viewer's time zone", () => {
  test.use({ timezoneId: "Asia/Kolkata" });

  test("a dataset's first run is Run 1, its settings in words, with start time (viewer's zone) and author", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/datasets/${SLUG}/runs/${runId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Run 1");
    await expect(page).toHaveTitle(`Run 1 · ${NAME} · CM-Align Studio`);
    await expect(page.getByText("English reference", { exact: true })).toBeVisible();
    await expect(page.getByText("the English sample most consistent with the other English samples")).toBeVisible();
    for (const key of ["surfaceVectors", "chunkSize", "languageGuard", "embeddingModel"])
      await expect(page.locator("main")).not.toContainText(key);
    const facts = page.getByTestId("run-facts");
    await expect(facts).toContainText(`by ${E2E_USERS.admin.name}`);
    await expect(facts.locator("time").first()).toHaveText(TIME);

    await page.goto(`/datasets/${SLUG}/runs`);
    await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
    await expect(page).toHaveTitle(`Runs · ${NAME} · CM-Align Studio`);
    await expect(page.getByRole("link", { name: "Run 1", exact: true })).toBeVisible();
    const started = page.getByTestId(`run-started-${runId}`);
    await expect(started).toContainText(`by ${E2E_USERS.admin.name}`);
    await expect(started.locator("time")).toHaveText(TIME);
    expect(errors.filter((e) => /hydrat/i.test(e))).toEqual([]);
  });
});

test("the overview names the dataset once and counts skipped groups apart from pairs", async ({ page }) => {
  await page.goto(`/datasets/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  await expect(page).toHaveTitle(`Overview · ${NAME} · CM-Align Studio`);
  await expect(page.getByText(NAME, { exact: true })).toHaveCount(1);
  const tile = async (label: string) =>
    Number(
      await page
        .locator('dl[aria-label="Counts"] > div')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator("dd")
        .textContent(),
    );
  const pairs = await tile("Pairs");
  const skipped = await tile("Skipped (no pair made)");
  const rows = (await (await page.request.get(`/api/datasets/${SLUG}/pairs?size=200`)).json()) as { rows: { status: string }[] };
  expect(pairs).toBe(rows.rows.filter((r) => r.status !== "skipped").length);
  expect(skipped).toBe(rows.rows.filter((r) => r.status === "skipped").length);
});

test("the pairs search matches each pair's own language; the group search finds a response no pair uses", async ({ page }) => {
  const search = async (q: string) =>
    (
      (await (await page.request.get(`/api/datasets/${SLUG}/pairs?${new URLSearchParams({ q, size: "200" })}`)).json()) as {
        rows: { language: string; match: { in: string } | null }[];
      }
    ).rows;
  // "Lena" is in the German prompts (and the English ones, which have no pairs), not in the Arabic or Chinese ones.
  const lena = await search("Lena");
  expect(lena.length).toBeGreaterThan(0);
  expect(lena.every((r) => r.language === "de")).toBe(true);
  expect((await search("莉娜")).every((r) => r.language === "zh")).toBe(true);

  // Each German sample of group c0 carries its own marker; the pair uses two of the three.
  const unpaired = [];
  for (const m of MARKERS) if ((await search(`${m}x`)).length === 0) unpaired.push(`${m}x`);
  expect(unpaired).toHaveLength(1);

  await page.goto(`/datasets/${SLUG}/pairs?q=${unpaired[0]}`);
  await expect(page.getByTestId("pairs-total")).toHaveText("0 pairs match");
  await page.getByTestId("search-scope").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${SLUG}/search\\?q=${unpaired[0]}$`));
  await expect(page).toHaveTitle(`Search · ${NAME} · CM-Align Studio`);
  const hit = page.getByTestId("group-hit");
  await expect(hit).toHaveCount(1);
  await expect(hit.getByTestId("group-match")).toHaveAttribute("data-lang", "de");
  await hit.getByRole("link", { name: "c0" }).click();
  await expect(page).toHaveURL(/\/groups\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("c0");
});

test("filtered URLs carry no empty parameters", async ({ page }) => {
  await page.goto(`/datasets/${SLUG}/pairs`);
  const form = page.getByRole("form", { name: "Filters" });
  await form.getByRole("combobox", { name: "Language" }).selectOption("ar");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/lang=ar/);
  expect(new URL(page.url()).search).not.toMatch(/=(&|$)/);
});

test("the export preview shows fields in their own direction and each raw line left to right", async ({ page }) => {
  await page.goto(`/datasets/${SLUG}/exports`);
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  const form = page.getByRole("form", { name: "Create an export" });
  await form.getByRole("combobox", { name: "Format" }).selectOption("cm-align");
  for (const l of ["de", "zh"]) await form.getByRole("checkbox", { name: l, exact: true }).uncheck();
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(page).toHaveURL(/format=cm-align/, { timeout: 15_000 });
  const record = page.getByTestId("export-preview-record").first();
  await expect(record.locator('[data-field="chosen"] > [lang="ar"]')).toHaveAttribute("dir", "rtl");
  await expect(record.locator('[data-field="en_reference"] > [lang="en"]')).toHaveAttribute("dir", "ltr");
  const line = record.getByTestId("export-preview-line");
  await expect(line).toHaveAttribute("dir", "ltr");
  expect(await line.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
  expect(JSON.parse((await line.textContent())!)).toMatchObject({ lang: "ar" });
});

test("an import message from an earlier attempt does not stay", async ({ page }) => {
  await page.goto(`/datasets/${SLUG}/import`);
  const form = page.getByRole("form", { name: "Import a file" });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toHaveText("Choose a file to import.");
  await form.getByLabel(/^File/).setInputFiles({ name: "again.jsonl", mimeType: "application/json", buffer: Buffer.from(JSONL) });
  await expect(form.getByRole("alert")).toHaveCount(0);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText("records read", { timeout: 30_000 });
  await expect(page.getByText("Choose a file to import.")).toHaveCount(0);
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("no Add data or Generate tab, and no pointer to Settings", async ({ page }) => {
    await page.goto(`/datasets/${SLUG}`);
    const nav = page.getByRole("navigation", { name: "Dataset" });
    await expect(nav.getByRole("link", { name: "Runs", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Add data" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Generate" })).toHaveCount(0);
    await page.goto(`/datasets/${SLUG}/generate`);
    await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  });
});

test.describe("with a one-time password", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the password change page offers no link that leads back to it", async ({ page, browser }) => {
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/users");
    const create = adminPage.getByRole("form", { name: "New user" });
    await create.getByLabel("Email").fill("e2e-clarity@example.test");
    await create.getByLabel("Name").fill("Clarity Person");
    await create.getByLabel("Role").selectOption("reviewer");
    await create.getByLabel(/Initial password/).fill("0123456789 once");
    await create.getByRole("button", { name: "Create user" }).click();
    await expect(create.getByRole("status")).toContainText("Created e2e-clarity@example.test");
    await admin.close();

    await page.goto("/login");
    const form = page.getByRole("form", { name: "Sign in" });
    await form.getByLabel("Email").fill("e2e-clarity@example.test");
    await form.getByLabel("Password").fill("0123456789 once");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/password/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
    await expect(page.locator("body").getByRole("link")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});
