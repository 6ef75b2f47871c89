import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import * as meRoute from "@/app/api/v1/me/route";
import * as datasetsRoute from "@/app/api/v1/datasets/route";
import * as datasetRoute from "@/app/api/v1/datasets/[slug]/route";
import * as runsRoute from "@/app/api/v1/datasets/[slug]/runs/route";
import * as pairsRoute from "@/app/api/v1/datasets/[slug]/pairs/route";
import * as exportsRoute from "@/app/api/v1/datasets/[slug]/exports/route";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import * as decisionsRoute from "@/app/api/v1/pairs/[id]/decisions/route";
import * as pairRoute from "@/app/api/v1/pairs/[id]/route";
import * as exportRoute from "@/app/api/v1/exports/[id]/route";
import * as downloadRoute from "@/app/api/v1/exports/[id]/download/route";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Partial<Record<"GET" | "POST", Handler>>;

/** The /api/v1 tree as Next routes it: a path pattern per route file, its params by name. */
const ROUTES: [RegExp, Module][] = [
  [/^\/api\/v1\/me$/, meRoute as unknown as Module],
  [/^\/api\/v1\/datasets$/, datasetsRoute as unknown as Module],
  [/^\/api\/v1\/datasets\/(?<slug>[^/]+)$/, datasetRoute as unknown as Module],
  [/^\/api\/v1\/datasets\/(?<slug>[^/]+)\/runs$/, runsRoute as unknown as Module],
  [/^\/api\/v1\/datasets\/(?<slug>[^/]+)\/pairs$/, pairsRoute as unknown as Module],
  [/^\/api\/v1\/datasets\/(?<slug>[^/]+)\/exports$/, exportsRoute as unknown as Module],
  [/^\/api\/v1\/runs\/(?<id>[^/]+)$/, runRoute as unknown as Module],
  [/^\/api\/v1\/pairs\/(?<id>[^/]+)$/, pairRoute as unknown as Module],
  [/^\/api\/v1\/pairs\/(?<id>[^/]+)\/decisions$/, decisionsRoute as unknown as Module],
  [/^\/api\/v1\/exports\/(?<id>[^/]+)$/, exportRoute as unknown as Module],
  [/^\/api\/v1\/exports\/(?<id>[^/]+)\/download$/, downloadRoute as unknown as Module],
];

async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const url = new URL(req.url ?? "/", origin);
  const route = ROUTES.find(([pattern]) => pattern.test(url.pathname));
  const handler = route?.[1][req.method as "GET" | "POST"];
  if (!route || !handler) {
    res.writeHead(route ? 405 : 404, { "content-type": "application/json" }).end(JSON.stringify({ error: "no such route" }));
    return;
  }
  const params = Object.fromEntries(Object.entries(route[0].exec(url.pathname)!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(params) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as WebReadableStream<Uint8Array>).pipe(res);
  else res.end();
}

/**
 * Test support: the real /api/v1 route handlers behind a plain Node HTTP server on 127.0.0.1, so
 * the remote CLI can be run against them as it would against `npm run start`.
 */
export async function serveApiV1(): Promise<{ url: string; close(): Promise<void> }> {
  let origin = "";
  const server = createServer((req, res) => {
    handle(req, res, origin).catch((e: unknown) => {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(e) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
