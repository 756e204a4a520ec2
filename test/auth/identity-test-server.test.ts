import { createHash, randomBytes } from "node:crypto";
import { Agent } from "undici";
import { IdentityTestServer } from "./identity-test-server";

/** The identity test server refuses what Entra ID refuses (each refusal cites its page there). */

const CLIENT_ID = "0f4f9d5e-7a3b-4c2d-9e1f-2a3b4c5d6e7f";
const REDIRECT = "https://addin.hatinh.gov.vn/thidua/auth-redirect.html";
const SCOPE = "https://graph.microsoft.com/Files.ReadWrite.All";
const ORIGIN = "https://addin.hatinh.gov.vn";

let server: IdentityTestServer;
let dispatcher: Agent;
const issued: string[] = [];

beforeAll(async () => {
  server = await new IdentityTestServer(
    {
      clientId: CLIENT_ID,
      tenantId: "8c1e5f0a-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
      domains: ["hatinh.gov.vn"],
      spaRedirectUris: [REDIRECT, "http://localhost:3000/auth-redirect.html"],
      delegated: [SCOPE],
    },
    (token) => issued.push(token),
  ).start();
  dispatcher = new Agent({ connect: { ca: server.ca } });
});
afterAll(() => server.close());

const base = () => `https://localhost:${server.port}/hatinh.gov.vn`;
const call = (url: string, init: RequestInit = {}) =>
  fetch(url, { redirect: "manual", ...init, dispatcher } as RequestInit);
const b64url = (bytes: Buffer) => bytes.toString("base64url");

/** /authorize with PKCE; answers the code and the verifier that goes with it. */
async function authorize(changes: Record<string, string | null> = {}) {
  const verifier = b64url(randomBytes(32));
  const params: Record<string, string | null> = {
    client_id: CLIENT_ID,
    response_type: "code",
    redirect_uri: REDIRECT,
    scope: `${SCOPE} openid profile offline_access`,
    code_challenge: b64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
    state: "s1",
    nonce: "n1",
    response_mode: "fragment",
    ...changes,
  };
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== null),
  );
  const response = await call(`${base()}/oauth2/v2.0/authorize?${query}`);
  const location = response.headers.get("location");
  const answer = location === null ? null : new URLSearchParams(new URL(location).hash.slice(1));
  return { response, answer, verifier, text: location === null ? await response.text() : "" };
}

function redeem(form: Record<string, string>, origin: string | null = ORIGIN) {
  return call(`${base()}/oauth2/v2.0/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(origin === null ? {} : { origin }),
    },
    body: new URLSearchParams(form).toString(),
  });
}

describe("the identity test server", () => {
  it("serves OpenID discovery for the tenant's domain, and no other tenant", async () => {
    const found = await call(`${base()}/v2.0/.well-known/openid-configuration`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({
      token_endpoint: "https://login.microsoftonline.com/hatinh.gov.vn/oauth2/v2.0/token",
    });
    const other = await call(
      `https://localhost:${server.port}/contoso.com/v2.0/.well-known/openid-configuration`,
    );
    expect(other.status).toBe(400);
  });

  it("issues a code for a registered SPA redirect URI, with PKCE S256, and redeems it once from a browser", async () => {
    const { response, answer, verifier } = await authorize();
    expect(response.status).toBe(302);
    expect(answer?.get("state")).toBe("s1");
    const code = answer?.get("code") ?? "";
    const form = {
      client_id: CLIENT_ID,
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      scope: SCOPE,
    };
    const token = await redeem(form);
    expect(token.status).toBe(200);
    expect(token.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const body = (await token.json()) as { access_token: string; refresh_token: string; id_token: string };
    expect(issued).toContain(body.access_token);
    const claims = JSON.parse(Buffer.from(body.id_token.split(".")[1] ?? "", "base64url").toString()) as {
      nonce?: string;
    };
    expect(claims.nonce).toBe("n1");
    // One use only (AADSTS70008).
    expect(((await (await redeem(form)).json()) as { error: string }).error).toBe("invalid_grant");
    // The refresh token, from the browser too; used once.
    const refreshForm = {
      client_id: CLIENT_ID,
      grant_type: "refresh_token",
      refresh_token: body.refresh_token,
      scope: `${SCOPE} openid profile offline_access`,
    };
    expect((await redeem(refreshForm, null)).status).toBe(400);
    expect((await redeem(refreshForm)).status).toBe(200);
    expect((await redeem(refreshForm)).status).toBe(400);
  });

  it("refuses what Entra refuses", async () => {
    // An unregistered redirect URI: Entra's page, nothing sent back (AADSTS50011).
    const wrong = await authorize({ redirect_uri: "https://evil.example/auth-redirect.html" });
    expect(wrong.response.status).toBe(400);
    expect(wrong.text).toMatch(/AADSTS50011/);
    // Loopback http: any port; another path is not the registered URI.
    expect(
      (await authorize({ redirect_uri: "http://localhost:4000/auth-redirect.html" })).response.status,
    ).toBe(302);
    expect((await authorize({ redirect_uri: "http://localhost:3000/other.html" })).response.status).toBe(400);
    // No PKCE (AADSTS9002325); a permission not granted (AADSTS65001).
    expect((await authorize({ code_challenge: null })).answer?.get("error_description")).toMatch(
      /AADSTS9002325/,
    );
    expect(
      (await authorize({ scope: "https://graph.microsoft.com/Sites.ReadWrite.All openid" })).answer?.get(
        "error",
      ),
    ).toBe("invalid_client");

    const fresh = async () => {
      const { answer, verifier } = await authorize();
      return {
        client_id: CLIENT_ID,
        grant_type: "authorization_code",
        code: answer?.get("code") ?? "",
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      };
    };
    // Redeemed by a server (no Origin): AADSTS9002327.
    const noOrigin = await redeem(await fresh(), null);
    expect(((await noOrigin.json()) as { error_description: string }).error_description).toMatch(
      /AADSTS9002327/,
    );
    // Another verifier, another redirect URI, a secret: refused.
    expect((await redeem({ ...(await fresh()), code_verifier: "x".repeat(43) })).status).toBe(400);
    expect(
      (await redeem({ ...(await fresh()), redirect_uri: "http://localhost:3000/auth-redirect.html" })).status,
    ).toBe(400);
    expect((await redeem({ ...(await fresh()), client_secret: "s" })).status).toBe(401);
  });
});

