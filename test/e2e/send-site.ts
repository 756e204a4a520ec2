import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { GraphTestServer, TEST_DRIVE_ID, zipWithComment } from "../graph/graph-test-server";
import { CHROMIUM, CHROMIUM_FLAGS } from "./browser";
import { serveFolder } from "./serve";
import { corpusBytes } from "../fixtures/corpus-bytes";

/**
 * What the sending suites share: the production build served on http://127.0.0.1 with a
 * config.json whose submission folder is on the strict Graph test server (https://localhost,
 * another origin: CORS and preflights are real), `tokenProvider: "page-global"`, and a Chromium
 * told to accept the test server's self-signed certificate, nothing else relaxed.
 */

const ROOT = join(__dirname, "..", "..");
export const BUILD = join(ROOT, "dist-addin");

/** `npm run build:addin`, once per suite. */
export function buildAddin(): void {
  const build = spawnSync(process.execPath, [join(ROOT, "addin", "build-addin.js")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`build:addin failed:\n${build.stdout}\n${build.stderr}`);
}

export interface SendSite {
  readonly graph: GraphTestServer;
  readonly site: { url: string; close: () => Promise<void> };
  readonly context: BrowserContext;
  /** The province's submission folder on the test server, and its path there. */
  readonly folderId: string;
  readonly folderPath: string;
  close(): Promise<void>;
}

export async function startSendSite(token: string, folderPath = "SoNoiVu/NopBaoCao"): Promise<SendSite> {
  const graph = await new GraphTestServer().start();
  graph.acceptToken(token);
  const folderId = graph.ensureFolder(folderPath);
  // config.json as the province writes it (the schema is strict: a resolved MovementConfig is refused).
  const config = {
    provincialPlanDate: FIXTURE_CONFIG.provincialPlanDate,
    expectedKinds: FIXTURE_CONFIG.expectedKinds,
    submission: {
      folder: `onedrive:${TEST_DRIVE_ID}/${folderId}`,
      graphEndpoint: graph.endpoint,
      tokenProvider: "page-global",
    },
  };
  const site = await serveFolder(BUILD, { "/config.json": JSON.stringify(config) });
  const profile = mkdtempSync(join(tmpdir(), "thidua-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // office.js unreachable by name, not by page.route: a routed page gets its CORS preflights
    // answered by Playwright, and the test server's own preflight answers would go untested.
    args: [...CHROMIUM_FLAGS, "--host-resolver-rules=MAP appsforoffice.microsoft.com ~NOTFOUND"],
    ignoreHTTPSErrors: true,
  });
  await context.addInitScript((value) => {
    (window as unknown as { __thiduaToken: string }).__thiduaToken = value;
  }, token);
  return {
    graph,
    site,
    context,
    folderId,
    folderPath,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await site.close();
      await graph.close();
    },
  };
}

/**
 * The same workbook saved again: other bytes, the same contents. Not the file already sent, so a
 * send asks to replace it.
 */
export function resaved(bytes: Uint8Array, note = "saved again"): Uint8Array {
  return zipWithComment(bytes, note);
}

/** The send button's reason when it is disabled (an error thrown with it, for a clear failure). */
export async function clickSend(page: Page): Promise<void> {
  const button = page.locator('[data-testid="send-button"]');
  if (await button.isDisabled())
    throw new Error(`send disabled: ${await page.locator('[data-testid="send-reason"]').innerText()}`);
  await button.click();
}

export { corpusBytes };
