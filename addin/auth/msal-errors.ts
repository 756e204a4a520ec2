/** How MSAL's errors are read, by the pane and the dialog page alike (codes survive minification). */

export function errorName(error: unknown): string | undefined {
  return (error as { name?: unknown } | null)?.name as string | undefined;
}
export function errorCode(error: unknown): string | undefined {
  return (error as { errorCode?: unknown } | null)?.errorCode as string | undefined;
}

/** MSAL could not reach the identity platform: said as offline (the officer sends again later). */
const NETWORK_CODES = new Set([
  "no_network_connectivity",
  "post_request_failed",
  "get_request_failed",
  "network_error",
]);
export const offline = (error: unknown): boolean => NETWORK_CODES.has(errorCode(error) ?? "");

/**
 * The officer closed the prompt: signed out, and no second prompt. BrowserAuthError user_cancelled
 * (popup), ClientAuthError user_canceled (NAA's USER_CANCEL, msal-browser's WebBrokerBridgeErrorMap).
 */
export const cancelled = (error: unknown): boolean =>
  errorCode(error) === "user_cancelled" || errorCode(error) === "user_canceled";
