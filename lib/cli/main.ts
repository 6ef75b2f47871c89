import { Command, CommanderError } from "commander";
import { closeDatabase } from "@/lib/db/client";
import { registerExport } from "./commands/export";
import { registerImport } from "./commands/import";
import { registerSelect } from "./commands/select";
import { registerGenerate } from "./commands/generate";
import { registerEmbed } from "./commands/embed";
import { registerStats } from "./commands/stats";
import { registerSearchIndex } from "./commands/search-index";
import { registerUsers } from "./commands/users";
import { stopBoss } from "@/lib/jobs/queue";
import { describeError, EXIT, exitCodeFor, say, UsageError } from "./output";
import { remoteConfig } from "./remote-client";

/** Commands that talk to the REST API when CM_SERVER_URL is set. */
const REMOTE_COMMANDS = new Set(["stats", "export", "select"]);

export function buildProgram(): Command {
  const program = new Command("cm-align")
    .description("CM-Align Studio command line: import, select, export and inspect preference datasets")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerStats(program);
  registerSelect(program);
  registerImport(program);
  registerGenerate(program);
  registerEmbed(program);
  registerExport(program);
  registerSearchIndex(program);
  registerUsers(program);
  program.hook("preAction", (_program, command) => {
    const top = command.parent === program ? command : command.parent;
    if (remoteConfig() && top && !REMOTE_COMMANDS.has(top.name())) {
      const path = top === command ? command.name() : `${top.name()} ${command.name()}`;
      throw new UsageError(
        `${path} works on the local database only; unset CM_SERVER_URL to run it (remote: ${[...REMOTE_COMMANDS].join(", ")})`,
      );
    }
  });
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    say(`error: ${describeError(error)}`);
    return exitCodeFor(error);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
  await stopBoss();
  await closeDatabase();
}
