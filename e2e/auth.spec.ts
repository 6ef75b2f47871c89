import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { E2E_PASSWORD, E2E_USERS, storageStateOf } from "./auth-users";

type Detail = { pair: { id: number; version: number; status: string }; history: { action: string; author: string | null }[] };

test.describe.configure({ timeout: 120_000 });

// A dataset of this spec's own, so its decisions do not change what other specs count on `demo`.
const SLUG = "auth-e2e";
const JSONL = Array.from({ length: 6 }, (_, i) =>
  JSON.stringify({
    id: `a${i}`,
    gold: String(i + 10),
    prompts: { en: `What is ${i} + 10?`, de: `Was ist ${i} + 10?` },
    responses: {
      en: [`Answer: ${i + 10}`, `It is ${i + 10}.`, `Answer: ${i + 20}`],
      de: [`Antwort: ${i + 10}`, `Vielleicht ${i + 30}.`, `Es ist ${i + 10}.`],
    },
  }),
).join("\n");

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  const imported = await page.request.post(`/api/datasets/${SLUG}/imports?create=1&task=math&filename=auth.jsonl`, {
    headers: { "content-type": "application/octet-stream" },
    data: Buffer.from(JSONL),
  });
  expect(imported.status(), await imported.text()).toBe(200);
  await page.goto(`/datasets/${SLUG}/runs`);
  await page.getByRole("button", { name: "Start select run" }).click();
  await expect(page).toHaveURL(/\/runs\/\d+$/, { timeout: 30_000 });
  const runId = page.url().split("/").pop() ?? "";
  await expect(page.getByTestId(`run-status-${runId}`)).toHaveText("succeeded", { timeout: 90_000 });
  await admin.close();
});

