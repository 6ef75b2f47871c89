// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { closeDatabase, getDatabase } from "./client";
import { migrationState } from "./migrations";

const db = await getDatabase();
const state = await migrationState(db.pool);
process.stderr.write(`${db.kind} database: ${state.applied.length} migrations applied, ${state.pending.length} pending.\n`);
await closeDatabase();
