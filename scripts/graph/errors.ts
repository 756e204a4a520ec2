/**
 * A Graph call that failed for good (after the retries a fault deserves): keeps what Microsoft
 * support asks for (status, error code, request id) and the path that was called.
 */
export class GraphRequestError extends Error {
  override readonly name: string = "GraphRequestError";
  constructor(
    readonly status: number | null,
    readonly code: string | null,
    readonly requestId: string | null,
    readonly target: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A body the service sent with an error status, read as Graph's `{error: {code, message}}` when it is one. */
export async function toGraphRequestError(response: Response, target: string): Promise<GraphRequestError> {
  const text = await response.text().catch(() => "");
  let code: string | null = null;
  let message = text.slice(0, 200);
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
    code = parsed.error?.code ?? null;
    message = parsed.error?.message ?? message;
  } catch {
    // Not JSON (a proxy's page): the first characters say enough.
  }
  return new GraphRequestError(
    response.status,
    code,
    response.headers.get("request-id"),
    target,
    `${response.status}${code ? ` ${code}` : ""}: ${message}`,
  );
}

/** Strips the query (pre-authenticated URLs carry a token in it) so that a URL can go to a log. */
export function redactUrl(url: string): string {
  const query = url.indexOf("?");
  return query < 0 ? url : `${url.slice(0, query)}?…`;
}
