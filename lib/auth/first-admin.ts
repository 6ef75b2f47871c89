import type { Database } from "@/lib/db/client";
import { ensureFirstAdmin } from "./accounts";

/** First start: creates the admin when no user exists and prints its one-time password once. */
export async function announceFirstAdmin(db: Database, log: (line: string) => void): Promise<boolean> {
  const created = await ensureFirstAdmin(db);
  if (!created) return false;
  log(
    [
      "",
      "  No user existed, so an admin was created. Sign in once with this one-time password",
      "  (it is shown only now; you will be asked to choose your own):",
      `    email:    ${created.email}`,
      `    password: ${created.password}`,
      "",
    ].join("\n"),
  );
  return true;
}
