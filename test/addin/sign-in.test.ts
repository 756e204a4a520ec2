import {
  BrowserAuthError,
  ClientAuthError,
  InteractionRequiredAuthError,
  ServerError,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
  type PopupRequest,
  type RedirectRequest,
  type SilentRequest,
} from "@azure/msal-browser";
import { Agent } from "undici";
import { formatSendMessage, sendTarget, type SendTarget, type SubmissionConfig } from "../../core/index";
import { dialogAccount, dialogRedirectRequest } from "../../addin/auth/dialog-account";
import { SignInProblem } from "../../addin/auth/sign-in-problem";
import {
  failureMessage,
  parseSubmissionFolder,
  sendFile,
  sendSetupProblem,
  type SendTransport,
} from "../../addin/pane/send";
import {
  GRAPH_SCOPES,
  paneTokenSource,
  tokenSourceFor,
  type DialogLike,
  type OfficeLike,
  type SignInDeps,
  type TokenSource,
} from "../../addin/pane/sign-in";
import { GraphTestServer, TEST_DRIVE_ID } from "../graph/graph-test-server";

const CLIENT_ID = "11111111-2222-3333-4444-555555555555";
const SUBMISSION: SubmissionConfig = {
  folder: "onedrive:d/i",
  clientId: CLIENT_ID,
  tenant: "hatinh.gov.vn",
  graphEndpoint: "https://graph.microsoft.com/v1.0",
  tokenProvider: "msal",
};
const PANE_URL = "https://addin.hatinh.gov.vn/thidua/taskpane.html";
const ACCOUNT = { homeAccountId: "officer", username: "canbo@hatinh.gov.vn" } as AccountInfo;
/** The least-privilege delegated permission, and nothing else (addin/auth/scopes.ts says why). */
const ONLY_SCOPE = ["https://graph.microsoft.com/Files.ReadWrite.All"];

function result(accessToken: string): AuthenticationResult {
  return {
    accessToken,
    account: ACCOUNT,
    expiresOn: new Date(Date.now() + 3600_000),
  } as AuthenticationResult;
}

/**
 * MSAL's public client, as strict as MSAL: the standard client refuses a silent request with no account
 * (BrowserAuthError no_account_error, msal-browser's StandardController); under NAA, when Office has no
 * signed-in account to broker, the silent request fails with ClientAuthError no_account_found (the
 * bridge's ACCOUNT_UNAVAILABLE, msal-browser's webBrokerBridge/WebBrokerBridgeErrorMap); every request
 * is recorded.
 */
class FakePca {
  readonly calls: string[] = [];
  readonly requests: (SilentRequest | PopupRequest | RedirectRequest)[] = [];
  active: AccountInfo | null = null;
  accounts: AccountInfo[] = [];
  silent: (request: SilentRequest) => Promise<AuthenticationResult> = () =>
    Promise.reject(new InteractionRequiredAuthError("interaction_required", "test-correlation"));
  popup: () => Promise<AuthenticationResult> = () => Promise.resolve(result("popup-token"));
  redirectAnswer: AuthenticationResult | null = null;
  /** NAA: Office has a signed-in account it can broker a token for (none on a fresh install or a guest). */
  officeAccount = true;

  constructor(readonly nested: boolean) {}

  getActiveAccount() {
    return this.active;
  }
  setActiveAccount(account: AccountInfo | null) {
    this.active = account;
  }
  getAllAccounts() {
    return this.accounts;
  }
  handleRedirectPromise() {
    this.calls.push("handleRedirectPromise");
    return Promise.resolve(this.redirectAnswer);
  }
  acquireTokenSilent(request: SilentRequest) {
    this.calls.push(request.forceRefresh ? "silent(force)" : "silent");
    this.requests.push(request);
    if (!this.nested && request.account === undefined && this.active === null)
      return Promise.reject(new BrowserAuthError("no_account_error", "test-correlation"));
    if (this.nested && request.account === undefined && !this.officeAccount)
      return Promise.reject(new ClientAuthError("no_account_found", "test-correlation"));
    return this.silent(request);
  }
  acquireTokenPopup(request: PopupRequest) {
    this.calls.push("popup");
    this.requests.push(request);
    return this.popup();
  }
  acquireTokenRedirect(request: RedirectRequest) {
    this.calls.push("redirect");
    this.requests.push(request);
    return Promise.resolve();
  }
}

