import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createApiUsers, restrictDataset, type ApiUsers } from "@/lib/testing/api-v1";
import { runCli } from "@/lib/cli/main";
import { startWorker } from "@/lib/worker/start-worker";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { serveApiV1 } from "@/lib/testing/remote-test-server";

const run = promisify(execFile);
/** Tests that start the CLI as a child process: tsx compiles it first, slow on a busy machine. */
const SPAWNED_TIMEOUT = 240_000;

let t: TestDatabase;
let users: ApiUsers;
let work: string;
let server: { url: string; close(): Promise<void> };
let stopWorker: () => Promise<void>;
let revoked: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "cm-cli-remote-"));
  process.env.CM_EXPORT_DIR = path.join(work, "snapshots");
  t = await createTestDatabase();
  users = await createApiUsers(t.db);
  await seedPairsFixture(t.db, "remote", 12);
  const hidden = await seedPairsFixture(t.db, "hidden", 3);
  await restrictDataset(t.db, hidden.datasetId, [users.admin.id]);
  const made = await createApiToken(t.db, users.admin.id, "to revoke");
  await revokeApiToken(t.db, made.view.id, { userId: users.admin.id });
  revoked = made.token;
  server = await serveApiV1();
  stopWorker = await startWorker(t.db, () => {});
}, 240_000);

afterAll(async () => {
  await server?.close();
  await stopWorker?.();
  await t.drop();
  await rm(work, { recursive: true, force: true });
});

/**
 * The CLI as a separate process that knows only the server's URL and a token: its DATABASE_URL
 * points nowhere and its data dir does not exist, so any local database access would fail.
 */
