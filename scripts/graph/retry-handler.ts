import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { isNetworkError, RETRY_STATUSES, retryDelayMs, sleep, type RetryPolicy } from "./retry-policy";

/**
 * Retries Graph calls: 429/503/504 honouring Retry-After (seconds or HTTP date), jittered back-off
 * otherwise, a dropped connection likewise; a 401 once after asking for a fresh token (a token
 * that expired during a long run). Placed before the SDK's AuthenticationHandler so that each
 * attempt carries the current token. Unlike the SDK's RetryHandler it also retries uploads (whose
 * bodies here are buffers, safe to send again) and network errors.
 */
export class RetryHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly onTokenRejected: () => void,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error("RetryHandler has no next middleware");
    let refreshedToken = false;
    for (let attempt = 0; ; attempt += 1) {
      let failure: unknown = null;
      try {
        await next.execute(context);
      } catch (error) {
        failure = error;
      }
      const response = failure ? null : (context.response ?? null);
      if (response?.status === 401 && !refreshedToken) {
        refreshedToken = true;
        await response.body?.cancel().catch(() => undefined);
        this.onTokenRejected();
        attempt -= 1;
        continue;
      }
      const retryable = failure ? isNetworkError(failure) : RETRY_STATUSES.has(response?.status ?? 0);
      if (!retryable || attempt >= this.policy.maxRetries) {
        if (failure) throw failure;
        return;
      }
      const delay = retryDelayMs(this.policy, attempt, response?.headers.get("retry-after") ?? null);
      await response?.body?.cancel().catch(() => undefined);
      await sleep(delay);
    }
  }
}
