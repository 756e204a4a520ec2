/** How often and how long to retry a throttled or failing request. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First back-off when the server gives no Retry-After; doubles each retry, with jitter. */
  readonly baseDelayMs: number;
  /** The longest back-off of our own; a server's Retry-After is honoured whole, however long. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 120_000 };

/**
 * Statuses worth retrying: throttled (429), the service briefly unavailable (503), or a gateway or
 * server fault (500, 502, 504) that Microsoft documents as transient ("Microsoft Graph error responses").
 */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Statuses that say the request was not carried out (throttled, or refused before it ran): a
 * request that must not happen twice (sendMail) may be sent again only after these.
 */
export const NOT_CARRIED_OUT_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** The server's Retry-After (seconds, or an HTTP date) in ms; null when absent or unreadable. */
export function retryAfterMs(retryAfter: string | null, now = Date.now()): number | null {
  if (retryAfter === null || retryAfter.trim() === "") return null;
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
  return Number.isNaN(ms) ? null : Math.max(0, ms);
}

/**
 * The wait before retry number `attempt` (0-based): the server's Retry-After when given, whole
 * (Microsoft: "wait the number of seconds specified", no cap of ours shortens it), otherwise
 * exponential back-off with "full jitter" so that parallel requests do not come back together.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null,
  now = Date.now(),
  random = Math.random,
): number {
  const asked = retryAfterMs(retryAfter, now);
  if (asked !== null) return asked;
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
