// The Next.js server of `npm run dev` / `npm start` (spawned by scripts/serve.ts): Next's own request
// handler behind a plain HTTP server that first records the client's address, resolved from the
// socket's peer (and X-Forwarded-For only when that peer is in CM_TRUSTED_PROXIES). `next start`
// alone cannot: it keeps whatever X-Forwarded-For a client sends, so the rate limit could be dodged.
import { createServer } from "node:http";
import { parseTrustedProxies, stampClientAddress } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";

const dev = process.argv[2] !== "start";
// As `next dev` / `next start` set it, before Next.js and React load.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");
const args = process.argv.slice(3);
const option = (short: string, long: string) => {
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${long}=`))?.slice(long.length + 1);
};
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname") ?? "0.0.0.0";
const proxies = parseTrustedProxies(env().CM_TRUSTED_PROXIES);

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const server = createServer((req, res) => {
  stampClientAddress(req.headers, req.socket.remoteAddress, proxies);
  void handle(req, res);
});
server.listen(port, hostname, () => console.error(`Next.js (${dev ? "development" : "production"}) on http://${hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close(() => process.exit(0)));
