import { z } from "zod";

export const ZFault = z.object({
  kind: z.enum(["429", "500", "slow", "truncate", "reset"]),
  /** How many matching requests it hits; -1 = every one. */
  times: z.number().int().min(-1).default(1),
  endpoint: z.enum(["chat", "embeddings", "models", "any"]).default("any"),
  /** Only requests whose body contains this text. */
  contains: z.string().optional(),
  retryAfterSeconds: z.number().min(0).optional(),
  delayMs: z.number().int().min(0).default(2_000),
});
export type TFault = z.output<typeof ZFault>;
export type Endpoint = "chat" | "embeddings" | "models";

/** A header fault (`x-mock-fault: 429`, `slow:500`) hits that one request. */
export function faultFromHeader(value: string | undefined): TFault | null {
  if (!value) return null;
  const [kind, arg] = value.split(":");
  const parsed = ZFault.safeParse({
    kind,
    ...(arg ? (kind === "slow" ? { delayMs: Number(arg) } : { retryAfterSeconds: Number(arg) }) : {}),
  });
  return parsed.success ? parsed.data : null;
}

export class FaultPlan {
  private faults: TFault[] = [];

  set(faults: unknown[]): void {
    this.faults = faults.map((f) => ZFault.parse(f));
  }

  list(): TFault[] {
    return this.faults;
  }

  /** The first fault matching this request, used up by one. */
  take(endpoint: Endpoint, body: string): TFault | null {
    const f = this.faults.find(
      (x) => x.times !== 0 && (x.endpoint === "any" || x.endpoint === endpoint) && (x.contains === undefined || body.includes(x.contains)),
    );
    if (!f) return null;
    if (f.times > 0) f.times--;
    return f;
  }
}
