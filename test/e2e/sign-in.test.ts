import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "acorn";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { ENTRA_HOST, IdentityTestServer } from "../auth/identity-test-server";
import { GraphTestServer, TEST_DRIVE_ID } from "../graph/graph-test-server";
import { describeWithTool } from "../support/tools";
import { CHROMIUM, CHROMIUM_FLAGS } from "./browser";
import { startConnectProxy, type ConnectProxy } from "./connect-proxy";
import { serveFolder } from "./serve";
import { dropFile } from "./drop-file";
import { BUILD, buildAddin } from "./send-site";
import { corpusBytes } from "../fixtures/corpus-bytes";

/**
 * Issue 16, sign-in end to end: the production build on the standalone page, with
 * `tokenProvider: "msal"` and the province's client id and tenant, signs in with the real
 * @azure/msal-browser against a local identity platform (test/auth/identity-test-server.ts, reached as
 * login.microsoftonline.com through a CONNECT proxy that tunnels only that host to it, test/e2e/connect-proxy.ts:
 * the authority is the production one, and no privileged port is needed), then
 * sends with that token to the strict Graph test server.
 */

const CLIENT_ID = "0f4f9d5e-7a3b-4c2d-9e1f-2a3b4c5d6e7f";
const TENANT_ID = "8c1e5f0a-1b2c-4d3e-8f9a-0b1c2d3e4f5a";
const SCOPE = "https://graph.microsoft.com/Files.ReadWrite.All";

/** Clicks "Gửi Sở Nội vụ" (a real click: the popup needs the officer's gesture), confirming a replace. */
async function sendAndWait(page: Page): Promise<string> {
  await page.click('[data-testid="send-button"]');
  const outcome = page.locator(
    '[data-testid="receipt-text"], [data-testid="send-failed"], [data-testid="send-ask"][data-code="SEND_CONFIRM_REPLACE"]',
  );
  await outcome.first().waitFor({ timeout: 60_000 });
  if (await page.locator('[data-testid="send-ask"]').isVisible()) {
    await page.click('[data-testid="send-confirm"]');
    await page
      .locator('[data-testid="receipt-text"], [data-testid="send-failed"]')
      .first()
      .waitFor({ timeout: 60_000 });
  }
  const failed = page.locator('[data-testid="send-failed"]');
  if (await failed.isVisible()) throw new Error(`send failed: ${await failed.innerText()}`);
  return page.locator('[data-testid="receipt-text"]').innerText();
}

