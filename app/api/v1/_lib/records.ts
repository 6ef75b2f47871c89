import type { Database } from "@/lib/db/client";
import { getExport } from "@/lib/export/snapshots/queries";
import { getRun } from "@/lib/runs/queries";
import type { ApiRecordKind } from "./guard";

/** The records an `{id}` path segment names, for withApiRecord. */
export const RUN = { name: "run", find: getRun } satisfies ApiRecordKind<Awaited<ReturnType<typeof getRun>>>;

export const EXPORT = { name: "export", find: getExport } satisfies ApiRecordKind<Awaited<ReturnType<typeof getExport>>>;

/** Only the pair's dataset: the handlers read the pair through their own queries. */
export const PAIR = {
  name: "pair",
  find: (db: Database, id: number) => db.prisma.pair.findUnique({ where: { id }, select: { datasetId: true } }),
} satisfies ApiRecordKind<{ datasetId: number }>;

/** A team-review lease: only its dataset (the lease functions check that it is the caller's). */
export const LEASE = {
  name: "lease",
  find: (db: Database, id: number) => db.prisma.reviewLease.findUnique({ where: { id }, select: { datasetId: true } }),
} satisfies ApiRecordKind<{ datasetId: number }>;