describe("the identity test server's refresh tokens, as Entra's for a SPA", () => {
  let clock = Date.parse("2026-12-02T08:00:00Z");
  let timed: IdentityTestServer;
  let agent: Agent;

  beforeAll(async () => {
    timed = await new IdentityTestServer(
      {
        clientId: CLIENT_ID,
        tenantId: "8c1e5f0a-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
        domains: ["hatinh.gov.vn"],
        spaRedirectUris: [REDIRECT],
        delegated: [SCOPE],
      },
      () => undefined,
      () => clock,
    ).start();
    agent = new Agent({ connect: { ca: timed.ca } });
  });
  afterAll(() => timed.close());

  const post = (form: Record<string, string>) =>
    fetch(`https://localhost:${timed.port}/hatinh.gov.vn/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      body: new URLSearchParams(form).toString(),
      dispatcher: agent,
    } as RequestInit);

  async function signIn(scope = `${SCOPE} openid profile offline_access`): Promise<string> {
    const verifier = b64url(randomBytes(32));
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: "code",
      redirect_uri: REDIRECT,
      scope,
      code_challenge: b64url(createHash("sha256").update(verifier).digest()),
      code_challenge_method: "S256",
      response_mode: "fragment",
    });
    const response = await fetch(
      `https://localhost:${timed.port}/hatinh.gov.vn/oauth2/v2.0/authorize?${query}`,
      {
        redirect: "manual",
        dispatcher: agent,
      } as RequestInit,
    );
    const code = new URLSearchParams(new URL(response.headers.get("location") ?? "").hash.slice(1)).get(
      "code",
    );
    const token = await post({
      client_id: CLIENT_ID,
      grant_type: "authorization_code",
      code: code ?? "",
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      scope,
    });
    return ((await token.json()) as { refresh_token: string }).refresh_token;
  }

  const refresh = (token: string, scope = `${SCOPE} openid profile offline_access`) =>
    post({ client_id: CLIENT_ID, grant_type: "refresh_token", refresh_token: token, scope });

  it("expire 24 hours after the sign-in, however often they are redeemed (AADSTS700084)", async () => {
    let token = await signIn();
    clock += 23 * 3600_000;
    const renewed = await refresh(token);
    expect(renewed.status).toBe(200);
    token = ((await renewed.json()) as { refresh_token: string }).refresh_token;
    // The new refresh token keeps the first one's end: a SPA's sign-in lasts 24 hours (DOCS.refresh).
    clock += 1 * 3600_000 + 1;
    const expired = await refresh(token);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({
      error: "invalid_grant",
      error_description: expect.stringMatching(/AADSTS700084/),
    });
  });

  it("grant only scopes consented to (AADSTS65001), and need the scope parameter (AADSTS900144)", async () => {
    const token = await signIn();
    const wider = await refresh(
      token,
      "https://graph.microsoft.com/Sites.ReadWrite.All openid offline_access",
    );
    expect(wider.status).toBe(400);
    expect(await wider.json()).toMatchObject({
      error: "invalid_grant",
      error_description: expect.stringMatching(/AADSTS65001/),
    });
    const none = await post({ client_id: CLIENT_ID, grant_type: "refresh_token", refresh_token: token });
    expect(((await none.json()) as { error_description: string }).error_description).toMatch(/AADSTS900144/);
    // Refused requests do not spend the token; the granted scope still works.
    expect((await refresh(token)).status).toBe(200);
  });
});
