import { spawn } from "node:child_process";
import http from "node:http";
import { OpenAIEmbedder } from "@/lib/llm/embed/openai-embedder";
import { Provider } from "@/lib/llm/providers/provider";
import { trackPeakRss } from "./peak-rss";

// Throughput of the embed step (Provider + OpenAIEmbedder: limiter, retries, SDK, parsing,
// normalisation) against the mock server with 1 ms latency, one text per request, at concurrency
// 1, 8 and 32, as a share of the server's own maximum request rate: a tight raw-HTTP loop with
// keep-alive at the highest concurrency, measured in the same run. The server runs in a process of
// its own (`npm run mock-llm`), so it does not share this process's event loop.
const say = (line: string) => process.stderr.write(`${line}\n`);
const LEVELS = [1, 8, 32] as const;

function texts(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `Response ${i}: the sky looks blue because air scatters short wavelengths more (Rayleigh). ${i % 7}`,
  );
}

async function rawRate(url: string, inputs: string[], concurrency: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(`${url}/embeddings`);
  const post = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ model: "mock-embed", input: [text], encoding_format: "float" });
      const req = http.request(
        target,
        { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on("end", resolve);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < inputs.length) await post(inputs[next++]!);
    }),
  );
  agent.destroy();
  return inputs.length / ((performance.now() - started) / 1000);
}

async function ourRate(url: string, inputs: string[], concurrency: number): Promise<number> {
  const provider = new Provider({ baseUrl: url, apiKey: "bench" }, { concurrency });
  const embedder = new OpenAIEmbedder(provider, "mock-embed", { maxCount: 1, maxTokens: 1_000_000 });
  const started = performance.now();
  const vectors = await embedder.embed(inputs);
  const seconds = (performance.now() - started) / 1000;
  if (vectors.length !== inputs.length || provider.usage.retries > 0) throw new Error("bench run was not clean");
  return inputs.length / seconds;
}

async function startServer(): Promise<{ url: string; stop(): void }> {
  const child = spawn("npx", ["tsx", "scripts/mock-llm.ts", "--port", "0", "--latency-ms", "1"], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    child.stderr!.on("data", (d: Buffer) => {
      seen += d.toString();
      const m = /mock LLM on (\S+)/.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`mock server exited (${code}): ${seen}`)));
  });
  return { url, stop: () => process.kill(-child.pid!, "SIGTERM") };
}

export async function run({ size }: { size?: number }): Promise<Record<string, unknown>> {
  const n = size ?? 2_000;
  const mock = await startServer();
  const rss = trackPeakRss();
  try {
    const inputs = texts(n);
    await ourRate(mock.url, inputs.slice(0, 200), 8); // warm-up: JIT, sockets
    await rawRate(mock.url, inputs.slice(0, 200), 32);
    const floor = Math.max(await rawRate(mock.url, inputs, 32), await rawRate(mock.url, inputs, 64));
    say(`server max (raw HTTP, keep-alive): ${floor.toFixed(0)} requests/s`);
    const out: Record<string, number> = {};
    for (const c of LEVELS) {
      const rate = await ourRate(mock.url, inputs, c);
      out[`rps_c${c}`] = Math.round(rate);
      out[`ratio_c${c}`] = Number((rate / floor).toFixed(3));
      say(`embed step, concurrency ${c}: ${rate.toFixed(0)} requests/s = ${(rate / floor).toFixed(3)} of the server's max`);
    }
    return {
      size: n,
      slowdown: Number((floor / out.rps_c32!).toFixed(3)),
      floor_rps: Math.round(floor),
      ...out,
      latency_ms: 1,
      peak_rss_mb: rss.stop(),
    };
  } finally {
    mock.stop();
  }
}
