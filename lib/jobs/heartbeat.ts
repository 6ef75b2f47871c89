import { env } from "@/lib/env";

/** A holder silent this long is taken for dead (on any machine) and its work resumed by another worker. */
export const DEFAULT_HEARTBEAT_LAPSE_MS = 120_000;

/** The lapse after which a job's holder is taken for dead; `CM_JOB_HEARTBEAT_LAPSE_MS` overrides `fallback`. */
export function heartbeatLapseMs(fallback = DEFAULT_HEARTBEAT_LAPSE_MS): number {
  return env().CM_JOB_HEARTBEAT_LAPSE_MS ?? fallback;
}

/**
 * Beats `beat` every third of `lapseMs` until the returned stop is called, so a live holder is never
 * taken for dead however long its step takes. A failing beat is ignored (the next one retries).
 */
export function keepBeating(lapseMs: number, beat: () => Promise<unknown>): () => void {
  const timer = setInterval(() => void beat().catch(() => undefined), Math.max(50, Math.floor(lapseMs / 3)));
  timer.unref();
  return () => clearInterval(timer);
}
