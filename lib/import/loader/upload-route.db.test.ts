import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as rejectsRoute from "@/app/api/datasets/[slug]/imports/[id]/rejects/route";
import * as importsRoute from "@/app/api/datasets/[slug]/imports/route";
import { createUser } from "@/lib/auth/accounts";
import { AUTH_ORIGIN, authTestDatabase, postAuth, sessionCookie } from "@/lib/testing/auth";
import { uploadRejectsDir, uploadRejectsPath, uploadSpoolDir } from "./upload-rejects";
import { writtenFor } from "@/lib/testing/import-written";

// POST /api/datasets/{slug}/imports as the browser sends it: an admin's session cookie, the raw file
// as the body, streamed.
const t = authTestDatabase();
let cookie = "";
let dataDir = "";

const record = (id: string) =>
  JSON.stringify({ id, prompts: { en: `What is ${id}?` }, responses: { en: [`It is ${id}.`, `Maybe not ${id}.`] } });
const file = (ids: string[]) => ids.map(record).join("\n") + "\n";

/** `stallAfterFirst`: after the first chunk, `reached` resolves and the body waits for `release`. */
type Body = { chunks: (string | Uint8Array)[]; failAfter?: Error; stallAfterFirst?: { reached: () => void; release: Promise<void> } };

function streamOf({ chunks, failAfter, stallAfterFirst }: Body): ReadableStream<Uint8Array> {
  const queue = chunks.map((c) => (typeof c === "string" ? new TextEncoder().encode(c) : c));
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      if (stallAfterFirst && sent++ === 1) {
        stallAfterFirst.reached();
        await stallAfterFirst.release;
      }
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else if (failAfter) controller.error(failAfter);
      else controller.close();
    },
  });
}

