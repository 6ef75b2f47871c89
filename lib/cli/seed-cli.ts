// `npm run db:seed`: seeds the demo dataset on an empty database (DATABASE_URL or embedded).
import { announceFirstAdmin } from "@/lib/auth/first-admin";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { seedDemoIfEmpty } from "@/lib/datasets/seed-demo";

const db = await getDatabase();
const seeded = await seedDemoIfEmpty(db);
process.stderr.write(
  seeded
    ? `Seeded the demo: ${seeded.groups} groups, ${seeded.responses} responses.\n`
    : "The database already holds datasets; nothing seeded.\n",
);
await announceFirstAdmin(db, (line) => process.stderr.write(`${line}\n`));
await closeDatabase();
