import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { listenHttps, makeCertificate, type HttpsListener } from "../graph/graph-test-server";

/**
 * A local Microsoft identity platform for one single-page application, as strict as Entra ID on what
 * the pane relies on: OIDC discovery, /authorize and /token of the authorization code flow with PKCE,
 * and the refresh-token grant. No user interface: the test user is signed in and has consented.
 * It speaks HTTPS (self-signed, localhost); a browser reaches it as login.microsoftonline.com through a
 * CONNECT proxy (test/e2e/connect-proxy.ts), so the production build runs with its real authority.
 *
 * Each refusal cites the page it follows:
 */
const DOCS = {
  // "Microsoft identity platform and OAuth 2.0 authorization code flow": SPA redirect URIs need the spa
  // type; the code is redeemed by a cross-origin request (Origin header) or refused with AADSTS9002327;
  // code_challenge_method S256 and the code_verifier of the request; codes are short-lived and one-use;
  // "the Microsoft identity platform also blocks the use of client credentials in all flows in the
  // presence of an Origin header".
  authCode: "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow",
  // "Redirect URI (reply URL) restrictions": https only, except loopback (localhost, 127.0.0.1) where the
  // port is not compared; otherwise an exact, case-sensitive match (AADSTS50011).
  replyUrl: "https://learn.microsoft.com/en-us/entra/identity-platform/reply-url",
  // "Refresh tokens in the Microsoft identity platform": SPA refresh tokens live 24 hours and are
  // redeemed, like codes, from the browser (Origin); "additional refresh tokens acquired using the
  // initial refresh token carry over that expiration time" (AADSTS700084 after it); a refresh token is
  // bound to the user and client, not to a resource: it gets any scope consented to, no other.
  refresh: "https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens",
  // "OpenID Connect on the Microsoft identity platform": /{tenant}/v2.0/.well-known/openid-configuration.
  oidc: "https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc",
  // The refresh request of the auth code flow page (DOCS.authCode, "Refresh the access token"): `scope`
  // is required (AADSTS900144 names a missing parameter).
  // "Microsoft Entra authentication and authorization error codes" for the AADSTS numbers below.
  errors: "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes",
} as const;
void DOCS;

/** The host browsers believe they talk to. */
export const ENTRA_HOST = "login.microsoftonline.com";
/** The resource's scopes are granted only as registered; these OIDC ones come with any sign-in. */
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);
const CODE_LIFETIME_MS = 10 * 60 * 1000;
const ACCESS_LIFETIME_S = 3600;
/** A SPA's refresh token: 24 hours from the sign-in, not extended by redeeming it (DOCS.refresh). */
const SPA_REFRESH_LIFETIME_MS = 24 * 3600 * 1000;

export interface SpaRegistration {
  readonly clientId: string;
  /** The tenant's id (a GUID); `domains` also name it in the authority. */
  readonly tenantId: string;
  readonly domains: readonly string[];
  /** The redirect URIs of the "Single-page application" platform. */
  readonly spaRedirectUris: readonly string[];
  /** Delegated permissions granted (consented), as full scope names. */
  readonly delegated: readonly string[];
}

export interface AuthorizeRecord {
  readonly query: Readonly<Record<string, string>>;
  readonly refused: string | null;
}

export interface TokenRecord {
  readonly form: Readonly<Record<string, string>>;
  readonly origin: string | null;
  readonly refused: string | null;
}

interface IssuedCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly scopes: readonly string[];
  readonly nonce: string | undefined;
  readonly until: number;
  used: boolean;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

export class IdentityTestServer {
  readonly authorizeRequests: AuthorizeRecord[] = [];
  readonly tokenRequests: TokenRecord[] = [];
  /** Access tokens issued, in order; told to `onAccessToken` (the Graph test server accepts them). */
  readonly accessTokens: string[] = [];
  private readonly codes = new Map<string, IssuedCode>();
  private readonly refreshTokens = new Map<
    string,
    { clientId: string; scopes: readonly string[]; until: number }
  >();
  private listener: HttpsListener | undefined;
  private certificate: { key: string; cert: string } | undefined;
  port = 0;
  readonly user = { oid: randomUUID(), name: "Cán bộ thử", upn: "canbo@hatinh.gov.vn" };

