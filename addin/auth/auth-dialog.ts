/// <reference types="office-js" />
import { createStandardPublicClientApplication, type AuthenticationResult } from "@azure/msal-browser";
import { dialogAccount, dialogRedirectRequest } from "./dialog-account";
import { cancelled, offline } from "./msal-errors";
import { authorityFor, GRAPH_SCOPES, REDIRECT_PAGE, type DialogAnswer } from "./scopes";

/**
 * auth-dialog.html: opened by the pane with the Office dialog API where Excel has no nested app
 * authentication. It signs in with MSAL's redirect (a dialog cannot open popups), then hands the token
 * to the pane with messageParent and is closed by it ("Use the Office dialog API in your Office
 * Add-ins"; "Authenticate and authorize with the Office dialog API"). The page is on the pane's origin,
 * as messageParent requires; the token goes to the pane only.
 */

function answer(message: DialogAnswer): void {
  Office.context.ui.messageParent(JSON.stringify(message));
}

function sent(result: AuthenticationResult): DialogAnswer {
  return {
    status: "success",
    accessToken: result.accessToken,
    expiresOn: result.expiresOn === null ? null : result.expiresOn.getTime(),
    ...(result.account === null ? {} : { username: result.account.username }),
  };
}

async function run(): Promise<void> {
  const params = new URL(location.href).searchParams;
  const clientId = params.get("clientId") ?? "";
  const authority = authorityFor(params.get("tenant"));
  const forceRefresh = params.get("force") === "1";
  // The officer who signed in last time in this pane (addin/pane/sign-in.ts dialogSource).
  const loginHint = params.get("loginHint");
  const scopes = [...GRAPH_SCOPES];
  const pca = await createStandardPublicClientApplication({
    auth: {
      clientId,
      authority,
      redirectUri: new URL(REDIRECT_PAGE, location.href).href,
    },
    cache: { cacheLocation: "localStorage" },
  });
  // Back from Entra (through the redirect bridge): the answer is here.
  const back = await pca.handleRedirectPromise();
  if (back !== null) {
    if (back.account !== null) pca.setActiveAccount(back.account);
    return answer(sent(back));
  }
  // Never "the first cached account": on a shared PC it can be another officer's (dialog-account.ts).
  const account = dialogAccount(pca, loginHint);
  if (account !== undefined) {
    try {
      return answer(sent(await pca.acquireTokenSilent({ scopes, account, forceRefresh })));
    } catch (error) {
      // As the pane does: any silent failure but offline or a cancel goes to Entra (an expired refresh
      // token, a timed-out iframe), not only InteractionRequiredAuthError.
      if (offline(error) || cancelled(error)) throw error;
    }
  }
  await pca.acquireTokenRedirect(dialogRedirectRequest(scopes, account, loginHint));
}

void Office.onReady(() =>
  run().catch((error: unknown) =>
    answer({ status: "error", code: String((error as { errorCode?: string }).errorCode ?? "failed") }),
  ),
);
