import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openEmbedded, type EmbeddedDatabase } from "./embedded";
import { migrate } from "./migrations";

export type DatabaseKind = "postgres" | "embedded";

export type Database = {
  prisma: PrismaClient;
  /** The pool Prisma runs on; for COPY and other bulk SQL. */
  pool: pg.Pool;
  kind: DatabaseKind;
  url: string;
  close(): Promise<void>;
};

type Holder = { pending?: Promise<Database> };
const holder: Holder = ((globalThis as { __cmAlignDb?: Holder }).__cmAlignDb ??= {});

async function connectDatabase(): Promise<Database> {
  const e = env();
  let embedded: EmbeddedDatabase | null = null;
  let url = e.DATABASE_URL;
  if (!url) {
    embedded = await openEmbedded(e.CM_DATA_DIR);
    url = embedded.url;
  }
  // PGlite executes one statement at a time however many connections share it.
  const max = embedded ? 4 : e.CM_DB_POOL_MAX;
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => {});
  await migrate(pool);
  // An import killed while it loaded a new dataset left it hidden; remove it in the background.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    kind: embedded ? "embedded" : "postgres",
    url,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await embedded?.close();
      holder.pending = undefined;
    },
  };
}

/** The process-wide database: connects (or starts the embedded one) and migrates on first use. */
export function getDatabase(): Promise<Database> {
  holder.pending ??= connectDatabase().catch((err: unknown) => {
    holder.pending = undefined;
    throw err;
  });
  return holder.pending;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.pending;
  if (pending) await (await pending).close();
}