async function remoteCli(args: string[], token: string | null): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? work,
    CM_SERVER_URL: server.url,
    DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
    CM_DATA_DIR: path.join(work, "no-data-here"),
  };
  if (token !== null) env.CM_API_TOKEN = token;
  try {
    const { stdout, stderr } = await run(path.resolve("node_modules/.bin/tsx"), ["lib/cli/main.ts", ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The CLI in this process (faster than a child); with a token, as a remote client of the test server. */
async function cliHere(args: string[], remote?: { token: string | null }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  if (remote) {
    process.env.CM_SERVER_URL = server.url;
    if (remote.token === null) delete process.env.CM_API_TOKEN;
    else process.env.CM_API_TOKEN = remote.token;
  }
  try {
    return { code: await runCli(args), stdout, stderr };
  } finally {
    delete process.env.CM_SERVER_URL;
    delete process.env.CM_API_TOKEN;
    out.mockRestore();
    err.mockRestore();
  }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("remote CLI (CM_SERVER_URL + CM_API_TOKEN)", () => {
  it(
    "stats: prints the same summary as the local command",
    async () => {
      const remote = await remoteCli(["stats", "--dataset", "remote", "--json"], users.viewer.token);
      expect(remote.code, remote.stderr).toBe(0);
      const local = await cliHere(["stats", "--dataset", "remote", "--json"]);
      expect(local.code).toBe(0);
      expect(JSON.parse(remote.stdout)).toEqual(JSON.parse(local.stdout));
      expect(JSON.parse(remote.stdout)).toMatchObject({ dataset: "remote", groups: 12 });
    },
    SPAWNED_TIMEOUT,
  );

  it(
    "select: the server's worker runs it; the CLI follows it and prints the run's summary",
    async () => {
      const r = await remoteCli(["select", "--dataset", "remote", "--scorer", "lexical", "--margin", "0.01", "--json"], users.admin.token);
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout) as { runId: number; status: string; groups: number; error: string | null };
      expect(summary).toMatchObject({ status: "succeeded", groups: 12, error: null });
      const stored = await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: summary.runId } });
      expect(stored).toMatchObject({ status: "succeeded", createdById: users.admin.id, kind: "select" });
      expect(stored.config).toMatchObject({ scorer: "lexical", margin: 0.01 });
    },
    SPAWNED_TIMEOUT,
  );

  it("select --enqueue: queues and returns at once", async () => {
    const r = await cliHere(["select", "--dataset", "remote", "--enqueue", "--json"], { token: users.admin.token });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ groups: 12, status: "queued" });
  });

  it(
    "export: waits for the server's snapshot and downloads exactly its bytes, to a file or a directory",
    async () => {
      const out = path.join(work, "remote.jsonl");
      const file = await remoteCli(
        ["export", "--dataset", "remote", "--format", "trl", "--out", out, "--langs", "de,zh", "--json"],
        users.reviewer.token,
      );
      expect(file.code, file.stderr).toBe(0);
      const summary = JSON.parse(file.stdout) as {
        exportId: number;
        layout: string;
        pairs: number;
        files: { path: string; sha256: string; rows: number }[];
      };
      expect(summary.layout).toBe("file");
      expect(summary.files).toHaveLength(1);
      const bytes = await readFile(out);
      expect(sha256(bytes)).toBe(summary.files[0]!.sha256);
      expect(bytes.toString("utf8").trim().split("\n")).toHaveLength(summary.pairs);
      expect((await t.db.prisma.export.findUniqueOrThrow({ where: { id: summary.exportId } })).createdById).toBe(users.reviewer.id);

      const dir = path.join(work, "split");
      const split = await remoteCli(
        ["export", "--dataset", "remote", "--format", "llama-factory", "--out", dir, "--test-split", "0.25", "--seed", "2", "--json"],
        users.reviewer.token,
      );
      expect(split.code, split.stderr).toBe(0);
      const manifest = JSON.parse(split.stdout) as { layout: string; files: { path: string; sha256: string }[] };
      expect(manifest.layout).toBe("directory");
      expect((await readdir(dir)).sort()).toEqual(manifest.files.map((f) => f.path).sort());
      for (const f of manifest.files) expect(sha256(await readFile(path.join(dir, f.path)))).toBe(f.sha256);
      expect((await readdir(dir)).some((name) => name.endsWith(".partial"))).toBe(false);
    },
    SPAWNED_TIMEOUT,
  );

  it("refuses what the token's role may not do, with a clear message and exit 1", async () => {
    const select = await cliHere(["select", "--dataset", "remote"], { token: users.reviewer.token });
    expect(select.code).toBe(1);
    expect(select.stderr).toContain("error: not allowed (403): Your role (reviewer) does not allow manage.");
    const out = path.join(work, "viewer.jsonl");
    const exp = await cliHere(["export", "--dataset", "remote", "--format", "trl", "--out", out], { token: users.viewer.token });
    expect(exp.code).toBe(1);
    expect(exp.stderr).toContain("error: not allowed (403): Your role (viewer) does not allow export.");
    expect(await stat(out).catch(() => null)).toBeNull();
  });

  it("a revoked, a wrong or a missing token gives exit 1 and says what to fix", async () => {
    for (const token of [revoked, `cmas_${"x".repeat(43)}`]) {
      const r = await cliHere(["stats", "--dataset", "remote"], { token });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `error: ${server.url} refused the API token (401: The API token is unknown or revoked.); check CM_API_TOKEN`,
      );
    }
    const missing = await cliHere(["stats", "--dataset", "remote"], { token: null });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error: CM_SERVER_URL is set but CM_API_TOKEN is not");
  });

  it("a restricted dataset is unknown to non-members; a missing one likewise", async () => {
    for (const [slug, token] of [
      ["hidden", users.reviewer.token],
      ["nope", users.admin.token],
    ] as const) {
      const r = await cliHere(["stats", "--dataset", slug], { token });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("error: No such dataset. (HTTP 404)");
    }
    expect((await cliHere(["stats", "--dataset", "hidden", "--json"], { token: users.admin.token })).code).toBe(0);
  });

  it(
    "commands that only work locally are a usage error (exit 2) while CM_SERVER_URL is set",
    async () => {
      const r = await remoteCli(["embed", "--dataset", "remote"], users.admin.token);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("embed works on the local database only; unset CM_SERVER_URL to run it (remote: stats, export, select)");
    },
    SPAWNED_TIMEOUT,
  );
});