/** Console messages about blocked resources (CSP violations show up as errors like these). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("pages redirect to sign-in; a wrong password is refused; the right one signs in; sign-out ends the session", async ({ page }) => {
    const csp = watchCsp(page);
    await page.goto("/datasets/demo/pairs?lang=de");
    await expect(page).toHaveURL(/\/login\?next=%2Fdatasets%2Fdemo%2Fpairs%3Flang%3Dde$/);
    const form = page.getByRole("form", { name: "Sign in" });
    await form.getByLabel("Email").fill(E2E_USERS.reviewer.email);
    await form.getByLabel("Password").fill("not the password");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(form.getByRole("alert")).toHaveText("Wrong email or password.");

    await form.getByLabel("Password").fill(E2E_PASSWORD);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/datasets\/demo\/pairs\?lang=de$/, { timeout: 30_000 });
    await expect(page.getByTestId("user-role")).toHaveText("reviewer");
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "better-auth.session_token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/, { timeout: 30_000 });
    await page.goto("/datasets");
    await expect(page).toHaveURL(/\/login\?next=%2Fdatasets$/);
    expect(csp).toEqual([]);
  });

  test("anonymous API calls get 401 (health and sign-in stay open); security headers are set", async ({ request }) => {
    expect((await request.get("/api/datasets/demo/pairs")).status()).toBe(401);
    expect((await request.get("/api/runs/1")).status()).toBe(401);
    expect((await request.post("/api/datasets/demo/imports?filename=a.jsonl", { data: "{}" })).status()).toBe(401);
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(health.headers()["x-content-type-options"]).toBe("nosniff");
    const login = await request.get("/login");
    expect(login.status()).toBe(200);
    const h = login.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("reviews a pair; the decision is stored under the reviewer's name", async ({ page }) => {
    const csp = watchCsp(page);
    await page.goto(`/datasets/${SLUG}/review?lang=de&status=proposed&origin=auto`);
    await expect(page.locator("[data-keys-ready=true]")).toHaveCount(1);
    const card = page.getByTestId("pair-card");
    const id = Number(await card.getAttribute("data-pair-id"));
    await page.keyboard.press("a");
    await expect(card).not.toHaveAttribute("data-pair-id", String(id));
    const detail = (await (await page.request.get(`/api/datasets/${SLUG}/pairs/${id}`)).json()) as Detail;
    expect(detail.history).toEqual([expect.objectContaining({ action: "accept", author: E2E_USERS.reviewer.name })]);
    expect(detail.pair.status).toBe("accepted");
    // Reviewers do not manage: no run form, no users page, no settings link.
    await page.goto(`/datasets/${SLUG}/runs`);
    await expect(page.getByRole("heading", { name: "New select run" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    expect(csp).toEqual([]);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees data but no mutation controls anywhere", async ({ page }) => {
    const csp = watchCsp(page);
    await page.goto("/datasets");
    await expect(page.getByTestId("dataset-demo")).toBeVisible();
    await expect(page.getByRole("link", { name: "New dataset" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);

    await page.goto("/datasets/demo/review?lang=de");
    await expect(page.getByTestId("review-read-only")).toBeVisible();
    await expect(page.getByTestId("pair-card")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit guidelines" })).toHaveCount(0);

    await page.goto("/datasets/demo/pairs");
    await expect(page.getByTestId("pairs-total")).toBeVisible();
    await expect(page.getByRole("region", { name: "Bulk actions" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Accept all|Reset to auto/ })).toHaveCount(0);

    await page.goto("/datasets/demo/runs");
    await expect(page.getByRole("heading", { name: "Runs" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "New select run" })).toHaveCount(0);
    await page.goto("/datasets/demo/generate");
    await expect(page.getByRole("heading", { name: "Generate responses" })).toHaveCount(0);
    await page.goto("/datasets/demo/exports");
    await expect(page.getByRole("heading", { name: "Past exports" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "New export" })).toHaveCount(0);
    await page.goto("/datasets/demo/import");
    await expect(page.getByText("Only admins add data.")).toBeVisible();
    await page.goto("/settings");
    await expect(page.getByText("Only admins change the provider settings.")).toBeVisible();

    await page.goto("/datasets/demo");
    await page.getByRole("region", { name: "Prompt groups" }).getByRole("link").first().click();
    await expect(page.getByRole("region", { name: "Reference" })).toBeVisible();
    await expect(page.getByRole("button", { name: /the reference|Undo this correction|Edit/ })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Edit the reference" })).toHaveCount(0);
    expect(csp).toEqual([]);
  });

  test("a server action call replayed with the viewer's cookie is refused and changes nothing", async ({ browser, baseURL }) => {
    // Capture a real decide request made by the reviewer's browser.
    const reviewer = await browser.newContext({ storageState: storageStateOf("reviewer") });
    const page = await reviewer.newPage();
    await page.goto(`/datasets/${SLUG}/review?lang=de&status=proposed&origin=auto`);
    await expect(page.locator("[data-keys-ready=true]")).toHaveCount(1);
    const card = page.getByTestId("pair-card");
    const id = Number(await card.getAttribute("data-pair-id"));
    const captured = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
    await page.keyboard.press("r");
    const action = await captured;
    const headers = await action.allHeaders();
    await expect(card).not.toHaveAttribute("data-pair-id", String(id));
    // Undo it so the forged call would be a fresh, valid decision if it got through.
    await page.keyboard.press("u");
    await expect(page.getByTestId("pair-origin")).toHaveText("auto");
    const before = (await (await page.request.get(`/api/datasets/${SLUG}/pairs/${id}`)).json()) as Detail;
    await reviewer.close();

    const body = (action.postData() ?? "").replace(/"expectedVersion":\d+/, `"expectedVersion":${before.pair.version}`);
    const viewer = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("viewer") });
    const forged = await viewer.post(action.url(), {
      headers: {
        "next-action": headers["next-action"] ?? "",
        "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: baseURL ?? "",
      },
      data: body,
    });
    expect(forged.status()).toBe(200);
    expect(await forged.text()).toContain("Your role (viewer) does not allow review.");
    const after = (await (await viewer.get(`/api/datasets/${SLUG}/pairs/${id}`)).json()) as Detail;
    expect(after.history).toEqual(before.history);
    expect(after.pair.version).toBe(before.pair.version);
    await viewer.dispose();
  });
});

test.describe("as an admin", () => {
  test("creates a viewer on the Users page", async ({ page }) => {
    const csp = watchCsp(page);
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("Email").fill("e2e-new@example.test");
    await form.getByLabel("Name").fill("New Person");
    await form.getByLabel("Role").selectOption("viewer");
    await form.getByLabel(/Initial password/).fill("0123456789 new");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toContainText("Created e2e-new@example.test");
    await expect(page.getByTestId("user-e2e-new@example.test")).toContainText("New Person");
    await expect(page.getByLabel("Role of e2e-new@example.test")).toHaveValue("viewer");
    expect(csp).toEqual([]);
  });
});
