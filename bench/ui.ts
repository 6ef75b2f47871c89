// `npm run bench -- ui [--rounds N] [--port P]`: how long a reviewer waits for a page. Starts the built
// app (`npm run build` first) as `npm start` does, on a fresh embedded database in a temp dir with
// the demo dataset (size = its 48 prompt groups; --rounds sets the samples per page), signs an admin in, then in Chromium (/usr/bin/chromium):
//  - direct loads: `page.goto` of each main page until its content is shown;
//  - in-app clicks: a tour through the same pages by clicking their links (dataset tabs, a group on
//    the overview, a run on the runs list), each timed inside the page from the click event until the
//    new page's content is shown (the URL is the target and no loading skeleton is left), and until
//    the first answer (skeleton or page). Clicks come as soon as the page before is shown, while its
//    link prefetches may still run: what a quick reviewer meets.
// `slowdown` = in-app click p95 ÷ direct load p95 over all pages, measured in the same run.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { chromium, type Page } from "@playwright/test";
import { createUser } from "@/lib/auth/accounts";
import { embeddedUrl, readEmbeddedSecret } from "@/lib/db/embedded";
import { readLock } from "@/lib/db/embedded-lock";
import { DEMO_OPTIONS } from "@/lib/demo";
import playwrightConfig from "../playwright.config";
import { log } from "./bench-db";

const EMAIL = "bench-ui@example.test";
const PASSWORD = "bench ui password 0123";
const SLUG = "demo";
const GOAL_MS = 1000;
/** The demo dataset the server seeds (lib/demo DEMO_OPTIONS.groups). */
const DEMO_GROUPS = DEMO_OPTIONS.groups;
/** What the app's loading.tsx skeletons carry while a page streams in. */
const LOADING = '[data-loading="page"]';

type Target = { name: string; path: string; link: string };
type Stats = { p50: number; p95: number; max: number; n: number };

function summarise(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
  const r = (x: number) => Math.round(x);
  return { p50: r(at(0.5)), p95: r(at(0.95)), max: r(s.at(-1) ?? 0), n: s.length };
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!(Number.isInteger(value) && value > 0)) throw new Error(`${name} takes a positive integer`);
  return value;
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before answering`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base}/api/health did not answer within 5 minutes`);
}

/** The demo's first prompt group and latest run, read straight from the embedded database. */
async function setUpDatabase(dataDir: string): Promise<{ groupId: number; runId: number }> {
  const lock = readLock(dataDir);
  if (!lock?.port) throw new Error(`no embedded database is served from ${dataDir}`);
  const pool = new pg.Pool({ connectionString: embeddedUrl(lock.port, readEmbeddedSecret(dataDir)), max: 1 });
  try {
    await createUser({ pool }, { email: EMAIL, name: "Bench UI", role: "admin", password: PASSWORD });
    const ids = await pool.query<{ group_id: number; run_id: number }>(
      `SELECT (SELECT min(g.id) FROM prompt_groups g WHERE g.dataset_id = d.id) AS group_id,
              (SELECT max(r.id) FROM pipeline_runs r WHERE r.dataset_id = d.id) AS run_id
       FROM datasets d WHERE d.slug = $1`,
      [SLUG],
    );
    const row = ids.rows[0];
    if (!row?.group_id || !row.run_id) throw new Error("the demo dataset has no group or no run");
    return { groupId: row.group_id, runId: row.run_id };
  } finally {
    await pool.end();
  }
}

/** Resolves once the page shows `path` with its content: the URL is the target and no skeleton is left. */
async function shown(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    ([target, loading]) => location.pathname === target && document.querySelector("main") !== null && !document.querySelector(loading!),
    [path, LOADING] as const,
    { polling: "raf", timeout: 60_000 },
  );
}

/**
 * Clicks `link` and returns, measured inside the page from the click event (so Playwright's own
 * scrolling and waiting for the link do not count): when the page first answered (the skeleton or the
 * new page is on screen) and when the new page's content is shown.
 */
async function clickThrough(page: Page, link: string, path: string): Promise<{ feedback: number; content: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { clickedAt?: number };
    w.clickedAt = undefined;
    document.addEventListener("click", () => (w.clickedAt = performance.now()), { capture: true, once: true });
  });
  await page.locator(link).first().click();
  const feedback = await page.waitForFunction(
    ([target, loading]) => {
      const at = (window as unknown as { clickedAt?: number }).clickedAt;
      return at !== undefined && (location.pathname === target || document.querySelector(loading!) !== null) && performance.now() - at;
    },
    [path, LOADING] as const,
    { polling: "raf", timeout: 60_000 },
  );
  const content = await page.waitForFunction(
    ([target, loading]) =>
      location.pathname === target &&
      !document.querySelector(loading!) &&
      performance.now() - (window as unknown as { clickedAt: number }).clickedAt,
    [path, LOADING] as const,
    { polling: "raf", timeout: 60_000 },
  );
  return { feedback: (await feedback.jsonValue()) as number, content: (await content.jsonValue()) as number };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

