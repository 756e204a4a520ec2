import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { findTool } from "../support/find-tool";

/** Debian's Chromium, or $CHROMIUM_PATH, or `chromium` on PATH (test/support/tools.json). */
export const CHROMIUM = findTool("chromium") ?? "/usr/bin/chromium";

/** As root, offline: no sandbox, no background connections to services this machine cannot reach. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Whether a benchmark can run here (tests use describeWithTool("chromium") instead). In CI
 * (CI=true) a missing Chromium is a failure, never a silent skip.
 */
export function chromiumAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true") throw new Error(`${suite}: ${CHROMIUM} is missing in CI`);
  console.log(`${suite}: skipped, ${CHROMIUM} is not installed`);
  return false;
}

/** A fresh Chromium profile, removed on close (`ignoreHTTPSErrors`: to reach the Graph test server's self-signed HTTPS). */
export async function launchChromium(
  options: { ignoreHTTPSErrors?: boolean } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "thidua-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
