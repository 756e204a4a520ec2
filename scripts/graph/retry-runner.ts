import { GraphRequestError } from "./errors";
import {
  isNetworkError,
  NOT_CARRIED_OUT_STATUSES,
  RETRY_STATUSES,
  retryAfterMs,
  retryDelayMs,
  sleep,
  type RetryPolicy,
} from "./retry-policy";

/** Thrown inside an attempt to ask for another one (a status, a cut-short body, a stale URL). */
export class TransientFault extends Error {
  override readonly name = "TransientFault";
  constructor(
    message: string,
    readonly status: number | null = null,
    readonly retryAfter: string | null = null,
  ) {
    super(message);
  }
}

/**
 * A request that must not happen twice (sendMail) met an answer that may mean it was carried out
 * (504, 500, 502, a dropped connection): it is not sent again, and the caller records it as unknown.
 */
export class OutcomeUnknownError extends GraphRequestError {
  override readonly name: string = "OutcomeUnknownError";
}

export interface RunOptions {
  /** False for a request that must not be carried out twice: retried only after 429 or 503. */
  readonly idempotent?: boolean;
}

/**
 * The one retry loop for every Graph request of a run (API calls through the SDK's middleware,
 * downloads, upload fragments). A 429 or 503 with Retry-After pauses *every* request of the run until
 * it has passed, whole ("Microsoft Graph throttling guidance": pause all requests; honour
 * Retry-After); other transient faults (500/502/503/504, resets, cut-short bodies) wait a jittered
 * back-off of their own.
 */
export class RetryRunner {
  private pausedUntil = 0;

  constructor(
    readonly policy: RetryPolicy,
    private readonly wait: (ms: number) => Promise<void> = sleep,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every request waits here while the service has asked the run to pause. */
  async whenClear(): Promise<void> {
    for (let left = this.pausedUntil - this.now(); left > 0; left = this.pausedUntil - this.now())
      await this.wait(left);
  }

  /** Until when every request waits (epoch ms; 0 when not paused). */
  get pausedUntilMs(): number {
    return this.pausedUntil;
  }

  private pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /**
   * Runs `attempt` until it returns, retrying network errors and TransientFaults; any other error
   * goes up at once. After the last retry, the last fault goes up as a GraphRequestError.
   */
  async run<T>(
    target: string,
    attempt: (number: number) => Promise<T>,
    options: RunOptions = {},
  ): Promise<T> {
    const idempotent = options.idempotent ?? true;
    for (let number = 0; ; number += 1) {
      await this.whenClear();
      let fault: TransientFault;
      try {
        return await attempt(number);
      } catch (error) {
        if (error instanceof TransientFault) fault = error;
        else if (isNetworkError(error))
          fault = new TransientFault(`network: ${(error as Error).message}`, null, null);
        else throw error;
        if (!idempotent && (fault.status === null || !NOT_CARRIED_OUT_STATUSES.has(fault.status)))
          throw new OutcomeUnknownError(
            fault.status,
            null,
            null,
            target,
            `${fault.message}: the service may have carried it out; not sent again`,
            { cause: error },
          );
        if (number >= this.policy.maxRetries)
          throw new GraphRequestError(
            fault.status,
            null,
            null,
            target,
            `gave up after ${number + 1} attempts (${fault.message})`,
            { cause: error },
          );
      }
      const asked =
        fault.status === 429 || fault.status === 503 ? retryAfterMs(fault.retryAfter, this.now()) : null;
      if (asked !== null) this.pause(asked);
      else await this.wait(retryDelayMs(this.policy, number, null, this.now()));
    }
  }

  /** Throws a TransientFault for a status worth another attempt (after freeing the body). */
  async check(response: Response): Promise<Response> {
    if (!RETRY_STATUSES.has(response.status)) return response;
    await response.body?.cancel().catch(() => undefined);
    throw new TransientFault(String(response.status), response.status, response.headers.get("retry-after"));
  }
}
