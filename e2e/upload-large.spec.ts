import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { constants, createGzip } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./auth-users";

// Uploads far past the 10 MB Next buffers for requests its proxy sees, through the real server and
// the upload form. The files are generated into a temporary directory, never committed.
const MB = 2 ** 20;
let dir = "";

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cm-e2e-upload-"));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(out: Writable, text: string | Uint8Array): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once("drain", resolve));
}

/** Valid, distinct nested records (repetitive text: cheap to search-index) until the file passes `bytes`. */
async function jsonlFile(name: string, bytes: number): Promise<{ path: string; records: number; responses: number }> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const filler = "The quick brown fox jumps over the lazy dog while the answer stays the same. ".repeat(40);
  let size = 0;
  let records = 0;
  while (size < bytes) {
    const id = `big${records}`;
    const line = `${JSON.stringify({ id, prompts: { en: `Question ${id}?`, de: `Frage ${id}?` }, responses: { en: [`${id} a: ${filler}`, `${id} b: ${filler}`], de: [`${id} c: ${filler}`, `${id} d: ${filler}`] } })}\n`;
    await write(out, line);
    size += Buffer.byteLength(line);
    records++;
  }
  out.end();
  await finished(out);
  return { path, records, responses: records * 4 };
}

/**
 * A real gzip (Huffman-coded) of at least `bytes`, cheap to make and to import: between groups of
 * valid records, blank lines of random spaces, tabs and CRs, which the importer skips but gzip can
 * only shrink about 4:1 (so ≈ 1.2 GB unpacked, within CM_UPLOAD_LIMIT_MB). A body cut anywhere
 * loses records, so the counts prove it arrived whole.
 */
async function gzipFile(name: string, bytes: number): Promise<{ path: string; records: number; responses: number }> {
  const path = join(dir, name);
  const LINE = 64 * 1024;
  const blanks = [0x20, 0x09, 0x0d];
  const padding = randomBytes(4 * MB).map((b) => blanks[b % 3]!);
  for (let i = 0; i < padding.length; i += LINE) {
    padding[i] = 0x20;
    padding[i + LINE - 1] = 0x0a;
  }
  const gzip = createGzip({ level: 1, strategy: constants.Z_HUFFMAN_ONLY });
  const out = createWriteStream(path);
  gzip.pipe(out);
  let records = 0;
  // What is on disk lags what went in by the streams' buffers; the size is checked once closed.
  while (out.bytesWritten < bytes + MB) {
    await write(gzip, padding);
    for (let i = 0; i < 10; i++, records++) {
      const id = `gz${records}`;
      await write(
        gzip,
        `${JSON.stringify({ id, prompts: { en: `Question ${id}?` }, responses: { en: [`Answer ${id}`, `Other answer ${id}`] } })}\n`,
      );
    }
  }
  gzip.end();
  await finished(out);
  expect(statSync(path).size).toBeGreaterThanOrEqual(bytes);
  return { path, records, responses: records * 2 };
}

async function importThroughForm(page: Page, url: string, path: string, slug?: string) {
  await page.goto(url);
  const form = page.getByRole("form", { name: "Import a file" });
  if (slug) {
    await form.getByLabel("Slug").fill(slug);
    await form.getByLabel("Task").selectOption("general");
  }
  await form.getByLabel(/^File/).setInputFiles(path);
  await form.getByRole("button", { name: "Import" }).click();
  // "Starting…" and the progress come first; the summary (or an error) ends the import.
  const summary = page.getByRole("status").filter({ hasText: "records read" });
  await expect(summary.or(form.getByRole("alert"))).toBeVisible({ timeout: 900_000 });
  return summary;
}

test("a 50 MB JSONL and a 300 MB gzip uploaded through the form arrive whole: every record is imported", async ({ page }) => {
  test.setTimeout(1_800_000);
  let t0 = Date.now();
  const jsonl = await jsonlFile("big.jsonl", 50 * MB);
  console.log(`generated ${(statSync(jsonl.path).size / MB).toFixed(1)} MB JSONL (${jsonl.records} records) in ${Date.now() - t0} ms`);
  t0 = Date.now();
  const first = await importThroughForm(page, "/datasets/new", jsonl.path, "big-upload");
  await expect(first).toContainText(
    `${jsonl.records} records read: ${jsonl.records} groups and ${jsonl.responses} responses added, 0 already stored, 0 invalid`,
  );
  console.log(`50 MB JSONL uploaded and imported in ${Date.now() - t0} ms`);

  t0 = Date.now();
  const gz = await gzipFile("big.jsonl.gz", 300 * MB);
  console.log(`generated ${(statSync(gz.path).size / MB).toFixed(1)} MB gzip (${gz.records} records) in ${Date.now() - t0} ms`);
  t0 = Date.now();
  const second = await importThroughForm(page, "/datasets/big-upload/import", gz.path);
  await expect(second).toContainText(
    `${gz.records} records read: ${gz.records} groups and ${gz.responses} responses added, 0 already stored, 0 invalid`,
  );
  console.log(`300 MB gzip uploaded and imported in ${Date.now() - t0} ms`);

  await page.goto("/datasets");
  await expect(page.getByTestId("dataset-big-upload").getByRole("cell").nth(4)).toHaveText(
    (jsonl.records + gz.records).toLocaleString("en"),
  );
  await expect(page.getByTestId("dataset-big-upload").getByRole("cell").nth(5)).toHaveText(
    (jsonl.responses + gz.responses).toLocaleString("en"),
  );
});

test("an upload cut off mid-body fails and writes nothing, not even the dataset", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const file = await jsonlFile("cut.jsonl", 20 * MB);
  const body = readFileSync(file.path);
  // Cut at a line end past the first 10 MB: the part that arrives is valid on its own.
  const cut = body.indexOf("\n", 12 * MB) + 1;
  const q = `filename=cut.jsonl&create=1&task=general&name=cut&skipInvalid=1&size=${body.length}`;
  const prepared = await page.request.post(`/api/datasets/cut-upload/imports?${q}&prepare=1`);
  expect(prepared.status()).toBe(201);
  const { id } = (await prepared.json()) as { id: number };

  const cookies = (JSON.parse(readFileSync(storageStateOf("admin"), "utf8")) as { cookies: { name: string; value: string }[] }).cookies;
  const url = new URL(`/api/datasets/cut-upload/imports?${q}&import=${id}`, baseURL);
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  socket.write(
    `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${url.origin}\r\n` +
      `Cookie: ${cookies.map((c) => `${c.name}=${c.value}`).join("; ")}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${body.length}\r\n\r\n`,
  );
  socket.write(body.subarray(0, cut));
  // The client goes away: the rest of the announced body never comes.
  await new Promise<void>((resolve) => socket.end(resolve));
  socket.destroy();

  await expect
    .poll(async () => ((await (await page.request.get(`/api/datasets/cut-upload/imports/${id}`)).json()) as { status: string }).status, {
      timeout: 120_000,
    })
    .toBe("failed");
  const row = (await (await page.request.get(`/api/datasets/cut-upload/imports/${id}`)).json()) as { error: { message: string } };
  expect(row.error.message).toMatch(/^the upload (broke off|ended) after [\d,]+ (of the [\d,]+ )?bytes/);
  await page.goto("/datasets");
  await expect(page.getByRole("table", { name: "Datasets" })).toBeVisible();
  await expect(page.getByTestId("dataset-cut-upload")).toHaveCount(0);
  expect((await page.request.get("/datasets/cut-upload")).status()).toBe(404);
});
