/** How often and how long to retry a throttled or failing request. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First back-off when the server gives no Retry-After; doubles each retry, with jitter. */
  readonly baseDelayMs: number;
  /** No single wait is longer (a Retry-After beyond it is cut to it). */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 120_000 };

/** Statuses worth retrying: throttled, or the service briefly unavailable. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * The wait before retry number `attempt` (0-based): the server's Retry-After (seconds, or an HTTP
 * date) when given, otherwise exponential back-off with "full jitter" so that parallel requests
 * do not come back together.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null,
  now = Date.now(),
  random = Math.random,
): number {
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (!Number.isNaN(ms)) return Math.min(policy.maxDelayMs, Math.max(0, ms));
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A network fault (reset, refused, cut short) as Node's fetch reports it: worth a retry. */
export function isNetworkError(error: unknown): boolean {
  // Duck-typed: fetch's errors may come from another realm (a test VM), where instanceof fails.
  if (typeof error !== "object" || error === null) return false;
  const { name, message, cause } = error as { name?: string; message?: string; cause?: { code?: string } };
  if (name === "AbortError") return false;
  return (
    name === "TypeError" ||
    /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR|socket|terminated|other side closed/i.test(
      `${message ?? ""} ${cause?.code ?? ""}`,
    )
  );
}
