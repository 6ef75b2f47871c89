import { hostname } from "node:os";

/** `host:pid` of this process, as recorded in `exports.claimed_by`. */
export function thisProcess(): string {
  return `${hostname()}:${process.pid}`;
}
