export {};

// `npm run bench -- <name> [--size N]`: runs bench/<name>.ts against DATABASE_URL.
// Each benchmark prints human-readable lines, then one JSON object as its last line:
// {"bench": name, "size": N, "slowdown": ours ÷ floor measured in the same run, ...}.
const NAMES = ["import", "select", "embed", "browse", "export", "dashboard", "queue", "embedded-import", "ui"] as const;

const [benchName, ...rest] = process.argv.slice(2);
if (!benchName || !(NAMES as readonly string[]).includes(benchName)) {
  process.stderr.write(`usage: npm run bench -- <${NAMES.join("|")}> [--size N]\n`);
  process.exit(2);
}
const sizeFlag = rest.indexOf("--size");
const size = sizeFlag >= 0 ? Number(rest[sizeFlag + 1]) : undefined;
if (size !== undefined && !(Number.isInteger(size) && size > 0)) {
  process.stderr.write("--size takes a positive integer\n");
  process.exit(2);
}
const mod = (await import(`./${benchName}.ts`)) as { run(opts: { size?: number; args: string[] }): Promise<Record<string, unknown>> };
const result = await mod.run({ size, args: rest });
process.stdout.write(`${JSON.stringify({ bench: benchName, ...result })}\n`);
