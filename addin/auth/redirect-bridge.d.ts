// The project's tsconfig resolves modules the node10 way, which does not read package.json "exports";
// webpack (tsconfig.addin.json, "bundler") does. The one function this subpath offers:
declare module "@azure/msal-browser/redirect-bridge" {
  export function broadcastResponseToMainFrame(): Promise<void>;
}
