// `npm run mock-llm [-- --port 8089 --latency-ms 0 --no-n]`: a local OpenAI-compatible test server.
import { startMockLlm } from "@/lib/testing/mock-llm/server";

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const mock = await startMockLlm({
  port: Number(value("--port") ?? 8089),
  latencyMs: Number(value("--latency-ms") ?? 0),
  supportsN: !args.includes("--no-n"),
});
process.stderr.write(
  `mock LLM on ${mock.url} (models: mock-chat, mock-embed)\n` +
    `faults: header "x-mock-fault: 429|500|slow:<ms>|truncate|reset", or POST ${mock.url.replace(/\/v1$/, "")}/__mock/faults {"faults":[{"kind":"429","times":2}]}\n`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void mock.close().then(() => process.exit(0)));
