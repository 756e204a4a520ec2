import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

/**
 * auth-redirect.html, the SPA redirect URI: MSAL 5's redirect bridge. It hands Entra's answer to the
 * window that asked (the pane's popup, or back to the page of a redirect sign-in) and nothing else
 * ("Set up the redirect bridge page in MSAL Browser"; the page must not be served with
 * Cross-Origin-Opener-Policy).
 */
void broadcastResponseToMainFrame().catch(() => {
  document.body.textContent =
    "Đăng nhập không xong. Hãy đóng cửa sổ này. / Sign-in did not finish: close this window.";
});
