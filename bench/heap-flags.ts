import { readFileSync } from "node:fs";

/** The V8 heap flags a package.json script starts node with (`cli`, `worker`), so a bench phase runs as that script does. */
export function scriptHeapFlags(script: "cli" | "worker"): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
  return pkg.scripts[script]?.match(/--max-[\w-]+=\d+/g) ?? [];
}