interface FakeOffice extends OfficeLike {
  readonly asked: string[];
  readonly dialogs: string[];
  /** What each displayDialogAsync call got back: "succeeded" or Office's error code. */
  readonly opened: (string | number)[];
}

type DialogScript =
  | { readonly message: string; readonly origin?: string }
  | { readonly error: number }
  | { readonly openError: number };

/**
 * Office in Excel: the requirement sets it reports, and a dialog that answers as told, as strict as
 * Office ("Handle errors and events in the Office dialog box",
 * https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events): the callback
 * comes later, never within displayDialogAsync; a second dialog while one is open is refused with 12007
 * ("A dialog box is already opened from this host window"); 12009 / 12011 (ignored, blocked by the
 * browser) come back from displayDialogAsync, with no dialog. Under DialogOrigin 1.1 a message carries
 * its page's origin.
 */
function fakeOffice(sets: Record<string, string>, script: (url: string) => DialogScript): FakeOffice {
  const asked: string[] = [];
  const dialogs: string[] = [];
  const opened: (string | number)[] = [];
  let open = false;
  const supported = (name: string, version?: string) => {
    const have = sets[name];
    return have !== undefined && Number(have) >= Number(version ?? "1.1");
  };
  return {
    asked,
    dialogs,
    opened,
    context: {
      requirements: {
        isSetSupported(name: string, version?: string) {
          asked.push(`${name} ${version ?? ""}`);
          return supported(name, version);
        },
      },
      ui: {
        displayDialogAsync(url, _options, callback) {
          dialogs.push(url);
          const answer = script(url);
          const refused = open ? 12007 : "openError" in answer ? answer.openError : null;
          if (refused === null) open = true;
          opened.push(refused ?? "succeeded");
          const handlers = new Map<
            string,
            (arg: { message?: string; error?: number; origin?: string }) => void
          >();
          let closed = false;
          const dialog: DialogLike = {
            addEventHandler: (type, handler) => void handlers.set(type, handler),
            close: () => {
              closed = true;
              open = false;
            },
          };
          setTimeout(() => {
            if (refused !== null) {
              callback({
                status: "failed",
                value: undefined as unknown as DialogLike,
                error: { code: refused },
              });
              return;
            }
            callback({ status: "succeeded", value: dialog });
            setTimeout(() => {
              if (closed) return;
              if ("message" in answer)
                handlers.get("dialogMessageReceived")?.({
                  message: answer.message,
                  ...(supported("DialogOrigin", "1.1")
                    ? { origin: answer.origin ?? new URL(url).origin }
                    : {}),
                });
              else if ("error" in answer) {
                // 12006: the user closed the dialog; it is gone.
                open = false;
                handlers.get("dialogEventReceived")?.({ error: answer.error });
              }
            }, 0);
          }, 0);
        },
      },
    },
  };
}

function deps(pca: FakePca, office?: OfficeLike) {
  const made: { kind: string; configuration: Configuration }[] = [];
  const factory = (kind: string) => (configuration: Configuration) => {
    made.push({ kind, configuration });
    return Promise.resolve(pca as unknown as IPublicClientApplication);
  };
  const value: SignInDeps = {
    createNestable: factory("nestable"),
    createStandard: factory("standard"),
    pageUrl: PANE_URL,
    ...(office === undefined ? {} : { office }),
  };
  return { deps: value, made };
}

function source(made: ReturnType<typeof tokenSourceFor>): TokenSource {
  if (made.source === undefined) throw new Error(JSON.stringify(made.problem));
  return made.source;
}

