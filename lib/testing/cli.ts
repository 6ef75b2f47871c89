import { vi } from "vitest";
import { runCli } from "@/lib/cli/main";

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the CLI in this process (faster than a child) and captures what it wrote to stdout and stderr. */
export async function runCliCaptured(args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await runCli(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
