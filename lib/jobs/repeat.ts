import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs `pass` until `signal` aborts: again at once while it reports more work, else after `intervalMs`.
 * A failing pass is reported and retried after the interval, so upkeep outlives a transient error.
 */
export async function repeatUntilAborted(
  signal: AbortSignal,
  intervalMs: number,
  pass: () => Promise<boolean>,
  onError: (error: unknown) => void,
): Promise<void> {
  while (!signal.aborted) {
    try {
      if (await pass()) continue;
    } catch (error) {
      if (signal.aborted) return;
      onError(error);
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => {});
  }
}
