// Child process for the bulk job kill/resume test: executes one bulk job one pair per batch, slowly,
// until the test kills it with SIGKILL. Usage: tsx lib/testing/bulk-job-child.ts <runId> (DATABASE_URL set).
import { getDatabase } from "@/lib/db/client";
import { executeBulkRun } from "../pairs/bulk-job";

const runId = Number(process.argv[2]);
const db = await getDatabase();
await executeBulkRun(db, runId, { batchSize: 1, onBatch: () => new Promise((r) => setTimeout(r, 40)) });
process.exit(0);
