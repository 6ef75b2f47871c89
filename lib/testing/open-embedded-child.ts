// Child process for the embedded-sharing test: opens a data directory the test process already owns.
import pg from "pg";
import { openEmbedded } from "@/lib/db/embedded";

const [dir, value] = process.argv.slice(2) as [string, string];
const embedded = await openEmbedded(dir);
const client = new pg.Client({ connectionString: embedded.url });
await client.connect();
await client.query("INSERT INTO notes (body) VALUES ($1)", [value]);
const { rows } = await client.query<{ body: string }>("SELECT body FROM notes ORDER BY id");
await client.end();
await embedded.close();
process.stdout.write(JSON.stringify({ owner: embedded.owner, notes: rows.map((r) => r.body) }));
