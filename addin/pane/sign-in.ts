/// <reference types="office-js" />
import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
  PopupRequest,
} from "@azure/msal-browser";
import type { SendMessage, SubmissionConfig } from "../../core/index";
import { authorityFor, DIALOG_PAGE, GRAPH_SCOPES, REDIRECT_PAGE, type DialogAnswer } from "../auth/scopes";
import { cancelled, errorCode, errorName, offline } from "../auth/msal-errors";
import { SignInProblem } from "../auth/sign-in-problem";
import { pageGlobalToken } from "./send";

/**
 * Where the pane's Graph tokens come from (issue 16, sign-in). A single-page application with PKCE:
 * no client secret exists anywhere ("Register a SPA", Microsoft identity platform). Three ways in:
 * - Excel with NestedAppAuth 1.1: MSAL's nestable client; Office's own signed-in account brokers the token
 *   ("Enable single sign-on in an Office Add-in with nested app authentication").
 * - Excel without it: a small page of the bundle (auth-dialog.html) opened with the Office dialog API,
 *   which signs in with MSAL's redirect and hands the token back with messageParent ("Use the Office
 *   dialog API in your Office Add-ins"; the NAA sample's fallback does the same).
 * - The standalone page: MSAL's popup, its redirect where the browser blocks popups.
 */

export { authorityFor, DIALOG_PAGE, GRAPH_SCOPES, REDIRECT_PAGE, type DialogAnswer } from "../auth/scopes";

export interface TokenSource {
  /** How the token is obtained (shown nowhere; for tests and diagnostics). */
  readonly kind: "page-global" | "naa" | "dialog" | "popup";
  /**
   * token() and refresh() answer null for "signed out" (the officer cancelled, consent refused), throw
   * MSAL's network error for "offline", and a SignInProblem for what else the officer must act on.
   */
  /** A token for one request: from MSAL's cache when it can, signing in when it must; null: signed out. */
  token(): Promise<string | null>;
  /** A new token after Graph refused the last one (401); null: signed out. */
  refresh(): Promise<string | null>;
}

export type TokenSourceOrProblem =
  | { readonly source: TokenSource; readonly problem?: undefined }
  | { readonly source?: undefined; readonly problem: SendMessage };

export type HostMode = "excel" | "standalone";

/** An open Office dialog (Office.Dialog), as much of it as is used. */
export interface DialogLike {
  addEventHandler(
    eventType: string,
    // `origin`: the sending page's origin, under DialogOrigin 1.1 (DialogParentMessageReceivedEventArgs).
    handler: (arg: { message?: string; error?: number; origin?: string }) => void,
  ): void;
  close(): void;
}

/** The little of Office the dialog fallback and the NAA check use (Office in Excel). */
export interface OfficeLike {
  readonly context: {
    readonly requirements: { isSetSupported(name: string, version?: string): boolean };
    readonly ui: {
      displayDialogAsync(
        url: string,
        options: { height: number; width: number },
        callback: (result: { status: string; value: DialogLike; error?: { code?: number } }) => void,
      ): void;
    };
  };
}

export interface SignInDeps {
  readonly createNestable: (configuration: Configuration) => Promise<IPublicClientApplication>;
  readonly createStandard: (configuration: Configuration) => Promise<IPublicClientApplication>;
  /** Office in Excel mode; undefined on the standalone page. */
  readonly office?: OfficeLike;
  /** The pane's address: the redirect and dialog pages sit beside it. */
  readonly pageUrl: string;
  /** The clock, for the dialog's token lifetime. */
  readonly now?: () => number;
}

/** MSAL is loaded only where it is used (tokenProvider "msal"): the pane's first paint does not wait for it. */
function defaultDeps(): SignInDeps {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return {
    createNestable: async (configuration) =>
      (await import("@azure/msal-browser")).createNestablePublicClientApplication(configuration),
    createStandard: async (configuration) =>
      (await import("@azure/msal-browser")).createStandardPublicClientApplication(configuration),
    // Office's enums are these strings ("succeeded", "dialogMessageReceived"…).
    ...(office?.context?.requirements === undefined ? {} : { office: office as unknown as OfficeLike }),
    pageUrl: globalThis.location?.href ?? "https://localhost/",
  };
}