describe("choosing how to sign in", () => {
  it("keeps the page-global token for tests and diagnostics", async () => {
    const pca = new FakePca(false);
    const { deps: d, made } = deps(pca);
    const tokens = source(tokenSourceFor({ ...SUBMISSION, tokenProvider: "page-global" }, "standalone", d));
    (globalThis as { __thiduaToken?: string }).__thiduaToken = "from-page";
    try {
      expect(tokens.kind).toBe("page-global");
      expect(await tokens.token()).toBe("from-page");
    } finally {
      delete (globalThis as { __thiduaToken?: string }).__thiduaToken;
    }
    expect(await tokens.token()).toBeNull();
    expect(made).toEqual([]);
  });

  it("says what the province must set up when MSAL has no client id, and creates no client", () => {
    const pca = new FakePca(false);
    const { deps: d, made } = deps(pca);
    const answer = tokenSourceFor({ ...SUBMISSION, clientId: null }, "excel", d);
    expect(answer).toEqual({ problem: { code: "SEND_SIGN_IN_NOT_CONFIGURED" } });
    expect(formatSendMessage({ code: "SEND_SIGN_IN_NOT_CONFIGURED" }, "vi")).toMatch(/submission\.clientId/);
    expect(formatSendMessage({ code: "SEND_SIGN_IN_NOT_CONFIGURED" }, "en")).toMatch(/submission\.tenant/);
    expect(made).toEqual([]);
    // The button's own check agrees: configured MSAL is no setup problem.
    expect(sendSetupProblem({ ...SUBMISSION, clientId: null })).toEqual({
      code: "SEND_SIGN_IN_NOT_CONFIGURED",
    });
    expect(sendSetupProblem(SUBMISSION)).toBeNull();
  });

  it("asks for exactly the one least-privilege delegated scope", () => {
    expect(GRAPH_SCOPES).toEqual(ONLY_SCOPE);
  });
});

describe("in Excel", () => {
  it("uses nested app authentication where NestedAppAuth 1.1 is supported: silent, no dialog", async () => {
    const pca = new FakePca(true);
    pca.silent = () => Promise.resolve(result("naa-token"));
    const office = fakeOffice({ NestedAppAuth: "1.1" }, () => ({ error: 12006 }));
    const { deps: d, made } = deps(pca, office);
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", d));
    expect(tokens.kind).toBe("naa");
    expect(await tokens.token()).toBe("naa-token");
    expect(office.asked).toContain("NestedAppAuth 1.1");
    expect(office.dialogs).toEqual([]);
    expect(made.map((m) => m.kind)).toEqual(["nestable"]);
    expect(made[0]?.configuration.auth).toMatchObject({
      clientId: CLIENT_ID,
      authority: "https://login.microsoftonline.com/hatinh.gov.vn",
    });
    expect(pca.calls).toEqual(["silent"]);
    expect(pca.requests.map((r) => r.scopes)).toEqual([ONLY_SCOPE]);
  });

  it("goes interactive after Entra asks for interaction, not when offline, and forces a refresh after a 401", async () => {
    const pca = new FakePca(true);
    const office = fakeOffice({ NestedAppAuth: "1.1" }, () => ({ error: 12006 }));
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", deps(pca, office).deps));
    expect(await tokens.token()).toBe("popup-token");
    expect(pca.calls).toEqual(["silent", "popup"]);

    pca.calls.length = 0;
    pca.silent = () => Promise.reject(new BrowserAuthError("no_network_connectivity", "test-correlation"));
    // Offline: said as offline by the send (the error goes up), no popup.
    await expect(tokens.token()).rejects.toMatchObject({ errorCode: "no_network_connectivity" });
    expect(pca.calls).toEqual(["silent"]);

    // Consent refused at the prompt (AADSTS65004): signed out, not offline.
    pca.calls.length = 0;
    pca.silent = () =>
      Promise.reject(new InteractionRequiredAuthError("consent_required", "test-correlation"));
    pca.popup = () =>
      Promise.reject(new ServerError("access_denied", "AADSTS65004: User declined to consent."));
    expect(await tokens.token()).toBeNull();
    expect(pca.calls).toEqual(["silent", "popup"]);

    pca.calls.length = 0;
    pca.silent = (request) => Promise.resolve(result(request.forceRefresh ? "fresh" : "cached"));
    expect(await tokens.refresh()).toBe("fresh");
    expect(pca.calls).toEqual(["silent(force)"]);
    expect(pca.requests.every((r) => JSON.stringify(r.scopes) === JSON.stringify(ONLY_SCOPE))).toBe(true);
  });

  it("falls back to the Office dialog where NestedAppAuth 1.1 is not supported", async () => {
    const pca = new FakePca(true);
    let issued = 0;
    const office = fakeOffice({ NestedAppAuth: "1.0" }, () => ({
      message: JSON.stringify({
        status: "success",
        accessToken: `dialog-${++issued}`,
        expiresOn: Date.now() + 3600_000,
      }),
    }));
    const { deps: d, made } = deps(pca, office);
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", d));
    expect(tokens.kind).toBe("dialog");
    expect(made).toEqual([]);
    expect(await tokens.token()).toBe("dialog-1");
    // Kept until it nears expiry: one dialog, not one per request.
    expect(await tokens.token()).toBe("dialog-1");
    expect(office.dialogs).toHaveLength(1);
    const url = new URL(office.dialogs[0] as string);
    expect(url.origin + url.pathname).toBe("https://addin.hatinh.gov.vn/thidua/auth-dialog.html");
    expect(url.searchParams.get("clientId")).toBe(CLIENT_ID);
    expect(url.searchParams.get("tenant")).toBe("hatinh.gov.vn");
    expect(url.searchParams.get("force")).toBeNull();
    expect(await tokens.refresh()).toBe("dialog-2");
    expect(new URL(office.dialogs[1] as string).searchParams.get("force")).toBe("1");
  });

  it("is signed out when the officer closes the dialog", async () => {
    const office = fakeOffice({}, () => ({ error: 12006 }));
    const tokens = source(
      tokenSourceFor({ ...SUBMISSION, tenant: null }, "excel", deps(new FakePca(true), office).deps),
    );
    expect(await tokens.token()).toBeNull();
    expect(new URL(office.dialogs[0] as string).searchParams.get("tenant")).toBeNull();
  });
});

