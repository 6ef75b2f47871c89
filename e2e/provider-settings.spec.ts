import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { startMockLlm, type MockLlm } from "../lib/testing/mock-llm/server";

const KEY = "sk-e2e-Zq81xTOPSECRET42";

let mock: MockLlm;
test.beforeAll(async () => {
  mock = await startMockLlm();
});
test.afterAll(async () => {
  await mock.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("settings keep the API key on the server, test the connection, and a generate run uses them", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Provider settings" });
  await form.getByLabel("Base URL").fill(mock.url);
  await form.getByLabel("API key").fill(KEY);
  await form.getByLabel("Generation model").fill("mock-chat");
  await form.getByLabel("Embedding model").fill("mock-embed");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("api-key-status")).toContainText("sk-…ET42");

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("list", { name: "Models" })).toHaveText(/mock-chat\s*mock-embed/);

  for (const path of ["/settings", "/datasets", "/datasets/demo", "/datasets/demo/generate", "/datasets/demo/runs"]) {
    const html = await (await request.get(path)).text();
    expect(html, path).not.toContain(KEY);
    expect(html, path).not.toContain("TOPSECRET");
  }

  await page.goto("/datasets/demo/generate");
  const gen = page.getByRole("form", { name: "Start a generate run" });
  await expect(gen.getByLabel("Model")).toHaveValue("mock-chat");
  await gen.getByLabel("Samples (K)").fill("1");
  await gen.getByRole("checkbox", { name: "sw", exact: true }).check();
  const before = mock.counts.chat;
  await gen.getByRole("button", { name: "Start generate run" }).click();
  const run = page.getByRole("region", { name: "Generate and embed runs" }).locator("li").first();
  await expect(run.locator("[data-testid^=run-status-]")).toHaveText("succeeded", { timeout: 90_000 });
  await expect(run).toContainText("0 failed");
  // the demo already has imported sw samples, but none from mock-chat: one request per group
  expect(mock.counts.chat - before).toBe(48);
});

test("no client bundle carries the key or the server-side settings module", () => {
  const files = filesUnder(join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static")).filter((f) =>
    /\.(js|css|json|html)$/.test(f),
  );
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    expect(text, f).not.toContain(KEY);
    expect(text, f).not.toContain("provider.api_key");
  }
});