function msalConfiguration(submission: SubmissionConfig, deps: SignInDeps, clientId: string): Configuration {
  return {
    auth: {
      clientId,
      authority: authorityFor(submission.tenant),
      redirectUri: new URL(REDIRECT_PAGE, deps.pageUrl).href,
    },
    // The officer stays signed in across pane openings; the tokens never leave this origin.
    cache: { cacheLocation: "localStorage" },
  };
}

/** The browser refused the popup (BrowserAuthError popup_window_error / empty_window_error). */
const popupBlocked = (error: unknown) =>
  errorName(error) === "BrowserAuthError" &&
  (errorCode(error) === "popup_window_error" || errorCode(error) === "empty_window_error");
/**
 * NAA is turned off in this Office (the bridge's DISABLED / NESTED_APP_AUTH_UNAVAILABLE): ClientAuthError
 * nested_app_auth_bridge_disabled. Office's own dialog still works there.
 */
const bridgeDisabled = (error: unknown) => errorCode(error) === "nested_app_auth_bridge_disabled";

/**
 * The account to ask for silently. Under NAA the accounts are Office's own (the one signed in to Excel).
 * On the standalone page only the active one: the browser's cache may hold another officer's account
 * (a shared PC), and the first cached one is not necessarily the officer at the keyboard.
 */
function account(pca: IPublicClientApplication, kind: "naa" | "popup"): AccountInfo | undefined {
  const active = pca.getActiveAccount();
  if (active !== null) return active;
  if (kind === "popup") return undefined;
  const [first] = pca.getAllAccounts();
  if (first !== undefined) pca.setActiveAccount(first);
  return first;
}

function accepted(pca: IPublicClientApplication, result: AuthenticationResult | null): string | null {
  if (result === null) return null;
  if (result.account !== null) pca.setActiveAccount(result.account);
  return result.accessToken === "" ? null : result.accessToken;
}

/**
 * Silent first (MSAL's cache, then its refresh token, then a hidden iframe); interactive after any silent
 * failure that is neither offline nor the officer's cancel. Not only InteractionRequiredAuthError: NAA
 * reports "Office has no account" as no_account_found, and a hidden iframe that Entra leaves waiting
 * (third-party cookies blocked) as timed_out; Microsoft's NAA guide ("Enable single sign-on in an Office
 * Add-in with nested app authentication") calls acquireTokenPopup after any silent failure.
 * `fallback`: NAA turned off in this Office (nested_app_auth_bridge_disabled), the Office dialog instead.
 */
function msalSource(
  kind: "naa" | "popup",
  ready: Promise<IPublicClientApplication>,
  interactive: (pca: IPublicClientApplication, force: boolean) => Promise<AuthenticationResult | null>,
  fallback?: () => TokenSource,
): TokenSource {
  const scopes = [...GRAPH_SCOPES];
  let instead: TokenSource | undefined;
  const attempt = async (forceRefresh: boolean) => {
    const pca = await ready;
    const who = account(pca, kind);
    try {
      // Without an account, NAA asks Office's signed-in account; the standard client needs one.
      if (who === undefined && kind === "popup") return accepted(pca, await interactive(pca, forceRefresh));
      return accepted(
        pca,
        await pca.acquireTokenSilent({
          scopes,
          ...(who === undefined ? {} : { account: who }),
          forceRefresh,
        }),
      );
    } catch (error) {
      if (offline(error) || cancelled(error) || bridgeDisabled(error)) throw error;
      return accepted(pca, await interactive(pca, forceRefresh));
    }
  };
  // Offline stays offline; any other way sign-in ends without a token (the window closed, consent
  // refused, an account the tenant does not know) is "signed out or consent missing" (SEND_SIGNED_OUT).
  const get = (forceRefresh: boolean): Promise<string | null> => {
    if (instead !== undefined) return forceRefresh ? instead.refresh() : instead.token();
    return attempt(forceRefresh).catch((error: unknown) => {
      if (offline(error)) throw error;
      if (bridgeDisabled(error) && fallback !== undefined) {
        instead ??= fallback();
        return forceRefresh ? instead.refresh() : instead.token();
      }
      return null;
    });
  };
  return { kind, token: () => get(false), refresh: () => get(true) };
}

