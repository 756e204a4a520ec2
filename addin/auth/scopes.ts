/** What the pane and its sign-in pages share (kept apart so the pages do not bundle the pane). */

/**
 * The one delegated permission asked for: Files.ReadWrite.All, "read, create, update, and delete all
 * files the signed-in user can access" (Microsoft Graph permissions reference). The narrower
 * Files.ReadWrite covers only "the signed-in user's files", and the submission folder is Sở Nội vụ's,
 * shared with the officer: writing into another user's drive needs the .All permission (the driveItem
 * pages list both; only .All reaches items shared with the user, as drive-sharedwithme notes). It is
 * delegated, so the add-in can never reach more than the officer already can. The reference marks it as
 * not needing admin consent, but the tenant's user-consent policy usually keeps officers from granting
 * it (README, admin section). Sites.ReadWrite.All would be wider still; no application permission.
 */
export const GRAPH_SCOPES: readonly string[] = ["https://graph.microsoft.com/Files.ReadWrite.All"];

/** The page Entra sends the answer to (MSAL 5's redirect bridge); the one SPA redirect URI besides NAA's. */
export const REDIRECT_PAGE = "auth-redirect.html";
/** The page the Office dialog opens (same origin as the pane, as the dialog API requires). */
export const DIALOG_PAGE = "auth-dialog.html";

/** What the dialog page sends back through messageParent. */
export type DialogAnswer =
  | {
      readonly status: "success";
      readonly accessToken: string;
      readonly expiresOn: number | null;
      /** The account that signed in (its username): the pane's login hint for the next dialog. */
      readonly username?: string;
    }
  | { readonly status: "error"; readonly code: string };

/**
 * The authority: Entra ID with the province's tenant; "organizations" (work accounts only) when none
 * is set. Fixed here, never taken from a URL: the dialog page signs in with Entra ID and nothing else.
 * (The e2e reaches a local identity platform under this very name: test/e2e/sign-in.test.ts.)
 */
export function authorityFor(tenant: string | null): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenant ?? "organizations")}`;
}
