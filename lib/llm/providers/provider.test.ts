import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/lib/testing/mock-llm/server";
import { Provider } from "./provider";

let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm();
});
afterAll(() => mock.close());

function provider(retries = 4) {
  const retriesSeen: string[] = [];
  const p = new Provider(
    { baseUrl: mock.url, apiKey: "sk-test" },
    {
      timeoutMs: 800,
      retry: { retries, baseDelayMs: 1, maxDelayMs: 5, onRetry: (i) => retriesSeen.push((i.error as Error).constructor.name) },
    },
  );
  return { p, retriesSeen };
}

describe("Provider against injected faults", () => {
  const faults = [
    ["429", "RateLimitError"],
    ["500", "InternalServerError"],
    ["slow", "APIConnectionTimeoutError"],
    ["truncate", "SyntaxError"],
    ["reset", "APIConnectionError"],
  ] as const;

  it.each(faults)("%s twice, then a retry succeeds", async (kind, errorName) => {
    mock.faults.set([{ kind, times: 2, endpoint: "embeddings", delayMs: 2_000 }]);
    const { p, retriesSeen } = provider();
    const vectors = await p.embed("mock-embed", ["one", "two", "three"]);
    expect(vectors.map((v) => v.length)).toEqual([64, 64, 64]);
    expect(retriesSeen).toEqual([errorName, errorName]);
    expect(p.usage.requests).toBe(3);
  });

  it.each(faults)("%s on every attempt ends in the error after the last retry", async (kind, errorName) => {
    mock.faults.set([{ kind, times: -1, endpoint: "chat", delayMs: 2_000 }]);
    const { p, retriesSeen } = provider(2);
    const error = await p
      .chat({ model: "mock-chat", messages: [{ role: "user", content: "Hello there, how are you?" }] })
      .catch((e: unknown) => e);
    expect((error as Error).constructor.name).toBe(errorName);
    expect(retriesSeen).toEqual([errorName, errorName]);
    mock.faults.set([]);
  });

  it("waits as long as retry-after says", async () => {
    mock.faults.set([{ kind: "429", times: 1, retryAfterSeconds: 0.5 }]);
    const p = new Provider({ baseUrl: mock.url, apiKey: null }, { retry: { baseDelayMs: 1, maxDelayMs: 10_000 } });
    const started = Date.now();
    expect(await p.listModels()).toEqual(["mock-chat", "mock-embed"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(490);
  });

  it("a fault named in the x-mock-fault header hits every attempt of that request", async () => {
    mock.faults.set([]);
    const { p, retriesSeen } = provider(1);
    const error = await p.call((c) => c.models.list({ headers: { "x-mock-fault": "500" } })).catch((e: unknown) => e);
    expect((error as Error).constructor.name).toBe("InternalServerError");
    expect(retriesSeen).toEqual(["InternalServerError"]);
  });

  it("a client error (404) is not retried", async () => {
    mock.faults.set([]);
    const { p, retriesSeen } = provider();
    const bad = p.call((c) => c.post("/nowhere", { body: {} }));
    await expect(bad).rejects.toHaveProperty("status", 404);
    expect(retriesSeen).toEqual([]);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const slow = await startMockLlm({ latencyMs: 40 });
    try {
      const p = new Provider({ baseUrl: slow.url, apiKey: null }, { concurrency: 3 });
      let peak = 0;
      const watch = setInterval(() => (peak = Math.max(peak, p.limiter.inFlight)), 5);
      await Promise.all(Array.from({ length: 12 }, (_, i) => p.embed("mock-embed", [`text ${i}`])));
      clearInterval(watch);
      expect(peak).toBe(3);
      expect(slow.counts.embeddings).toBe(12);
    } finally {
      await slow.close();
    }
  });
});