async function upload(slug: string, query: Record<string, string>, body: Body, contentLength?: number) {
  const q = new URLSearchParams({ filename: "upload.jsonl", ...query });
  const headers: Record<string, string> = { cookie, origin: AUTH_ORIGIN, "content-type": "application/octet-stream" };
  if (contentLength !== undefined) headers["content-length"] = String(contentLength);
  const res = await importsRoute.POST(
    new Request(`${AUTH_ORIGIN}/api/datasets/${slug}/imports?${q}`, {
      method: "POST",
      headers,
      body: streamOf(body),
      duplex: "half",
    } as RequestInit),
    { params: Promise.resolve({ slug }) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const written = (slug: string) => writtenFor(t.db, slug);

async function lastImport(slug: string) {
  const { rows } = await t.db.pool.query<{ status: string; errors: { message: string } | null }>(
    `SELECT status::text AS status, errors FROM imports WHERE dataset_slug = $1 ORDER BY id DESC LIMIT 1`,
    [slug],
  );
  return rows[0];
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "cm-upload-route-"));
  process.env.CM_DATA_DIR = dataDir;
  await createUser(t.db, { email: "admin@upload.example", name: "admin", role: "admin", password: "a long enough password" });
  cookie = sessionCookie(
    await postAuth("/sign-in/email", { email: "admin@upload.example", password: "a long enough password" }, "10.9.0.1"),
  );
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("POST /api/datasets/{slug}/imports: a body that does not arrive whole imports nothing", () => {
  const create = { create: "1", task: "general" };

  it("imports a whole body (the control)", async () => {
    const body = file(["a1", "a2", "a3"]);
    const res = await upload("whole", create, { chunks: [body.slice(0, 50), body.slice(50)] }, Buffer.byteLength(body));
    expect(res).toMatchObject({ status: 200, body: { records: 3, groupsAdded: 3, responsesAdded: 6, invalid: 0 } });
    expect(await written("whole")).toEqual({ datasets: 1, groups: 3, responses: 6 });
  });

  it("answers 400, not 500, for an import id no integer column can hold", async () => {
    const body = file(["i1"]);
    const res = await upload("huge-id", { ...create, import: "2147483648" }, { chunks: [body] }, Buffer.byteLength(body));
    expect(res.status).toBe(400);
    expect(await written("huge-id")).toEqual({ datasets: 0, groups: 0, responses: 0 });
  });

  it("refuses a body that ends, between records, before its Content-Length", async () => {
    const body = file(["b1", "b2", "b3"]);
    const res = await upload("cut", create, { chunks: [body] }, Buffer.byteLength(body) + 1000);
    expect(res.status).toBe(400);
    const n = Buffer.byteLength(body);
    expect(res.body.error).toBe(
      `the upload ended after ${n} of the ${(n + 1000).toLocaleString("en")} bytes it announced (Content-Length); nothing was imported`,
    );
    expect(await written("cut")).toEqual({ datasets: 0, groups: 0, responses: 0 });
    expect(await lastImport("cut")).toMatchObject({ status: "failed", errors: { message: res.body.error } });
  });

  it("refuses a body cut inside a record even with skipInvalid, where the cut line would be a reject", async () => {
    const body = file(["c1", "c2", "c3"]);
    const cut = body.slice(0, body.length - 20);
    const res = await upload("cut-skip", { ...create, skipInvalid: "1" }, { chunks: [cut] }, Buffer.byteLength(body));
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(`the upload ended after ${Buffer.byteLength(cut)} of the ${Buffer.byteLength(body)} bytes`);
    expect(await written("cut-skip")).toEqual({ datasets: 0, groups: 0, responses: 0 });
  });

  it("refuses a body that breaks off (the client went away), with or without a Content-Length", async () => {
    const body = file(["d1", "d2"]);
    for (const length of [Buffer.byteLength(body) * 2, undefined]) {
      const res = await upload("broken", { ...create, skipInvalid: "1" }, { chunks: [body], failAfter: new Error("aborted") }, length);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe(`the upload broke off after ${Buffer.byteLength(body)} bytes (aborted); nothing was imported`);
      expect(await written("broken")).toEqual({ datasets: 0, groups: 0, responses: 0 });
    }
  });

  it("without a Content-Length, holds the body to the file size the form announced (size=)", async () => {
    const body = file(["e1", "e2"]);
    const res = await upload("short-size", { ...create, size: String(Buffer.byteLength(body) + 1) }, { chunks: [body] });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain("the upload ended after");
    expect(await written("short-size")).toEqual({ datasets: 0, groups: 0, responses: 0 });
  });
});

describe("POST /api/datasets/{slug}/imports: an upload with no records", () => {
  it("is refused and creates nothing: no dataset row, not even an empty one", async () => {
    const res = await upload("empty", { create: "1", task: "general" }, { chunks: ["\n\n"] }, 2);
    expect(res).toEqual({ status: 400, body: { error: "The file holds no records; nothing was imported." } });
    expect(await written("empty")).toEqual({ datasets: 0, groups: 0, responses: 0 });
    expect(await lastImport("empty")).toMatchObject({
      status: "failed",
      errors: { message: "The file holds no records; nothing was imported." },
    });
  });

  it("is refused when every record is invalid, skipInvalid or not", async () => {
    const body = '{"id": "x1"}\nnot json\n';
    for (const skipInvalid of ["0", "1"]) {
      const res = await upload("all-invalid", { create: "1", task: "general", skipInvalid }, { chunks: [body] }, Buffer.byteLength(body));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(
        skipInvalid === "1" ? /^No valid records \(2 invalid\); nothing was imported\.$/ : /^2 invalid records; nothing was imported\./,
      );
      expect(await written("all-invalid")).toEqual({ datasets: 0, groups: 0, responses: 0 });
    }
  });
});

describe("the rejects of an upload imported with skipInvalid", () => {
  const download = (slug: string, id: number) =>
    rejectsRoute.GET(new Request(`${AUTH_ORIGIN}/api/datasets/${slug}/imports/${id}/rejects`, { headers: { cookie } }), {
      params: Promise.resolve({ slug, id: String(id) }),
    });
  const mixed = `${record("r1")}\nnot json\n{"id": "r3"}\n`;

  it("are offered for download from the app (not left as a server path), and only while kept", async () => {
    const res = await upload("rejects", { create: "1", task: "general", skipInvalid: "1" }, { chunks: [mixed] }, Buffer.byteLength(mixed));
    expect(res).toMatchObject({ status: 200, body: { records: 1, invalid: 2, groupsAdded: 1 } });
    const id = res.body.importId as number;
    expect(res.body.rejectsFile).toBe(`/api/datasets/rejects/imports/${id}/rejects`);
    const got = await download("rejects", id);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="rejects-import-${id}-rejects.jsonl"`);
    const lines = (await got.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { line: number; raw: unknown });
    expect(lines.map((l) => [l.line, l.raw])).toEqual([
      [2, "not json"],
      [3, '{"id": "r3"}'],
    ]);
    // Another dataset's slug does not reach it.
    expect((await download("whole", id)).status).toBe(404);

    // Past CM_REJECTS_KEEP_HOURS (24 h by default) it is gone, and the next upload sweeps it away.
    const old = new Date(Date.now() - 25 * 3_600_000);
    await utimes(uploadRejectsPath(id), old, old);
    const expired = await download("rejects", id);
    expect(expired.status).toBe(404);
    expect(await expired.json()).toEqual({
      error: `Import #${id} has no rejected records on the server (none were written, or they expired).`,
    });
    const stray = join(uploadRejectsDir(), "rejects-1764000000000.jsonl");
    await writeFile(stray, "{}\n");
    await utimes(stray, old, old);
    const next = await upload("rejects", { skipInvalid: "1" }, { chunks: [mixed.replace("r1", "r4")] });
    expect(next).toMatchObject({ status: 200, body: { groupsAdded: 1, invalid: 2 } });
    expect([existsSync(uploadRejectsPath(id)), existsSync(stray), existsSync(uploadRejectsPath(next.body.importId as number))]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("are not kept when there are none", async () => {
    const body = file(["n1"]);
    const res = await upload("rejects", { skipInvalid: "1" }, { chunks: [body] });
    expect(res).toMatchObject({ status: 200, body: { invalid: 0, rejectsFile: null } });
    expect(existsSync(uploadRejectsPath(res.body.importId as number))).toBe(false);
    expect((await download("rejects", res.body.importId as number)).status).toBe(404);
  });
});

describe("while an upload is still arriving", () => {
  it("the database keeps answering others (on PGlite the upload is spooled to disk outside any transaction), and the spool is removed", async () => {
    const body = file(["s1", "s2", "s3"]);
    let reached!: () => void;
    const stalled = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const stall = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
    const pending = upload(
      "slow",
      { create: "1", task: "general" },
      { chunks: [body.slice(0, 40), body.slice(40)], stallAfterFirst: stall },
      Buffer.byteLength(body),
    );
    await stalled;
    // The client has sent 40 bytes and waits: another connection still gets an answer.
    const { rows } = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM datasets WHERE slug = 'slow'`);
    expect(rows).toEqual([{ n: 0 }]);
    release();
    expect(await pending).toMatchObject({ status: 200, body: { groupsAdded: 3 } });
    expect(await readdir(uploadSpoolDir()).catch(() => [])).toEqual([]);
  });
});
