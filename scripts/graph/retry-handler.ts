import type { Context, Middleware, MiddlewareOptions } from "@microsoft/microsoft-graph-client";
import type { RenewableCredential } from "./auth";
import { redactUrl } from "./errors";
import { type RetryRunner, TransientFault } from "./retry-runner";

/**
 * Per-request option: a request that must not be carried out twice (sendMail). Passed with
 * `.middlewareOptions([new RequestSafety(false)])`; a POST without it is taken as not idempotent.
 */
export class RequestSafety implements MiddlewareOptions {
  constructor(readonly idempotent: boolean) {}
}

function requestUrl(context: Context): string {
  return typeof context.request === "string" ? context.request : context.request.url;
}

/**
 * Sets `Authorization: Bearer <current token>`, replacing any earlier value: the SDK's
 * AuthenticationHandler *appends* the header, so a retry that re-runs the chain on the same context
 * sent "Bearer X, Bearer X" and Graph refused it with 401 (msgraph-sdk-javascript PR #91). Only
 * requests to the endpoint's own origin get the token (a nextLink elsewhere never does).
 */
function setBearer(context: Context, token: string, origin: string): void {
  const options = (context.options ??= {});
  let sameOrigin = false;
  try {
    sameOrigin = new URL(requestUrl(context)).origin === origin;
  } catch {
    // A relative URL cannot occur here (the SDK builds absolute ones); never attach to what we cannot read.
  }
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.delete("Authorization");
    if (sameOrigin) headers.set("Authorization", `Bearer ${token}`);
    return;
  }
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries((headers as Record<string, string> | undefined) ?? {}))
    if (key.toLowerCase() !== "authorization") plain[key] = value;
  if (sameOrigin) plain.Authorization = `Bearer ${token}`;
  options.headers = plain;
}

/**
 * The SDK's chain: each attempt goes through the run's one RetryRunner (shared pause on
 * Retry-After, jittered back-off, no second sendMail after a 504) with exactly one current token; a
 * 401 once asks for a fresh token (one that expired during a long run).
 */
export class RetryHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly runner: RetryRunner,
    private readonly credential: RenewableCredential,
    private readonly scopes: string[],
    private readonly origin: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error("RetryHandler has no next middleware");
    const safety = context.middlewareControl?.getMiddlewareOptions(RequestSafety) as
      RequestSafety | undefined;
    const method = (context.options?.method ?? "GET").toUpperCase();
    const idempotent = safety?.idempotent ?? method !== "POST";
    let refreshedToken = false;
    await this.runner.run(
      redactUrl(requestUrl(context)),
      async (number) => {
        // The last attempt's answer goes to the SDK as it is (its GraphError keeps status, code, request id).
        const last = idempotent && number >= this.runner.policy.maxRetries;
        for (;;) {
          const token = await this.credential.getToken(this.scopes);
          setBearer(context, token?.token ?? "", this.origin);
          await next.execute(context);
          const response = context.response;
          if (response?.status === 401 && !refreshedToken) {
            refreshedToken = true;
            await response.body?.cancel().catch(() => undefined);
            this.credential.invalidate();
            continue;
          }
          if (response && !last) await this.runner.check(response);
          return;
        }
      },
      { idempotent },
    );
  }
}

export { TransientFault };
