import { hostname } from "node:os";
import { isAlive } from "@/lib/db/embedded-lock";

/** `host:pid` of this process, as recorded in `exports.claimed_by`. */
export function thisProcess(): string {
  return `${hostname()}:${process.pid}`;
}

/** True when `claimedBy` names a process of this machine that no longer runs. */
export function isDeadLocalProcess(claimedBy: string): boolean {
  const [host, pid] = claimedBy.split(":");
  return host === hostname() && Number.isInteger(Number(pid)) && !isAlive(Number(pid));
}