/** The popup; where the browser blocks it, a full-page redirect (the answer is read at the next start). */
async function popupOrRedirect(pca: IPublicClientApplication): Promise<AuthenticationResult | null> {
  // The active account's officer signs in again; with none, Entra's account picker, not a cached session.
  const active = pca.getActiveAccount();
  const request: PopupRequest =
    active === null
      ? { scopes: [...GRAPH_SCOPES], prompt: "select_account" }
      : { scopes: [...GRAPH_SCOPES], account: active, loginHint: active.username };
  try {
    return await pca.acquireTokenPopup(request);
  } catch (error) {
    if (!popupBlocked(error)) throw error;
    await pca.acquireTokenRedirect(request);
    // The page is leaving for the sign-in page; nothing is sent meanwhile.
    return null;
  }
}

/** Office's answers to displayDialogAsync that mean "allow the sign-in window" ("Handle errors and events
 * in the Office dialog box"): 12009 the officer (or Office on the web's prompt) ignored the dialog;
 * 12011 the browser's settings block it. */
const DIALOG_BLOCKED = new Set([12009, 12011]);

/**
 * Opens the dialog page and waits for its one message (or its closing). Where DialogOrigin 1.1 is
 * supported, a message is taken only from the pane's own origin (the dialog page's): anything else
 * closes the dialog and counts as no answer ("Use the Office dialog API", DialogParentMessageReceived).
 */
export function askDialog(office: OfficeLike, url: string): Promise<DialogAnswer> {
  const expectedOrigin = new URL(url).origin;
  const checkOrigin = office.context.requirements.isSetSupported("DialogOrigin", "1.1");
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
      // 12007: a dialog is already open; 12009 / 12011: the window was ignored or blocked.
      if (opened.status !== "succeeded") {
        const code = opened.error?.code;
        if (code !== undefined && DIALOG_BLOCKED.has(code)) {
          reject(new SignInProblem({ code: "SEND_SIGN_IN_WINDOW_BLOCKED", officeCode: code }));
          return;
        }
        resolve({ status: "error", code: String(code ?? "dialog") });
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler("dialogMessageReceived", (arg) => {
        dialog.close();
        if (checkOrigin && arg.origin !== expectedOrigin) {
          resolve({ status: "error", code: "origin" });
          return;
        }
        try {
          const answer = JSON.parse(arg.message ?? "") as DialogAnswer;
          resolve(
            answer.status === "success" || answer.status === "error"
              ? answer
              : { status: "error", code: "?" },
          );
        } catch {
          resolve({ status: "error", code: "unreadable" });
        }
      });
      // 12006: the officer closed the dialog; 12002/12003: its page could not load (then it is closed here).
      dialog.addEventHandler("dialogEventReceived", (arg) => {
        if (arg.error !== 12006)
          try {
            dialog.close();
          } catch {
            // Already gone.
          }
        resolve({ status: "error", code: String(arg.error ?? "closed") });
      });
    });
  });
}

/**
 * The dialog's token, kept until shortly before it expires; the dialog opens again after that or a 401.
 * One dialog at a time: Office refuses a second with 12007, so concurrent requests share the open one.
 * The account that signed in is asked for again (loginHint): the dialog page never picks an account
 * itself (on a shared PC another officer's may be in the browser's cache).
 */