describeWithTool("chromium", "signing in with MSAL on the standalone page, then sending", () => {
  let graph: GraphTestServer;
  let identity: IdentityTestServer;
  let proxy: ConnectProxy;
  let site: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  let profile: string;
  let folderId: string;
  let valid: Uint8Array;
  /** The identity platform's clock runs ahead by this much (a day passing, for its refresh tokens). */
  let skew = 0;

  beforeAll(async () => {
    buildAddin();
    graph = await new GraphTestServer().start();
    folderId = graph.ensureFolder("SoNoiVu/NopBaoCao");
    // config.json as the province writes it: tokenProvider "msal" is the default.
    const config = {
      provincialPlanDate: FIXTURE_CONFIG.provincialPlanDate,
      expectedKinds: FIXTURE_CONFIG.expectedKinds,
      submission: {
        folder: `onedrive:${TEST_DRIVE_ID}/${folderId}`,
        clientId: CLIENT_ID,
        tenant: "hatinh.gov.vn",
        graphEndpoint: graph.endpoint,
      },
    };
    site = await serveFolder(BUILD, { "/config.json": JSON.stringify(config) });
    identity = await new IdentityTestServer(
      {
        clientId: CLIENT_ID,
        tenantId: TENANT_ID,
        domains: ["hatinh.gov.vn"],
        spaRedirectUris: [`${site.url}auth-redirect.html`],
        delegated: [SCOPE],
      },
      // Graph accepts what the identity platform issued, nothing else.
      (token) => graph.acceptToken(token),
      () => Date.now() + skew,
    ).start();
    proxy = await startConnectProxy({ [`${ENTRA_HOST}:443`]: identity.port });
    profile = mkdtempSync(join(tmpdir(), "thidua-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        ...CHROMIUM_FLAGS,
        // Entra's host is tunnelled to the identity test server (its certificate is for localhost:
        // accepted below, as for the Graph test server); every other host is refused by the proxy,
        // office.js's CDN included (standalone mode).
        `--proxy-server=${proxy.url}`,
      ],
      ignoreHTTPSErrors: true,
    });
    valid = await corpusBytes("kh-valid.xlsx");
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await site?.close();
    await proxy?.close();
    await identity?.close();
    await graph?.close();
  });

  it("signs in through MSAL's popup (PKCE, cross-origin redemption, the one scope) and sends with that token", async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}taskpane.html`);
    await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');
    await dropFile(page, "Bao cao final.xlsx", valid);
    const popup = context.waitForEvent("page", { timeout: 30_000 });
    const receipt = sendAndWait(page);
    const opened = await popup;
    const text = await receipt;
    expect(text).toContain("KH_SKHCN.xlsx");
    expect(opened.isClosed()).toBe(true);

    const files = graph.filesUnder(folderId);
    expect(files.map((file) => file.path)).toEqual(["KH/KH_SKHCN.xlsx"]);
    expect(Buffer.from(files[0]?.item.bytes ?? []).equals(Buffer.from(valid))).toBe(true);

    const [authorize] = identity.authorizeRequests;
    expect(authorize?.refused).toBeNull();
    expect(authorize?.query["code_challenge_method"]).toBe("S256");
    expect(authorize?.query["redirect_uri"]).toBe(`${site.url}auth-redirect.html`);
    // Exactly the least-privilege delegated scope, with OpenID Connect's own.
    const asked = (authorize?.query["scope"] ?? "").split(" ").sort();
    expect(asked.filter((scope) => scope.startsWith("https://"))).toEqual([SCOPE]);
    expect(
      asked.every((scope) => scope === SCOPE || ["openid", "profile", "offline_access"].includes(scope)),
    ).toBe(true);
    const redeemed = identity.tokenRequests.filter((request) => request.refused === null);
    expect(redeemed[0]?.origin).toBe(new URL(site.url).origin);
    expect(redeemed[0]?.form["grant_type"]).toBe("authorization_code");
    expect(identity.tokenRequests.some((request) => "client_secret" in request.form)).toBe(false);
    // Every Graph call carried the token the identity platform issued.
    const api = graph.requests.filter((request) => request.kind === "api" && request.method !== "OPTIONS");
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((request) => request.authorization === `Bearer ${identity.accessTokens[0]}`)).toBe(true);
    expect(graph.badAuthorizations()).toEqual([]);
    await page.close();
  });

  it("after Graph declares the token expired (401), gets a fresh one silently and sends", async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}taskpane.html`);
    await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');
    await dropFile(page, "Bao cao final.xlsx", valid);
    for (const token of identity.accessTokens) graph.expiredTokens.add(token);
    const issuedBefore = identity.accessTokens.length;
    const authorizeBefore = identity.authorizeRequests.length;
    graph.resetCounts();
    let popups = 0;
    context.on("page", () => (popups += 1));
    const text = await sendAndWait(page);
    expect(text).toContain("KH_SKHCN.xlsx");
    expect(popups).toBe(0);
    expect(identity.accessTokens.length).toBe(issuedBefore + 1);
    const fresh = identity.accessTokens.at(-1);
    // No interaction: MSAL redeemed its refresh token (or a silent iframe), no popup opened.
    const api = graph.requests.filter((request) => request.kind === "api" && request.method !== "OPTIONS");
    expect(api[0]?.authorization).not.toBe(`Bearer ${fresh}`);
    expect(api.slice(1).every((request) => request.authorization === `Bearer ${fresh}`)).toBe(true);
    expect(identity.authorizeRequests.slice(authorizeBefore).every((r) => r.query["prompt"] === "none")).toBe(
      true,
    );
    await page.close();
  });

  it("a day later the refresh token has expired (AADSTS700084), Entra's session too: the popup opens and the send goes through", async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}taskpane.html`);
    await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');
    await dropFile(page, "Bao cao final.xlsx", valid);
    // 25 hours on at the identity platform: every refresh token issued so far is past its 24 hours.
    skew += 25 * 3600_000;
    // The session at Entra ended as well (sign-in frequency): a hidden iframe gets login_required.
    identity.signedIn = false;
    for (const token of identity.accessTokens) graph.expiredTokens.add(token);
    const tokensBefore = identity.tokenRequests.length;
    const authorizeBefore = identity.authorizeRequests.length;
    const popup = context.waitForEvent("page", { timeout: 30_000 });
    const receipt = sendAndWait(page);
    await popup;
    expect(await receipt).toContain("KH_SKHCN.xlsx");
    const refused = identity.tokenRequests.slice(tokensBefore).map((request) => request.refused ?? "");
    expect(refused.some((description) => description.startsWith("AADSTS700084"))).toBe(true);
    // The interactive sign-in: an /authorize without prompt=none, for the officer who was signed in.
    const interactive = identity.authorizeRequests
      .slice(authorizeBefore)
      .filter((request) => request.query["prompt"] !== "none");
    expect(interactive).toHaveLength(1);
    expect(interactive[0]?.refused).toBeNull();
    expect(interactive[0]?.query["login_hint"]).toBe(identity.user.upn);
    const fresh = identity.accessTokens.at(-1);
    const api = graph.requests.filter((request) => request.kind === "api" && request.method !== "OPTIONS");
    expect(api.at(-1)?.authorization).toBe(`Bearer ${fresh}`);
    await page.close();
  });

  it("signs in by redirect where the browser blocks the popup, and sends after coming back", async () => {
    const page = await context.newPage();
    // A popup blocker as MSAL meets it: window.open gives nothing (BrowserAuthError popup_window_error).
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await page.goto(`${site.url}taskpane.html`);
    // Signed out: MSAL's cache (localStorage) and interaction state (sessionStorage) emptied.
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await page.reload();
    await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');
    await dropFile(page, "Bao cao final.xlsx", valid);
    const authorizeBefore = identity.authorizeRequests.length;
    let popups = 0;
    context.on("page", () => (popups += 1));
    // Every top-level address the page goes through (the bridge may pass before a wait could start).
    const visited: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    await page.click('[data-testid="send-button"]');
    // Away to the identity platform and back, through the redirect bridge, to the pane.
    const back = Date.now() + 30_000;
    while (!visited.some((url) => /\/taskpane\.html$/.test(url)) && Date.now() < back)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');
    // /authorize answers with a redirect, so it is never a page of its own (counted below).
    expect(visited.map((url) => new URL(url).pathname.replace(/^.*\//, ""))).toEqual([
      "auth-redirect.html",
      "taskpane.html",
    ]);
    expect(identity.authorizeRequests.length).toBe(authorizeBefore + 1);
    expect(identity.authorizeRequests.at(-1)?.query["redirect_uri"]).toBe(`${site.url}auth-redirect.html`);
    // The check is done again on the returning page (the dropped file did not survive the navigation).
    await dropFile(page, "Bao cao final.xlsx", valid);
    const text = await sendAndWait(page);
    expect(text).toContain("KH_SKHCN.xlsx");
    expect(popups).toBe(0);
    expect(identity.authorizeRequests.length).toBe(authorizeBefore + 1);
    const fresh = identity.accessTokens.at(-1);
    const api = graph.requests.filter((request) => request.kind === "api" && request.method !== "OPTIONS");
    expect(api.at(-1)?.authorization).toBe(`Bearer ${fresh}`);
    await page.close();
  });

  it("the Office dialog page (Excel without NAA) signs in by redirect and hands the token over with messageParent", async () => {
    const page = await context.newPage();
    const messages: string[] = [];
    await page.exposeFunction("thiduaMessageParent", (message: string) => void messages.push(message));
    // Office in a dialog, as much as auth-dialog.html uses: onReady, and messageParent to the pane.
    await page.route(/appsforoffice\.microsoft\.com\/.*office\.js$/, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `window.Office = { onReady: function (callback) { var info = { host: "Excel" };
          if (callback) callback(info); return Promise.resolve(info); },
          context: { ui: { messageParent: function (message) { window.thiduaMessageParent(message); } } } };`,
      }),
    );
    await page.goto(`${site.url}taskpane.html`);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    const authorizeBefore = identity.authorizeRequests.length;
    const dialog = new URL("auth-dialog.html", site.url);
    dialog.searchParams.set("clientId", CLIENT_ID);
    dialog.searchParams.set("tenant", "hatinh.gov.vn");
    const visited: string[] = [];
    page.on("framenavigated", (frame) => visited.push(new URL(frame.url()).pathname));
    await page.goto(dialog.href);
    for (let tries = 0; messages.length === 0 && tries < 300; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages).toHaveLength(1);
    // To the identity platform and back through the redirect bridge to the dialog page, which answered.
    expect(visited).toEqual(["/auth-dialog.html", "/auth-redirect.html", "/auth-dialog.html"]);
    const answer = JSON.parse(messages[0] as string) as {
      status: string;
      accessToken: string;
      expiresOn: number;
      username?: string;
    };
    // The pane's login hint for the next dialog.
    expect(answer.username).toBe(identity.user.upn);
    expect(answer.status).toBe("success");
    expect(answer.accessToken).toBe(identity.accessTokens.at(-1));
    expect(answer.expiresOn).toBeGreaterThan(Date.now());
    expect(identity.authorizeRequests.length).toBe(authorizeBefore + 1);
    expect(identity.authorizeRequests.at(-1)?.query["scope"]?.split(" ")).toContain(SCOPE);
    // No account named by the pane, none active: Entra's account picker, not a cached session.
    expect(identity.authorizeRequests.at(-1)?.query["prompt"]).toBe("select_account");
    await page.close();
  });

  it("MSAL's chunk and the sign-in pages parse at ES2017, like the pane's bundle (webpack.config.js, ES_TARGET)", () => {
    const scripts = readdirSync(BUILD).filter((name) => name.endsWith(".js"));
    expect(scripts.filter((name) => /^auth-(dialog|redirect)\./.test(name))).toHaveLength(2);
    // taskpane, MSAL's chunk (loaded on demand), auth-dialog, auth-redirect.
    expect(scripts).toHaveLength(4);
    for (const name of scripts)
      expect(() =>
        parse(readFileSync(join(BUILD, name), "utf8"), { ecmaVersion: 2017, sourceType: "script" }),
      ).not.toThrow();
    // MSAL stays out of the pane's own bundle: its first paint does not wait for sign-in code.
    const pane = scripts.find((name) => name.startsWith("taskpane.")) as string;
    expect(readFileSync(join(BUILD, pane), "utf8")).not.toContain("msal.js.browser");
  });
});