describe("silent failures that are not Entra's InteractionRequiredAuthError", () => {
  const naa = () => fakeOffice({ NestedAppAuth: "1.1" }, () => ({ error: 12006 }));

  it("NAA: Office has no account to broker (no_account_found): the prompt opens, not 'signed out'", async () => {
    const pca = new FakePca(true);
    pca.officeAccount = false;
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", deps(pca, naa()).deps));
    expect(await tokens.token()).toBe("popup-token");
    expect(pca.calls).toEqual(["silent", "popup"]);
  });

  it("NAA: the officer cancels (user_canceled): signed out, no second prompt", async () => {
    const pca = new FakePca(true);
    pca.officeAccount = false;
    pca.popup = () => Promise.reject(new ClientAuthError("user_canceled", "test-correlation"));
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", deps(pca, naa()).deps));
    expect(await tokens.token()).toBeNull();
    expect(pca.calls).toEqual(["silent", "popup"]);
    pca.calls.length = 0;
    pca.silent = () => Promise.reject(new ClientAuthError("user_canceled", "test-correlation"));
    pca.officeAccount = true;
    expect(await tokens.token()).toBeNull();
    expect(pca.calls).toEqual(["silent"]);
  });

  it("NAA: offline (ClientAuthError no_network_connectivity) goes up as offline, no prompt", async () => {
    const pca = new FakePca(true);
    pca.silent = () => Promise.reject(new ClientAuthError("no_network_connectivity", "test-correlation"));
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", deps(pca, naa()).deps));
    await expect(tokens.token()).rejects.toMatchObject({ errorCode: "no_network_connectivity" });
    expect(pca.calls).toEqual(["silent"]);
  });

  it("NAA: the bridge is disabled (nested_app_auth_bridge_disabled): the Office dialog signs in instead", async () => {
    const pca = new FakePca(true);
    pca.silent = () =>
      Promise.reject(new ClientAuthError("nested_app_auth_bridge_disabled", "test-correlation"));
    const office = fakeOffice({ NestedAppAuth: "1.1" }, () => ({
      message: JSON.stringify({
        status: "success",
        accessToken: "dialog-token",
        expiresOn: Date.now() + 3600_000,
      }),
    }));
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", deps(pca, office).deps));
    expect(await tokens.token()).toBe("dialog-token");
    expect(office.dialogs).toHaveLength(1);
    expect(pca.calls).toEqual(["silent"]);
    // From then on, the dialog's token: NAA is not asked again.
    expect(await tokens.token()).toBe("dialog-token");
    expect(pca.calls).toEqual(["silent"]);
  });

  it("standalone: a timed-out silent iframe (BrowserAuthError timed_out) opens the popup", async () => {
    const pca = new FakePca(false);
    pca.active = ACCOUNT;
    pca.silent = () => Promise.reject(new BrowserAuthError("timed_out", "test-correlation"));
    const tokens = source(tokenSourceFor(SUBMISSION, "standalone", deps(pca).deps));
    expect(await tokens.token()).toBe("popup-token");
    expect(pca.calls).toEqual(["handleRedirectPromise", "silent", "popup"]);
  });

  it("standalone: the refresh token expired (invalid_grant, AADSTS700084) opens the popup", async () => {
    const pca = new FakePca(false);
    pca.active = ACCOUNT;
    pca.silent = () =>
      Promise.reject(
        new ServerError(
          "invalid_grant",
          "AADSTS700084: The refresh token was issued to a single page app (SPA).",
        ),
      );
    const tokens = source(tokenSourceFor(SUBMISSION, "standalone", deps(pca).deps));
    expect(await tokens.token()).toBe("popup-token");
    expect(pca.calls).toEqual(["handleRedirectPromise", "silent", "popup"]);
  });
});

