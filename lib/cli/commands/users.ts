import { Option, type Command } from "commander";
import { createUser, listUsers, oneTimePassword, resetPassword, setUserDisabled, updateUser } from "@/lib/auth/accounts";
import { ROLES, type Role } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db/client";
import { printJson, say } from "../output";

/** `de, ar` → ["de", "ar"]; "" → [] (all languages). */
function languageList(value: string): string[] {
  return value
    .split(",")
    .map((code) => code.trim())
    .filter((code) => code !== "");
}

// Account administration for an operator with access to the database (no signed-in admin needed):
// the way back in when the only admin's password is lost.
export function registerUsers(program: Command): void {
  const users = program
    .command("users")
    .description("list accounts, create one, reset a password, disable or enable one (local database only)");

  users
    .command("list")
    .description("every account with its role and the datasets it is a member of")
    .option("--json", "print JSON on stdout")
    .action(async (opts: { json?: boolean }) => {
      const rows = await listUsers(await getDatabase());
      if (opts.json) return printJson(rows.map(({ createdAt, ...u }) => ({ ...u, createdAt: createdAt.toISOString() })));
      const width = Math.max(0, ...rows.map((u) => u.email.length));
      for (const u of rows)
        say(
          `${String(u.id).padStart(4)}  ${u.role.padEnd(8)}  ${u.email.padEnd(width)}  ${u.name}${u.disabled ? "  (disabled)" : ""}${u.datasets.length ? `  (member of ${u.datasets.join(", ")})` : ""}`,
        );
    });

  users
    .command("create")
    .description("a new account with a one-time password, printed once; the first sign-in must replace it")
    .requiredOption("--email <email>", "sign-in address (needs a top-level domain)")
    .requiredOption("--name <name>", "display name")
    .addOption(new Option("--role <role>", "what the account may do").choices(ROLES).makeOptionMandatory())
    .option("--languages <codes>", "team review: the languages the account reviews, comma-separated (default: all)", languageList, [])
    .action(async (opts: { email: string; name: string; role: Role; languages: string[] }) => {
      const password = oneTimePassword();
      const { id } = await createUser(await getDatabase(), { ...opts, password, mustChangePassword: true });
      printJson({ id, email: opts.email.trim().toLowerCase(), role: opts.role, languages: opts.languages, oneTimePassword: password });
    });

  users
    .command("update")
    .description("change an account's team review languages")
    .requiredOption("--email <email>", "the account's sign-in address")
    .requiredOption("--languages <codes>", "the languages the account reviews, comma-separated; an empty string means all", languageList)
    .action(async (opts: { email: string; languages: string[] }) => {
      printJson(await updateUser(await getDatabase(), { email: opts.email }, { languages: opts.languages }));
    });

  users
    .command("reset-password")
    .description("replace an account's password with a one-time password (printed once), sign it out everywhere and revoke its API tokens")
    .requiredOption("--email <email>", "the account's sign-in address")
    .action(async (opts: { email: string }) => {
      const { userId, password } = await resetPassword(await getDatabase(), opts.email);
      printJson({ id: userId, email: opts.email.trim().toLowerCase(), oneTimePassword: password });
    });

  for (const [name, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    users
      .command(name)
      .description(
        disabled
          ? "refuse the account's sign-in at once: its sessions end and its API tokens are revoked"
          : "let a disabled account sign in again",
      )
      .requiredOption("--email <email>", "the account's sign-in address")
      .action(async (opts: { email: string }) => {
        printJson(await setUserDisabled(await getDatabase(), { email: opts.email }, disabled));
      });
  }
}
