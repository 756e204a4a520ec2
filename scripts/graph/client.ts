import { Client, type FetchOptions, HTTPMessageHandler } from "@microsoft/microsoft-graph-client";
import type { TokenCredential } from "@azure/identity";
import { UsageError } from "../errors";
import { RenewableCredential } from "./auth";
import { RetryHandler } from "./retry-handler";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";
import { RetryRunner } from "./retry-runner";

export const DEFAULT_GRAPH_ENDPOINT = "https://graph.microsoft.com/v1.0";

/** Everything that talks to Graph: the SDK client and what plain fetches (downloads, upload chunks) need. */
export interface GraphConnection {
  readonly client: Client;
  /** The endpoint with its version, e.g. https://graph.microsoft.com/v1.0. */
  readonly endpoint: string;
  /** Options for fetches outside the SDK (pre-authenticated URLs): the same trust settings, no token. */
  readonly fetchOptions: FetchOptions;
  readonly retry: RetryPolicy;
  /** The run's one retry loop: API calls, downloads and upload fragments share its pause. */
  readonly runner: RetryRunner;
  readonly credential: RenewableCredential;
  /** The endpoint's origin: only requests there carry the token. */
  readonly origin: string;
  /** What the token is asked for (the endpoint's resource). */
  readonly scopes: string[];
}

export interface GraphClientOptions {
  readonly credential: TokenCredential;
  /** THIDUA_GRAPH_ENDPOINT: a national cloud, or a test server. */
  readonly endpoint?: string;
  /** e.g. `{ dispatcher }` to trust a test certificate. */
  readonly fetchOptions?: FetchOptions;
  readonly retry?: RetryPolicy;
}

/** Splits `https://host[:port]/v1.0` into the SDK's base URL and version. */
function splitEndpoint(endpoint: string): { baseUrl: string; version: string; host: string; origin: string } {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError({
      vi: `THIDUA_GRAPH_ENDPOINT không phải một địa chỉ URL: "${endpoint}"`,
      en: `THIDUA_GRAPH_ENDPOINT is not a URL: "${endpoint}"`,
    });
  }
  // The SDK attaches tokens only over https: a plain-http endpoint would fail in confusing ways.
  if (url.protocol !== "https:")
    throw new UsageError({
      vi: `THIDUA_GRAPH_ENDPOINT phải bắt đầu bằng https://, không phải "${endpoint}"`,
      en: `THIDUA_GRAPH_ENDPOINT must be https://, not "${endpoint}"`,
    });
  const segments = url.pathname.split("/").filter(Boolean);
  const version = segments.pop() ?? "v1.0";
  return {
    baseUrl: `${url.origin}/${segments.map((segment) => `${segment}/`).join("")}`,
    version,
    host: url.hostname,
    origin: url.origin,
  };
}

/**
 * The one place a Graph client is built (reading the drive, uploading, sending mail). Middleware:
 * our retry, which also sets the one Authorization header of each attempt → the SDK's fetch. (The
 * SDK's AuthenticationHandler is not used: it appends the header on every retry.)
 */
export function createGraphClient(options: GraphClientOptions): GraphConnection {
  const endpoint = (options.endpoint ?? DEFAULT_GRAPH_ENDPOINT).replace(/\/+$/, "");
  const { baseUrl, version, host, origin } = splitEndpoint(endpoint);
  const credential = new RenewableCredential(options.credential);
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const runner = new RetryRunner(retry);
  // National clouds have their own resource: the token is for the endpoint's origin.
  const scopes = [`${origin}/.default`];
  const client = Client.initWithMiddleware({
    middleware: [new RetryHandler(runner, credential, scopes, origin), new HTTPMessageHandler()],
    baseUrl,
    defaultVersion: version,
    // Graph's own hosts are known to the SDK; any other (a test server) must be named to get the token.
    customHosts: new Set([host]),
    ...(options.fetchOptions ? { fetchOptions: options.fetchOptions } : {}),
  });
  return {
    client,
    endpoint,
    fetchOptions: options.fetchOptions ?? {},
    retry,
    runner,
    credential,
    origin,
    scopes,
  };
}

/** THIDUA_GRAPH_ENDPOINT or the global cloud. */
export function graphEndpointFromEnvironment(env: Readonly<Record<string, string | undefined>>): string {
  return env.THIDUA_GRAPH_ENDPOINT?.trim() || DEFAULT_GRAPH_ENDPOINT;
}
