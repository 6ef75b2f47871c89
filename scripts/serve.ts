// `npm run dev` / `npm start`: opens the database (embedded PGlite unless DATABASE_URL is set),
// migrates it, seeds the demo on an empty database, then runs Next.js against it.
import { spawn } from "node:child_process";
import { announceFirstAdmin } from "@/lib/auth/first-admin";
import { authSecret } from "@/lib/auth/secret";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { openEmbedded, secretPath } from "@/lib/db/embedded";
import { seedDemoIfEmpty } from "@/lib/datasets/seed-demo";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/worker/start-worker";

const mode = process.argv[2] === "start" ? "start" : "dev";
const e = env();

let closeEmbedded = async () => {};
if (!e.DATABASE_URL) {
  const embedded = await openEmbedded(e.CM_DATA_DIR);
  closeEmbedded = embedded.close;
  console.error(
    embedded.owner
      ? `Embedded Postgres (PGlite) in ${e.CM_DATA_DIR}, serving ${new URL(embedded.url).host} (password: ${secretPath(e.CM_DATA_DIR)})`
      : `Embedded database in ${e.CM_DATA_DIR} is open in another process; connecting through it.`,
  );
}
const db = await getDatabase();
console.error(`Database: ${db.kind}, migrations applied.`);
if (e.CM_SEED_DEMO === "1") {
  const seeded = await seedDemoIfEmpty(db);
  if (seeded) console.error(`Seeded the demo dataset: ${seeded.groups} groups, ${seeded.responses} responses.`);
}
await announceFirstAdmin(db, (line) => console.error(line));
// Created now (unless CM_AUTH_SECRET is set) so the Next.js server and workers read the same one.
authSecret();
// The app enqueues runs; this process executes them (set CM_WORKER=0 and run `npm run worker` instead).
const stopWorker = e.CM_WORKER === "1" ? await startWorker(db, (m) => console.error(`[worker] ${m}`)) : async () => {};

// Next.js runs behind scripts/next-server.ts, which records each request's client address.
const child = spawn(process.execPath, ["--import", "tsx", "scripts/next-server.ts", mode, ...process.argv.slice(3)], {
  stdio: "inherit",
  // Without DATABASE_URL, Next.js finds this process's lock in CM_DATA_DIR and connects through it.
  env: process.env,
});
const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => {
  void stopWorker()
    .then(closeDatabase)
    .then(closeEmbedded)
    .finally(() => process.exit(code ?? 0));
});
