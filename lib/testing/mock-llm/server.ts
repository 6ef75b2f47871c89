import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hashedEmbedding } from "@/lib/pipeline";
import { completeChat, estimateTokens, type ChatMessage } from "./completions";
import { FaultPlan, faultFromHeader, type Endpoint, type TFault } from "./faults";

export type MockLlmOptions = {
  port?: number;
  host?: string;
  /** Added to every response. */
  latencyMs?: number;
  /** false: ignore `n` and return one choice, like servers without `n`. */
  supportsN?: boolean;
  chatModels?: string[];
  embeddingModels?: string[];
  embeddingDim?: number;
};

export type MockLlm = {
  url: string;
  port: number;
  faults: FaultPlan;
  counts: Record<Endpoint, number>;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

/** Acts out a fault; returns true when the request has been answered (or dropped). */
async function applyFault(fault: TFault, res: ServerResponse, body: unknown): Promise<boolean> {
  switch (fault.kind) {
    case "429":
      send(
        res,
        429,
        { error: { message: "Rate limit reached (mock)", type: "rate_limit_error" } },
        { "retry-after": String(fault.retryAfterSeconds ?? 0) },
      );
      return true;
    case "500":
      send(res, 500, { error: { message: "Internal error (mock)", type: "server_error" } });
      return true;
    case "slow":
      await sleep(fault.delayMs);
      return res.destroyed;
    case "truncate": {
      const text = JSON.stringify(body);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(text.slice(0, Math.floor(text.length / 2)));
      return true;
    }
    case "reset":
      res.socket?.resetAndDestroy();
      return true;
  }
}

function chatBody(req: Record<string, unknown>, opts: MockLlmOptions) {
  const messages = (Array.isArray(req.messages) ? req.messages : []) as ChatMessage[];
  const n = opts.supportsN === false ? 1 : Math.max(1, Number(req.n ?? 1));
  const maxTokens = (req.max_completion_tokens ?? req.max_tokens) as number | undefined;
  const choices = completeChat(messages, { n, seed: req.seed as number | undefined, maxTokens });
  const promptTokens = estimateTokens(messages.map((m) => m.content).join("\n"));
  return {
    id: `chatcmpl-mock-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: req.model,
    choices: choices.map((c, index) => ({
      index,
      message: { role: "assistant", content: c.text },
      finish_reason: c.finishReason,
      logprobs: null,
    })),
    usage: { prompt_tokens: promptTokens, completion_tokens: choices.reduce((s, c) => s + estimateTokens(c.text), 0), total_tokens: 0 },
  };
}

function embeddingsBody(req: Record<string, unknown>, opts: MockLlmOptions) {
  const input = typeof req.input === "string" ? [req.input] : ((req.input ?? []) as string[]);
  const base64 = req.encoding_format === "base64";
  const data = input.map((text, index) => {
    const v = hashedEmbedding(text, opts.embeddingDim ?? 64);
    return {
      object: "embedding",
      index,
      embedding: base64 ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") : Array.from(v),
    };
  });
  const tokens = input.reduce((s, t) => s + estimateTokens(t), 0);
  return { object: "list", model: req.model, data, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  opts: MockLlmOptions,
  faults: FaultPlan,
  counts: Record<Endpoint, number>,
) {
  const raw = await readBody(req);
  const path = (req.url ?? "").split("?")[0];
  if (path === "/__mock/faults" && req.method === "POST") {
    faults.set((JSON.parse(raw || "{}") as { faults?: unknown[] }).faults ?? []);
    return send(res, 200, { faults: faults.list() });
  }
  const endpoint: Endpoint | null =
    path === "/v1/models" ? "models" : path === "/v1/chat/completions" ? "chat" : path === "/v1/embeddings" ? "embeddings" : null;
  if (!endpoint) return send(res, 404, { error: { message: `no route ${req.method} ${path}` } });
  counts[endpoint]++;
  if (opts.latencyMs) await sleep(opts.latencyMs);
  const body = JSON.parse(raw || "{}") as Record<string, unknown>;
  const out =
    endpoint === "models"
      ? {
          object: "list",
          data: [...(opts.chatModels ?? ["mock-chat"]), ...(opts.embeddingModels ?? ["mock-embed"])].map((id) => ({
            id,
            object: "model",
            created: 0,
            owned_by: "mock",
          })),
        }
      : endpoint === "chat"
        ? chatBody(body, opts)
        : embeddingsBody(body, opts);
  const header = req.headers["x-mock-fault"];
  const fault = faultFromHeader(Array.isArray(header) ? header[0] : header) ?? faults.take(endpoint, raw);
  if (fault && (await applyFault(fault, res, out))) return;
  send(res, 200, out);
}

/** An OpenAI-compatible server for tests and demos: deterministic outputs, injectable faults. */
export async function startMockLlm(opts: MockLlmOptions = {}): Promise<MockLlm> {
  completeChat([{ role: "user", content: "warm up the language detector" }], { n: 1 });
  const faults = new FaultPlan();
  const counts: Record<Endpoint, number> = { chat: 0, embeddings: 0, models: 0 };
  const server = createServer((req, res) => {
    handle(req, res, opts, faults, counts).catch((e: unknown) => {
      if (!res.headersSent) send(res, 400, { error: { message: e instanceof Error ? e.message : String(e) } });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}/v1`,
    port,
    faults,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
