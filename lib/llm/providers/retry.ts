import { APIConnectionError, APIError } from "openai";

export type RetryOptions = {
  /** Attempts after the first one. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1) source for jitter; injectable so tests can pin it. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
};

export const DEFAULT_RETRY: RetryOptions = { retries: 5, baseDelayMs: 250, maxDelayMs: 20_000 };

const RETRYABLE_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT"]);

function causeCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** 429, 408, 409, 5xx, timeouts, dropped connections and truncated bodies are worth another try. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof APIError && typeof error.status === "number") {
    return error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
  }
  if (error instanceof APIConnectionError) return true;
  if (error instanceof SyntaxError) return true; // a body cut off mid-JSON
  if (error instanceof TypeError && /terminated|fetch failed|socket/i.test(error.message)) return true;
  const code = causeCode(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/** Seconds or an HTTP date in `retry-after`, or milliseconds in `retry-after-ms`. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  if (!(error instanceof APIError) || !error.headers) return null;
  const ms = Number(error.headers.get("retry-after-ms"));
  if (error.headers.get("retry-after-ms") !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = error.headers.get("retry-after");
  if (raw === null) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Full-jitter exponential backoff, unless the server said how long to wait. */
export function backoffDelayMs(attempt: number, error: unknown, opts: RetryOptions): number {
  const told = retryAfterMs(error);
  if (told !== null) return Math.min(told, opts.maxDelayMs);
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
  const random = opts.random ?? Math.random;
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `op` until it succeeds, fails with a non-retryable error, or runs out of retries. */
export async function withRetry<T>(op: (attempt: number) => Promise<T>, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = opts.sleep ?? realSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await op(attempt);
    } catch (error) {
      if (attempt >= opts.retries || !isRetryable(error)) throw error;
      const delayMs = backoffDelayMs(attempt, error, opts);
      opts.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** A short, key-free description of a provider error for run summaries. */
export function describeProviderError(error: unknown): string {
  if (error instanceof APIError && typeof error.status === "number") return `HTTP ${error.status}: ${error.message}`.slice(0, 300);
  if (error instanceof Error) return `${error.name === "Error" ? error.constructor.name : error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
