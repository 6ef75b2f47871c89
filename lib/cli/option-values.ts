import { InvalidArgumentError } from "commander";

/** Option arguments of the commands: each rejects a bad value with commander's error, which names the option. */

export function number(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number");
  return n;
}

export function integer(value: string): number {
  const n = number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("expected an integer");
  return n;
}

export function share(value: string): number {
  const n = number(value);
  if (n < 0 || n > 1) throw new InvalidArgumentError("expected a share from 0 to 1");
  return n;
}

/** `de, zh,` → ["de", "zh"]. */
export function list(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