describe("the Office dialog, as strict as Office", () => {
  const success = (token: string, username?: string) =>
    JSON.stringify({
      status: "success",
      accessToken: token,
      expiresOn: Date.now() + 3600_000,
      ...(username === undefined ? {} : { username }),
    });

  it("opens one dialog for two requests at once (a second would be refused with 12007)", async () => {
    let issued = 0;
    const office = fakeOffice({}, () => ({ message: success(`dialog-${++issued}`) }));
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", deps(new FakePca(true), office).deps));
    expect(await Promise.all([tokens.token(), tokens.token()])).toEqual(["dialog-1", "dialog-1"]);
    expect(office.opened).toEqual(["succeeded"]);
  });

  it.each([12009, 12011])("says to allow the sign-in window when Office answers %i", async (code) => {
    const office = fakeOffice({}, () => ({ openError: code }));
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", deps(new FakePca(true), office).deps));
    const error = await tokens.token().then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(SignInProblem);
    const message = failureMessage(error, 1);
    expect(message).toEqual({ code: "SEND_SIGN_IN_WINDOW_BLOCKED", officeCode: code });
    expect(formatSendMessage(message, "vi")).toMatch(/cho phép cửa sổ đăng nhập/);
    expect(formatSendMessage(message, "en")).toMatch(/allow the add-in's sign-in window/);
  });

  it("takes a message only from the pane's own origin where DialogOrigin 1.1 is supported", async () => {
    const evil = fakeOffice({ DialogOrigin: "1.1" }, () => ({
      message: success("forged"),
      origin: "https://evil.example",
    }));
    const refused = source(tokenSourceFor(SUBMISSION, "excel", deps(new FakePca(true), evil).deps));
    expect(await refused.token()).toBeNull();
    expect(evil.asked).toContain("DialogOrigin 1.1");

    const own = fakeOffice({ DialogOrigin: "1.1" }, () => ({ message: success("own") }));
    const accepted = source(tokenSourceFor(SUBMISSION, "excel", deps(new FakePca(true), own).deps));
    expect(await accepted.token()).toBe("own");
  });

  it("asks the dialog for the officer who signed in before (login hint), never another account", async () => {
    let issued = 0;
    const office = fakeOffice({}, () => ({ message: success(`dialog-${++issued}`, "canbo@hatinh.gov.vn") }));
    const tokens = source(tokenSourceFor(SUBMISSION, "excel", deps(new FakePca(true), office).deps));
    expect(await tokens.token()).toBe("dialog-1");
    expect(new URL(office.dialogs[0] as string).searchParams.get("loginHint")).toBeNull();
    expect(await tokens.refresh()).toBe("dialog-2");
    expect(new URL(office.dialogs[1] as string).searchParams.get("loginHint")).toBe("canbo@hatinh.gov.vn");
  });
});

describe("a shared PC: another officer's account in the browser's cache", () => {
  const OTHER = { homeAccountId: "other", username: "khac@hatinh.gov.vn" } as AccountInfo;

  it("standalone: not used silently; the popup opens with Entra's account picker", async () => {
    const pca = new FakePca(false);
    pca.accounts = [OTHER];
    pca.silent = (request) => Promise.resolve(result(`silent-for-${request.account?.username}`));
    const tokens = source(tokenSourceFor(SUBMISSION, "standalone", deps(pca).deps));
    expect(await tokens.token()).toBe("popup-token");
    expect(pca.calls).toEqual(["handleRedirectPromise", "popup"]);
    expect(pca.requests[0]).toMatchObject({ prompt: "select_account" });
    // Then the officer who signed in is the active account, asked for by name next time.
    pca.silent = () => Promise.reject(new InteractionRequiredAuthError("consent_required", "c"));
    pca.calls.length = 0;
    expect(await tokens.token()).toBe("popup-token");
    expect(pca.requests.at(-1)).toMatchObject({ loginHint: ACCOUNT.username, account: ACCOUNT });
  });

  it("the dialog page: only the active account or the pane's login hint, else the account picker", () => {
    const cache = (active: AccountInfo | null, all: AccountInfo[]) => ({
      getActiveAccount: () => active,
      getAllAccounts: () => all,
    });
    expect(dialogAccount(cache(null, [OTHER]), null)).toBeUndefined();
    expect(dialogAccount(cache(ACCOUNT, [OTHER, ACCOUNT]), null)).toBe(ACCOUNT);
    expect(dialogAccount(cache(OTHER, [OTHER, ACCOUNT]), "CanBo@hatinh.gov.vn")).toBe(ACCOUNT);
    expect(dialogAccount(cache(OTHER, [OTHER]), "canbo@hatinh.gov.vn")).toBeUndefined();
    expect(dialogRedirectRequest(ONLY_SCOPE, undefined, null)).toEqual({
      scopes: ONLY_SCOPE,
      prompt: "select_account",
    });
    expect(dialogRedirectRequest(ONLY_SCOPE, undefined, "canbo@hatinh.gov.vn")).toEqual({
      scopes: ONLY_SCOPE,
      loginHint: "canbo@hatinh.gov.vn",
    });
    expect(dialogRedirectRequest(ONLY_SCOPE, ACCOUNT, null)).toMatchObject({ account: ACCOUNT });
  });
});

describe("the pane's token source", () => {
  it("is one per sign-in setting and host, not per configuration object (a Settings change keeps it)", () => {
    const settings: SubmissionConfig = { ...SUBMISSION, tokenProvider: "page-global" };
    const first = paneTokenSource(settings, "standalone");
    expect(paneTokenSource({ ...settings }, "standalone")).toBe(first);
    // The folder is not part of sign-in.
    expect(paneTokenSource({ ...settings, folder: "onedrive:d/other" }, "standalone")).toBe(first);
    expect(paneTokenSource({ ...settings, clientId: "other" }, "standalone")).not.toBe(first);
    expect(paneTokenSource({ ...settings, tenant: "other.gov.vn" }, "standalone")).not.toBe(first);
    expect(
      paneTokenSource({ ...settings, graphEndpoint: "https://graph.example/v1.0" }, "standalone"),
    ).not.toBe(first);
    expect(paneTokenSource({ ...settings }, "excel")).not.toBe(first);
  });
});

describe("on the standalone page", () => {
  it("handles a redirect's answer at start, then signs in silently with its account", async () => {
    const pca = new FakePca(false);
    pca.redirectAnswer = result("from-redirect");
    pca.silent = (request) => Promise.resolve(result(`silent-for-${request.account?.username}`));
    const { deps: d, made } = deps(pca);
    const tokens = source(tokenSourceFor(SUBMISSION, "standalone", d));
    expect(tokens.kind).toBe("popup");
    expect(await tokens.token()).toBe("silent-for-canbo@hatinh.gov.vn");
    expect(pca.calls).toEqual(["handleRedirectPromise", "silent"]);
    expect(made.map((m) => m.kind)).toEqual(["standard"]);
    expect(made[0]?.configuration.auth?.redirectUri).toBe(
      "https://addin.hatinh.gov.vn/thidua/auth-redirect.html",
    );
  });

  it("opens the popup when no one is signed in or Entra wants interaction, not otherwise", async () => {
    const pca = new FakePca(false);
    const tokens = source(tokenSourceFor(SUBMISSION, "standalone", deps(pca).deps));
    expect(await tokens.token()).toBe("popup-token");
    expect(pca.calls).toEqual(["handleRedirectPromise", "popup"]);

    // Signed in now: silent first; the popup only for InteractionRequiredAuthError.
    pca.calls.length = 0;
    pca.silent = () =>
      Promise.reject(new InteractionRequiredAuthError("consent_required", "test-correlation"));
    expect(await tokens.token()).toBe("popup-token");
    expect(pca.calls).toEqual(["silent", "popup"]);
    pca.calls.length = 0;
    pca.silent = () => Promise.resolve(result("cached"));
    expect(await tokens.token()).toBe("cached");
    expect(pca.calls).toEqual(["silent"]);
    expect(pca.requests.map((r) => r.scopes)).toEqual(Array(pca.requests.length).fill(ONLY_SCOPE));
  });

  it.each(["popup_window_error", "empty_window_error"])(
    "redirects where the browser blocks the popup (%s)",
    async (code) => {
      const pca = new FakePca(false);
      pca.popup = () => Promise.reject(new BrowserAuthError(code, "test-correlation"));
      const tokens = source(tokenSourceFor(SUBMISSION, "standalone", deps(pca).deps));
      expect(await tokens.token()).toBeNull();
      expect(pca.calls).toEqual(["handleRedirectPromise", "popup", "redirect"]);
      expect(pca.requests.at(-1)?.scopes).toEqual(ONLY_SCOPE);
    },
  );

  it("is signed out, not failed, when the officer closes the popup", async () => {
    const pca = new FakePca(false);
    pca.active = ACCOUNT;
    pca.popup = () => Promise.reject(new BrowserAuthError("user_cancelled", "test-correlation"));
    const tokens = source(tokenSourceFor(SUBMISSION, "standalone", deps(pca).deps));
    expect(await tokens.token()).toBeNull();
    expect(pca.calls).toEqual(["handleRedirectPromise", "silent", "popup"]);
  });
});

describe("after Graph refuses a token (401)", () => {
  const TARGET = sendTarget("KH", "SNV") as SendTarget;
  let server: GraphTestServer;
  let folder: ReturnType<typeof parseSubmissionFolder>;

  beforeAll(async () => {
    server = await new GraphTestServer().start();
    for (const token of ["old", "fresh", "also-old"]) server.acceptToken(token);
    folder = parseSubmissionFolder(`onedrive:${TEST_DRIVE_ID}/${server.ensureFolder("SNV/Nop")}`);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.faults.length = 0;
    server.expiredTokens.clear();
    server.resetCounts();
  });

  function transport(tokens: Pick<SendTransport, "token" | "refresh">): SendTransport {
    const dispatcher = new Agent({ connect: { ca: server.ca } });
    return {
      endpoint: server.endpoint,
      fetch: ((input: string, init?: RequestInit) =>
        fetch(input, { ...init, dispatcher } as RequestInit)) as typeof fetch,
      wait: () => Promise.resolve(),
      ...tokens,
    };
  }

  /** MSAL's cache as the pane sees it: the same token until a forced refresh replaces it. */
  function msalLike(fresh: string) {
    const pca = new FakePca(false);
    pca.active = ACCOUNT;
    let cached = "old";
    pca.silent = (request) => {
      if (request.forceRefresh) cached = fresh;
      return Promise.resolve(result(cached));
    };
    return { pca, tokens: source(tokenSourceFor(SUBMISSION, "standalone", deps(pca).deps)) };
  }

  const bearer = () => server.requests.filter((r) => r.kind === "api").map((r) => r.authorization);

  it("gets a fresh token once and sends the request again with it", async () => {
    server.expiredTokens.add("old");
    const { pca, tokens } = msalLike("fresh");
    const outcome = await sendFile(transport(tokens), folder, TARGET, new Uint8Array([1, 2, 3]), {
      replace: true,
      deadline: null,
    });
    expect(outcome.status).toBe("sent");
    expect(pca.calls.filter((c) => c === "silent(force)")).toHaveLength(1);
    const sent = bearer();
    expect(sent[0]).toBe("Bearer old");
    expect(sent.slice(1).every((value) => value === "Bearer fresh")).toBe(true);
  });

  it("is signed out when the fresh token is refused too: one retry, no loop", async () => {
    server.expiredTokens.add("old");
    server.expiredTokens.add("also-old");
    const { pca, tokens } = msalLike("also-old");
    const outcome = await sendFile(transport(tokens), folder, TARGET, new Uint8Array([1]), {
      replace: true,
      deadline: null,
    });
    expect(outcome).toEqual({ status: "failed", message: { code: "SEND_SIGNED_OUT" } });
    expect(pca.calls.filter((c) => c === "silent(force)")).toHaveLength(1);
    expect(bearer()).toEqual(["Bearer old", "Bearer also-old"]);
  });

  it("expires a token in the middle of a send (the server's expired-token fault), and recovers", async () => {
    const { tokens } = msalLike("fresh");
    server.faults.push({ on: "api", fault: { kind: "expired-token" }, times: 1 });
    const outcome = await sendFile(transport(tokens), folder, TARGET, new Uint8Array([9, 9]), {
      replace: true,
      deadline: null,
    });
    expect(outcome.status).toBe("sent");
    expect(bearer().filter((value) => value === "Bearer old")).toHaveLength(1);
  });
});
