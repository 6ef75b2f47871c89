// A repeatable measurement of pair quality on one JSONL file: imports it into a fresh Postgres
// database (cm_quality_report, dropped and re-created; no other database is touched), runs select with
// the method, `--reference first`, `--pairs random` and `--reference gold`, and prints one markdown table
// per language (chosen correct, rejected wrong, chosen on-target, next to the oracle and the random
// on-target pick). Usage: npx tsx scripts/quality-report.ts <file.jsonl> [--postgres postgresql://…]
import pg from "pg";
import { comparisonMarkdown } from "@/lib/dashboards/charts/quality";
import { runCli } from "@/lib/cli/main";
import { qualityRows } from "@/lib/dashboards/queries/quality";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { setDatabaseUrl } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/queue";

const DATABASE = "cm_quality_report";
const SLUG = "quality-report";
const SELECTIONS: [string, string[]][] = [
  ["method", []],
  ["first reference", ["--reference", "first"]],
  ["random pairs", ["--pairs", "random"]],
  ["gold reference", ["--reference", "gold"]],
];

function args(): { file: string; server: string } {
  const [file, ...rest] = process.argv.slice(2);
  if (file === undefined || file.startsWith("--"))
    throw new Error("usage: npx tsx scripts/quality-report.ts <file.jsonl> [--postgres postgresql://user@host:port]");
  const i = rest.indexOf("--postgres");
  return { file, server: (i >= 0 ? rest[i + 1] : undefined) ?? "postgresql://postgres@127.0.0.1:5432" };
}

async function freshDatabase(server: string): Promise<string> {
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return `${server}/${DATABASE}`;
}

async function cli(argv: string[]): Promise<void> {
  const code = await runCli(argv);
  if (code !== 0) throw new Error(`cli ${argv.join(" ")} exited with ${code}`);
}

async function main(): Promise<void> {
  const { file, server } = args();
  setDatabaseUrl(await freshDatabase(server));
  const started = Date.now();
  await cli(["import", file, "--dataset", SLUG, "--create", "--task", "math"]);
  process.stderr.write(`imported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  for (const [name, flags] of SELECTIONS) {
    process.stderr.write(`select: ${name}\n`);
    await cli(["select", "--dataset", SLUG, ...flags]);
  }
  const db = await getDatabase();
  const dataset = await db.prisma.dataset.findUniqueOrThrow({ where: { slug: SLUG } });
  process.stdout.write(`${comparisonMarkdown(await qualityRows(db, dataset.id))}\n`);
}

try {
  await main();
} finally {
  await stopBoss();
  await closeDatabase();
}