  constructor(
    readonly app: SpaRegistration,
    private readonly onAccessToken: (token: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get ca(): string {
    if (this.certificate === undefined) throw new Error("start() first");
    return this.certificate.cert;
  }

  /** On `port` (any free one by default: browsers reach it through a CONNECT proxy). */
  async start(port = 0): Promise<this> {
    this.certificate ??= await makeCertificate();
    this.listener = await listenHttps(
      this.certificate,
      (request, response) => {
        void this.handle(request, response).catch((error: unknown) => {
          response.writeHead(500).end(String(error));
        });
      },
      port,
    );
    this.port = this.listener.port;
    return this;
  }

  async close(): Promise<void> {
    await this.listener?.close();
  }

  private issuer(): string {
    return `https://${ENTRA_HOST}/${this.app.tenantId}/v2.0`;
  }

  private knownTenant(tenant: string): boolean {
    return tenant === this.app.tenantId || this.app.domains.includes(tenant) || tenant === "organizations";
  }

  /** Exact and case-sensitive; for loopback http, any port (DOCS.replyUrl). */
  private registered(redirectUri: string): boolean {
    if (this.app.spaRedirectUris.includes(redirectUri)) return true;
    let asked: URL;
    try {
      asked = new URL(redirectUri);
    } catch {
      return false;
    }
    if (asked.protocol !== "http:" || !["localhost", "127.0.0.1"].includes(asked.hostname)) return false;
    return this.app.spaRedirectUris.some((uri) => {
      const known = new URL(uri);
      return (
        known.protocol === "http:" && known.hostname === asked.hostname && known.pathname === asked.pathname
      );
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", `https://${ENTRA_HOST}`);
    const [, tenant = "", ...rest] = url.pathname.split("/");
    const path = rest.join("/");
    const origin = typeof request.headers.origin === "string" ? request.headers.origin : null;
    const cors: Record<string, string> =
      origin === null ? {} : { "access-control-allow-origin": origin, vary: "Origin" };
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        ...cors,
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": String(request.headers["access-control-request-headers"] ?? ""),
        "access-control-max-age": "3600",
      });
      response.end();
      return;
    }
    if (!this.knownTenant(tenant))
      return this.json(response, 400, cors, "invalid_tenant", `AADSTS90002: Tenant '${tenant}' not found.`);
    const base = `https://${ENTRA_HOST}/${tenant}`;
    if (request.method === "GET" && path === "v2.0/.well-known/openid-configuration") {
      response.writeHead(200, { ...cors, "content-type": "application/json" });
      response.end(
        JSON.stringify({
          issuer: this.issuer(),
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
          response_modes_supported: ["query", "fragment", "form_post"],
          scopes_supported: ["openid", "profile", "email", "offline_access"],
          code_challenge_methods_supported: ["plain", "S256"],
          token_endpoint_auth_methods_supported: [
            "client_secret_post",
            "private_key_jwt",
            "client_secret_basic",
          ],
        }),
      );
      return;
    }
    if (request.method === "GET" && path === "oauth2/v2.0/authorize") return this.authorize(url, response);
    if (request.method === "POST" && path === "oauth2/v2.0/token") {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      return this.token(
        Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))),
        origin,
        cors,
        response,
      );
    }
    response.writeHead(404).end();
  }

  /** A refusal before any redirect: Entra shows its error page, the app gets nothing back. */
  private page(response: ServerResponse, query: Record<string, string>, message: string): void {
    this.authorizeRequests.push({ query, refused: message });
    response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    response.end(message);
  }

  private authorize(url: URL, response: ServerResponse): void {
    const query = Object.fromEntries(url.searchParams);
    const redirectUri = query["redirect_uri"] ?? "";
    if (query["client_id"] !== this.app.clientId)
      return this.page(response, query, `AADSTS700016: Application '${query["client_id"]}' was not found.`);
    if (!this.registered(redirectUri))
      return this.page(
        response,
        query,
        "AADSTS50011: The redirect URI specified in the request does not match.",
      );
    const mode = query["response_mode"] ?? "query";
    const back = (params: Record<string, string>) => {
      const target = new URL(redirectUri);
      const encoded = new URLSearchParams({
        ...params,
        ...(query["state"] ? { state: query["state"] } : {}),
      });
      if (mode === "fragment") target.hash = encoded.toString();
      else target.search = encoded.toString();
      response.writeHead(302, { location: target.href });
      response.end();
    };
    const refuse = (error: string, description: string) => {
      this.authorizeRequests.push({ query, refused: description });
      back({ error, error_description: description });
    };
    if (query["response_type"] !== "code")
      return refuse("unsupported_response_type", "AADSTS700054: response_type 'code' expected.");
    // PKCE, S256: a SPA's code must be bound to a challenge (DOCS.authCode).
    if (!query["code_challenge"] || query["code_challenge_method"] !== "S256")
      return refuse(
        "invalid_request",
        "AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.",
      );
    const scopes = (query["scope"] ?? "").split(" ").filter(Boolean);
    const resource = scopes.filter((scope) => !OIDC_SCOPES.has(scope));
    const missing = resource.filter((scope) => !this.app.delegated.includes(scope));
    if (missing.length > 0)
      return refuse(
        "invalid_client",
        `AADSTS65001: The user or administrator has not consented to use the application for ${missing.join(" ")}.`,
      );
    if (query["prompt"] === "none" && !this.signedIn)
      return refuse(
        "login_required",
        "AADSTS50058: A silent sign-in request was sent but no user is signed in.",
      );
    this.signedIn = true;
    const code = base64url(randomBytes(32));
    this.codes.set(code, {
      clientId: this.app.clientId,
      redirectUri,
      challenge: query["code_challenge"],
      scopes,
      nonce: query["nonce"],
      until: this.now() + CODE_LIFETIME_MS,
      used: false,
    });
    this.authorizeRequests.push({ query, refused: null });
    back({ code, client_info: this.clientInfo(), session_state: randomUUID() });
  }

  /** The browser session at the identity provider (a cookie at Entra); the first /authorize signs in. */
  signedIn = false;

  private clientInfo(): string {
    return base64url(JSON.stringify({ uid: this.user.oid, utid: this.app.tenantId }));
  }

  private json(
    response: ServerResponse,
    status: number,
    cors: Record<string, string>,
    error: string,
    description: string,
  ): void {
    response.writeHead(status, { ...cors, "content-type": "application/json" });
    response.end(
      JSON.stringify({
        error,
        error_description: description,
        error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
      }),
    );
  }

  private token(
    form: Record<string, string>,
    origin: string | null,
    cors: Record<string, string>,
    response: ServerResponse,
  ): void {
    const refuse = (status: number, error: string, description: string) => {
      this.tokenRequests.push({ form, origin, refused: description });
      this.json(response, status, cors, error, description);
    };
    // Public client: no secret, no assertion, least of all from a browser (DOCS.authCode).
    if (form["client_secret"] !== undefined || form["client_assertion"] !== undefined)
      return refuse(
        401,
        "invalid_client",
        "AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
      );
    if (form["client_id"] !== this.app.clientId)
      return refuse(
        400,
        "unauthorized_client",
        `AADSTS700016: Application '${form["client_id"]}' was not found.`,
      );
    // SPA tokens are redeemed cross-origin only (DOCS.authCode, DOCS.refresh).
    if (origin === null)
      return refuse(
        400,
        "invalid_request",
        "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
      );
    let scopes: readonly string[];
    if (form["grant_type"] === "authorization_code") {
      const code = this.codes.get(form["code"] ?? "");
      if (code === undefined || code.used || code.until < this.now())
        return refuse(
          400,
          "invalid_grant",
          "AADSTS70008: The provided authorization code or refresh token has expired or was already used.",
        );
      code.used = true;
      if (form["redirect_uri"] !== code.redirectUri)
        return refuse(
          400,
          "invalid_grant",
          "AADSTS50148: The redirect_uri does not match the one of the authorization request.",
        );
      const verifier = form["code_verifier"] ?? "";
      if (base64url(createHash("sha256").update(verifier).digest()) !== code.challenge)
        return refuse(
          400,
          "invalid_grant",
          "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.",
        );
      scopes = code.scopes;
      return this.issue(
        form,
        origin,
        cors,
        response,
        scopes,
        code.nonce,
        this.now() + SPA_REFRESH_LIFETIME_MS,
      );
    }
    if (form["grant_type"] === "refresh_token") {
      const held = this.refreshTokens.get(form["refresh_token"] ?? "");
      if (held === undefined || held.clientId !== form["client_id"])
        return refuse(400, "invalid_grant", "AADSTS70000: The provided refresh token is invalid.");
      // 24 hours from the sign-in, whatever was redeemed since (DOCS.refresh).
      if (held.until <= this.now())
        return refuse(
          400,
          "invalid_grant",
          "AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.",
        );
      if (form["scope"] === undefined)
        return refuse(
          400,
          "invalid_request",
          "AADSTS900144: The request body must contain the following parameter: 'scope'.",
        );
      // Any resource scope consented to, and nothing else (DOCS.refresh): AADSTS65001 otherwise.
      const asked = form["scope"].split(" ").filter(Boolean);
      const missing = asked.filter((scope) => !OIDC_SCOPES.has(scope) && !this.app.delegated.includes(scope));
      if (missing.length > 0)
        return refuse(
          400,
          "invalid_grant",
          `AADSTS65001: The user or administrator has not consented to use the application for ${missing.join(" ")}.`,
        );
      this.refreshTokens.delete(form["refresh_token"] ?? "");
      return this.issue(form, origin, cors, response, asked, undefined, held.until);
    }
    return refuse(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
  }

  private issue(
    form: Record<string, string>,
    origin: string,
    cors: Record<string, string>,
    response: ServerResponse,
    scopes: readonly string[],
    nonce: string | undefined,
    refreshUntil: number,
  ): void {
    const accessToken = base64url(randomBytes(24));
    const refreshToken = base64url(randomBytes(24));
    this.refreshTokens.set(refreshToken, { clientId: this.app.clientId, scopes, until: refreshUntil });
    this.accessTokens.push(accessToken);
    this.onAccessToken(accessToken);
    const seconds = Math.floor(this.now() / 1000);
    const idToken = [
      base64url(JSON.stringify({ typ: "JWT", alg: "RS256", kid: "test" })),
      base64url(
        JSON.stringify({
          aud: this.app.clientId,
          iss: this.issuer(),
          iat: seconds,
          nbf: seconds,
          exp: seconds + ACCESS_LIFETIME_S,
          name: this.user.name,
          oid: this.user.oid,
          preferred_username: this.user.upn,
          sub: base64url(this.user.oid),
          tid: this.app.tenantId,
          ver: "2.0",
          ...(nonce === undefined ? {} : { nonce }),
        }),
      ),
      base64url("not-checked-by-the-browser"),
    ].join(".");
    const granted = scopes.filter((scope) => scope !== "offline_access");
    this.tokenRequests.push({ form, origin, refused: null });
    response.writeHead(200, { ...cors, "content-type": "application/json" });
    response.end(
      JSON.stringify({
        token_type: "Bearer",
        scope: granted.join(" "),
        expires_in: ACCESS_LIFETIME_S,
        ext_expires_in: ACCESS_LIFETIME_S,
        access_token: accessToken,
        refresh_token: refreshToken,
        // SPA refresh tokens: what is left of the sign-in's 24 hours (DOCS.refresh).
        refresh_token_expires_in: Math.max(0, Math.floor((refreshUntil - this.now()) / 1000)),
        id_token: idToken,
        client_info: this.clientInfo(),
      }),
    );
  }
}