export async function run({ size, args }: { size?: number; args: string[] }): Promise<Record<string, unknown>> {
  if (size !== undefined && size !== DEMO_GROUPS) {
    process.stderr.write(`the ui bench runs on the demo dataset only (--size ${DEMO_GROUPS}); use --rounds N for more samples\n`);
    process.exit(2);
  }
  const rounds = option(args, "--rounds", 5);
  const port = option(args, "--port", 3390);
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(join(distDir, "BUILD_ID"))) {
    process.stderr.write(`No production build in ${distDir}: run \`npm run build\` first.\n`);
    process.exit(2);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "cm-bench-ui-"));
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: "", CM_DATA_DIR: dataDir, CM_SEED_DEMO: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let serverLog = "";
  server.stderr!.on("data", (chunk: Buffer) => (serverLog = (serverLog + chunk.toString()).slice(-4000)));
  // The e2e suite's Chromium (/usr/bin/chromium or CHROMIUM_PATH) and flags.
  const browser = await chromium.launch(playwrightConfig.projects?.[0]?.use?.launchOptions);
  try {
    const started = performance.now();
    await waitForHealth(base, server);
    log(`server up with the demo in ${((performance.now() - started) / 1000).toFixed(1)} s (embedded database in ${dataDir})`);
    const { groupId, runId } = await setUpDatabase(dataDir);
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const signIn = await context.request.post("/api/auth/sign-in/email", {
      data: { email: EMAIL, password: PASSWORD },
      headers: { origin: base },
    });
    if (!signIn.ok()) throw new Error(`signing in failed: ${signIn.status()} ${await signIn.text()}`);
    const page = await context.newPage();
    let rscRequests = 0;
    page.on("request", (r) => {
      if (r.headers()["rsc"] === "1") rscRequests++;
    });

    const d = `/datasets/${SLUG}`;
    const tab = (path: string) => `nav[aria-label="Dataset"] a[href="${d}${path}"]`;
    // The tour: each target is reached by clicking `link` on the page before it.
    const tour: Target[] = [
      { name: "group", path: `${d}/groups/${groupId}`, link: `main a[href="${d}/groups/${groupId}"]` },
      { name: "pairs", path: `${d}/pairs`, link: tab("/pairs") },
      { name: "review", path: `${d}/review`, link: tab("/review") },
      { name: "runs", path: `${d}/runs`, link: tab("/runs") },
      { name: "run", path: `${d}/runs/${runId}`, link: `main a[href="${d}/runs/${runId}"]` },
      { name: "exports", path: `${d}/exports`, link: tab("/exports") },
      { name: "import", path: `${d}/import`, link: tab("/import") },
      { name: "generate", path: `${d}/generate`, link: tab("/generate") },
      { name: "overview", path: d, link: tab("") },
    ];

    // Warm-up: one direct load of each page, so neither side pays for the server's first render.
    for (const t of tour) {
      await page.goto(t.path);
      await shown(page, t.path);
    }

    const direct = new Map<string, number[]>(tour.map((t) => [t.name, []]));
    const clicks = new Map<string, number[]>(tour.map((t) => [t.name, []]));
    const feedbacks: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const t of tour) {
        direct.get(t.name)!.push(
          await timed(async () => {
            await page.goto(t.path, { waitUntil: "commit" });
            await shown(page, t.path);
          }),
        );
      }
      await page.goto(d);
      await shown(page, d);
      for (const t of tour) {
        const { feedback, content } = await clickThrough(page, t.link, t.path);
        clicks.get(t.name)!.push(content);
        feedbacks.push(feedback);
      }
    }
    // Requests the overview sends by itself within two seconds of a direct load (prefetches).
    const settle = rscRequests;
    await page.goto(d);
    await shown(page, d);
    await page.waitForLoadState("networkidle");
    const overviewIdleRequests = rscRequests - settle;

    const all = (m: Map<string, number[]>) => summarise([...m.values()].flat());
    log(`page        direct p50 / p95 ms    click p50 / p95 ms`);
    const perPage: Record<string, { direct: Stats; click: Stats }> = {};
    for (const t of tour) {
      const dir = summarise(direct.get(t.name)!);
      const clk = summarise(clicks.get(t.name)!);
      perPage[t.name] = { direct: dir, click: clk };
      log(
        `${t.name.padEnd(10)}  ${`${dir.p50} / ${dir.p95}`.padEnd(21)}  ${clk.p50} / ${clk.p95}${clk.p95 > GOAL_MS ? "  (over 1 s)" : ""}`,
      );
    }
    const directAll = all(direct);
    const clickAll = all(clicks);
    const load = loadavg().map((x) => x.toFixed(1));
    log(
      `all pages, ${rounds} rounds: direct p50 ${directAll.p50} ms, p95 ${directAll.p95} ms; click p50 ${clickAll.p50} ms, p95 ${clickAll.p95} ms, max ${clickAll.max} ms (goal p95 ≤ ${GOAL_MS})`,
    );
    const feedback = summarise(feedbacks);
    log(`click → first answer on screen (skeleton or page): p50 ${feedback.p50} ms, p95 ${feedback.p95} ms`);
    log(`RSC requests sent while the overview loads and idles: ${overviewIdleRequests}; load average ${load.join(" ")}`);
    return {
      size: DEMO_GROUPS,
      slowdown: Number((clickAll.p95 / directAll.p95).toFixed(2)),
      click_p50_ms: clickAll.p50,
      click_p95_ms: clickAll.p95,
      click_max_ms: clickAll.max,
      direct_p50_ms: directAll.p50,
      direct_p95_ms: directAll.p95,
      worst_click_p95_ms: Math.max(...Object.values(perPage).map((p) => p.click.p95)),
      overview_rsc_requests: overviewIdleRequests,
      feedback_p50_ms: feedback.p50,
      feedback_p95_ms: feedback.p95,
      rounds,
      load_average: Number(load[0]),
      pages: perPage,
    };
  } catch (error) {
    process.stderr.write(`server log (tail):\n${serverLog}\n`);
    throw error;
  } finally {
    await browser.close();
    if (server.pid && server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