function dialogSource(
  office: OfficeLike,
  submission: SubmissionConfig,
  deps: SignInDeps,
  clientId: string,
): TokenSource {
  const now = deps.now ?? Date.now;
  let held: { token: string; until: number } | null = null;
  let loginHint: string | null = null;
  let pending: Promise<string | null> | null = null;
  const ask = async (force: boolean) => {
    const url = new URL(DIALOG_PAGE, deps.pageUrl);
    url.searchParams.set("clientId", clientId);
    if (submission.tenant !== null) url.searchParams.set("tenant", submission.tenant);
    if (loginHint !== null) url.searchParams.set("loginHint", loginHint);
    if (force) url.searchParams.set("force", "1");
    const answer = await askDialog(office, url.href).catch((error: unknown) => {
      held = null;
      throw error;
    });
    if (answer.status !== "success") {
      held = null;
      return null;
    }
    if (answer.username !== undefined) loginHint = answer.username;
    // Five minutes' margin, as MSAL keeps before a token's expiry; an unknown lifetime is used once.
    held = { token: answer.accessToken, until: answer.expiresOn === null ? 0 : answer.expiresOn - 300_000 };
    return answer.accessToken;
  };
  const open = (force: boolean) => {
    pending ??= ask(force).finally(() => {
      pending = null;
    });
    return pending;
  };
  return {
    kind: "dialog",
    token: () => (held !== null && held.until > now() ? Promise.resolve(held.token) : open(false)),
    refresh: () => open(true),
  };
}

/**
 * The token source for the configured provider and host, or what the province must set up. Created once
 * per pane: the standalone client handles a redirect's answer as soon as it exists.
 */
export function tokenSourceFor(
  submission: SubmissionConfig,
  hostMode: HostMode,
  deps: SignInDeps = defaultDeps(),
): TokenSourceOrProblem {
  if (submission.tokenProvider === "page-global")
    return { source: { kind: "page-global", token: pageGlobalToken, refresh: pageGlobalToken } };
  const clientId = submission.clientId;
  // Not a failure: the button says who must do what (register an app, set submission.clientId/tenant).
  if (clientId === null) return { problem: { code: "SEND_SIGN_IN_NOT_CONFIGURED" } };
  const configuration = msalConfiguration(submission, deps, clientId);
  const office = deps.office;
  if (hostMode === "excel" && office !== undefined) {
    if (office.context.requirements.isSetSupported("NestedAppAuth", "1.1")) {
      const ready = deps.createNestable(configuration);
      ready.catch(() => undefined);
      // NAA's interactive step: Office shows its own consent or sign-in prompt (acquireTokenPopup).
      return {
        source: msalSource(
          "naa",
          ready,
          (pca) => pca.acquireTokenPopup({ scopes: [...GRAPH_SCOPES] }),
          () => dialogSource(office, submission, deps, clientId),
        ),
      };
    }
    return { source: dialogSource(office, submission, deps, clientId) };
  }
  const ready = deps.createStandard(configuration).then(async (pca) => {
    // A redirect sign-in comes back here: take its account (MSAL 5's bridge cached the answer).
    accepted(pca, await pca.handleRedirectPromise().catch(() => null));
    return pca;
  });
  ready.catch(() => undefined);
  return { source: msalSource("popup", ready, (pca) => popupOrRedirect(pca)) };
}

const created = new Map<string, TokenSourceOrProblem>();

/**
 * The pane's token source for this sign-in setting and the host the pane found, made once (one MSAL
 * client per page). Keyed on what sign-in depends on, not on the configuration object: Settings builds
 * a new object on each change, and a second MSAL client on the same cache would race the first. The
 * mode is the pane's own verdict (addin/pane/host.ts), so an Office that answers late gets Excel's
 * sign-in, not the standalone page's.
 */
export function paneTokenSource(submission: SubmissionConfig, hostMode: HostMode): TokenSourceOrProblem {
  const key = JSON.stringify([
    submission.tokenProvider,
    submission.clientId,
    submission.tenant,
    submission.graphEndpoint,
    hostMode,
  ]);
  let made = created.get(key);
  if (made === undefined) {
    made = tokenSourceFor(submission, hostMode);
    created.set(key, made);
  }
  return made;
}
