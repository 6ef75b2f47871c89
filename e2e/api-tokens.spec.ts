import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { E2E_USERS, storageStateOf } from "./auth-users";

test.describe.configure({ timeout: 240_000 });

/** A client with no cookies at all: only the bearer token speaks for it. */
async function tokenClient(baseURL: string, token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
}

/** `npm run cli -- …` as a remote client of the test server (its own database settings point nowhere). */
async function remoteCli(baseURL: string, token: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    CM_SERVER_URL: baseURL,
    CM_API_TOKEN: token,
    DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
    CM_DATA_DIR: "/nonexistent",
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["lib/cli/main.ts", ...args], {
      env,
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test.describe("API tokens", () => {
  test.use({ storageState: storageStateOf("reviewer"), permissions: ["clipboard-read", "clipboard-write"] });

  test("a reviewer creates a token shown once, uses it on /api/v1 with their role, and revokes it", async ({ page, baseURL, browser }) => {
    await page.goto("/settings/tokens");
    const form = page.getByRole("form", { name: "Create API token" });
    await form.getByLabel("Name").fill("e2e laptop");
    await form.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByLabel("New API token");
    await expect(shown).toHaveValue(/^cmas_[A-Za-z0-9_-]{43}$/);
    const token = await shown.inputValue();
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    const api = await tokenClient(baseURL!, token);
    const me = await api.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: E2E_USERS.reviewer.email, role: "reviewer", via: "token" });
    const pairs = await api.get("/api/v1/datasets/demo/pairs?limit=3&status=proposed");
    expect(pairs.status()).toBe(200);
    const page1 = (await pairs.json()) as { data: { id: number }[]; nextCursor: string | null };
    expect(page1.data).toHaveLength(3);
    expect(page1.nextCursor).not.toBeNull();
    expect((await api.post("/api/v1/datasets/demo/runs", { data: {} })).status()).toBe(403);
    await api.dispose();

    const stats = await remoteCli(baseURL!, token, ["stats", "--dataset", "demo", "--json"]);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ dataset: "demo", groups: 48 });

    // After a reload the secret is gone; the list shows its prefix and that it was used.
    await page.reload();
    await expect(page.getByLabel("New API token")).toHaveCount(0);
    const own = page.getByRole("table", { name: "Your tokens" });
    const row = own.getByRole("row").filter({ hasText: "e2e laptop" });
    await expect(row).toContainText(`${token.slice(0, 13)}…`);
    await expect(row).not.toContainText("never");
    expect(await page.content()).not.toContain(token);

    // An admin sees it among other users' tokens.
    const adminContext = await browser.newContext({ storageState: storageStateOf("admin") });
    const adminPage = await adminContext.newPage();
    await adminPage.goto("/settings/tokens");
    await expect(
      adminPage.getByRole("table", { name: "Other users’ tokens" }).getByRole("row").filter({ hasText: "e2e laptop" }),
    ).toContainText(E2E_USERS.reviewer.email);
    await adminContext.close();

    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Revoke e2e laptop" }).click();
    await expect(row).toContainText("revoked");
    // A fresh client: an idle keep-alive connection of the first one may have been closed by the server.
    const later = await tokenClient(baseURL!, token);
    const after = await later.get("/api/v1/me");
    expect(after.status()).toBe(401);
    expect(await after.json()).toEqual({ error: "The API token is unknown or revoked." });
    await later.dispose();
    const refused = await remoteCli(baseURL!, token, ["stats", "--dataset", "demo"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refused the API token (401: The API token is unknown or revoked.); check CM_API_TOKEN");
  });

  test("anonymous and malformed credentials get 401 from /api/v1", async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const res = await anonymous.get("/api/v1/datasets");
    expect(res.status()).toBe(401);
    expect(res.headers()["www-authenticate"]).toBe('Bearer realm="cm-align"');
    expect((await anonymous.get("/api/v1/datasets", { headers: { authorization: "Token abc" } })).status()).toBe(401);
    await anonymous.dispose();
  });
});
