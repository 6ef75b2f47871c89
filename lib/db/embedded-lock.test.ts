import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isAlive } from "./embedded-lock";

/** A `sleep` whose parent shell has already exited, so PID 1 is its parent. */
async function orphanSleep(): Promise<number> {
  const shell = spawn("sh", ["-c", "sleep 600 & echo $!"], { stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  shell.stdout.on("data", (d: Buffer) => (out += d.toString()));
  await once(shell, "exit");
  return Number(out.trim());
}

/** The process state letter from /proc (Z = zombie), or null once the pid is gone. */
function state(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat[stat.lastIndexOf(")") + 2] ?? null;
  } catch {
    return null;
  }
}

describe("isAlive", () => {
  it("is true for this process and false for a pid that is not in use", () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(2 ** 22 + 1)).toBe(false);
  });

  it("is false for a killed process, also while it is a zombie not yet reaped", async () => {
    const pid = await orphanSleep();
    expect(isAlive(pid)).toBe(true);
    process.kill(pid, "SIGKILL");
    const deadline = Date.now() + 5_000;
    while (state(pid) !== "Z" && state(pid) !== null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(isAlive(pid)).toBe(false);
  });
});
