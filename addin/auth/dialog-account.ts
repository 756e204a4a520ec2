import type { AccountInfo, IPublicClientApplication, RedirectRequest } from "@azure/msal-browser";

/**
 * Which cached account the dialog page may use silently. The browser's MSAL cache can hold several
 * officers' accounts (a shared PC at a commune office): the first one is not necessarily the officer at
 * the keyboard. Only MSAL's active account (set when this officer last signed in here) or the account
 * the pane names (its login hint: the username that signed in last time) is taken; otherwise none, and
 * Entra asks.
 */
export function dialogAccount(
  pca: Pick<IPublicClientApplication, "getActiveAccount" | "getAllAccounts">,
  loginHint: string | null,
): AccountInfo | undefined {
  const hint = loginHint?.toLowerCase() ?? null;
  if (hint !== null) return pca.getAllAccounts().find((account) => account.username.toLowerCase() === hint);
  return pca.getActiveAccount() ?? undefined;
}

/**
 * The interactive request: for the account or the hint when there is one; otherwise Entra's account
 * picker (prompt=select_account), so the officer chooses and no cached session is taken silently
 * ("Microsoft identity platform and OAuth 2.0 authorization code flow": login_hint, prompt).
 */
export function dialogRedirectRequest(
  scopes: readonly string[],
  account: AccountInfo | undefined,
  loginHint: string | null,
): RedirectRequest {
  if (account !== undefined) return { scopes: [...scopes], account, loginHint: account.username };
  if (loginHint !== null) return { scopes: [...scopes], loginHint };
  return { scopes: [...scopes], prompt: "select_account" };
}
