import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { formatVietnamDateTime } from "../../core/index";
import { CORPUS, VALID_CASES } from "../fixtures/bad/cases";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { GraphTestServer, TEST_DRIVE_ID } from "../graph/graph-test-server";
import { describeWithTool } from "../support/tools";
import { CHROMIUM, CHROMIUM_FLAGS } from "./browser";
import { serveFolder } from "./serve";

/**
 * Issue 16 end to end: the production build on the standalone page (http://127.0.0.1) sends to the
 * strict Graph test server (https://localhost, another origin: CORS and preflights are real) with
 * `tokenProvider: "page-global"`. Chromium is told to accept the test server's self-signed
 * certificate; nothing else is relaxed.
 */

const ROOT = join(__dirname, "..", "..");
const BUILD = join(ROOT, "dist-addin");
const TOKEN = "e2e-pane-token";

function corpusCase(file: string) {
  const found = [...CORPUS, ...VALID_CASES].find((candidate) => candidate.file === file);
  if (!found || "committed" in found.source) throw new Error(`no built corpus case ${file}`);
  return found.source.build();
}

async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name));
      document
        .querySelector('[data-testid="dropzone"]')
        ?.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, base64: Buffer.from(bytes).toString("base64") },
  );
  await page.waitForSelector('[data-testid="results"]');
}

/** Clicks "Gửi Sở Nội vụ", confirming the warnings once if asked. */
async function send(page: Page): Promise<void> {
  const button = page.locator('[data-testid="send-button"]');
  if (await button.isDisabled())
    throw new Error(`send disabled: ${await page.locator('[data-testid="send-reason"]').innerText()}`);
  await button.click();
  const ask = page.locator('[data-testid="send-ask"][data-code="SEND_CONFIRM_WARNINGS"]');
  if (await ask.isVisible().catch(() => false)) {
    await page.click('[data-testid="send-confirm"]');
    await page.click('[data-testid="send-button"]');
  }
}

describeWithTool("chromium", "sending from the standalone page to the Graph test server", () => {
  let graph: GraphTestServer;
  let site: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  let folderId: string;
  let valid: Uint8Array;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(ROOT, "addin", "build-addin.js")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`build:addin failed:\n${build.stdout}\n${build.stderr}`);
    graph = await new GraphTestServer().start();
    graph.acceptToken(TOKEN);
    folderId = graph.ensureFolder("SoNoiVu/NopBaoCao");
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
    site = await serveFolder(BUILD, { "/config.json": JSON.stringify(config) });
    profile = mkdtempSync(join(tmpdir(), "thidua-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      // office.js unreachable by name, not by page.route: a routed page gets its CORS preflights
      // answered by Playwright, and the test server's own preflight answers would go untested.
      args: [...CHROMIUM_FLAGS, "--host-resolver-rules=MAP appsforoffice.microsoft.com ~NOTFOUND"],
      ignoreHTTPSErrors: true,
    });
    await context.addInitScript((token) => {
      (window as unknown as { __thiduaToken: string }).__thiduaToken = token;
    }, TOKEN);
    valid = await corpusCase("kh-valid.xlsx");
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await site?.close();
    await graph?.close();
  });

  beforeEach(async () => {
    graph.faults.length = 0;
    graph.resetCounts();
    page = await context.newPage();
    await page.goto(`${site.url}taskpane.html`);
    await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');
  });
  afterEach(() => page.close());

  it("sends a valid plan: the server holds exactly its bytes under KH/KH_<code>.xlsx, the receipt shows the server's time", async () => {
    await dropFile(page, "Bao cao 2026 (1) final.xlsx", valid);
    await send(page);
    const receipt = page.locator('[data-testid="receipt-text"]');
    await receipt.waitFor({ timeout: 30_000 });

    const files = graph.filesUnder(folderId);
    expect(files.map((file) => file.path)).toEqual(["KH/KH_SKHCN.xlsx"]);
    const item = files[0]?.item;
    expect(Buffer.from(item?.bytes ?? []).equals(Buffer.from(valid))).toBe(true);
    const text = await receipt.innerText();
    expect(text).toContain("Đã gửi KH_SKHCN.xlsx vào thư mục KH");
    // Another origin: the page went through CORS preflights (cached afterwards, max-age 3600).
    expect(graph.requests.map((r) => `${r.method} ${r.kind}`)).toContain("OPTIONS api");
    expect(text).toContain(
      `Máy chủ nhận lúc ${formatVietnamDateTime(Date.parse(item?.lastModifiedDateTime ?? ""))}`,
    );
    expect(graph.badAuthorizations()).toEqual([]);
  });

  it("refuses a file with errors: the button is disabled, with the reason", async () => {
    await dropFile(page, "trong.xlsx", await corpusCase("blank-template.xlsx"));
    const button = page.locator('[data-testid="send-button"]');
    expect(await button.isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="send-reason"]').innerText()).toMatch(
      /^Còn \d+ lỗi: sửa trước khi gửi\.$/,
    );
  });

  it("survives a 429, and replaces the earlier file only after the officer confirms", async () => {
    graph.inject("api", { kind: "status", status: 429, retryAfter: "1" });
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    const ask = page.locator('[data-testid="send-ask"][data-code="SEND_CONFIRM_REPLACE"]');
    await ask.waitFor({ timeout: 30_000 });
    expect(graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx")?.version).toBe(1);
    await page.click('[data-testid="send-confirm"]');
    await page.locator('[data-testid="receipt-text"]').waitFor({ timeout: 30_000 });
    expect(graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx")?.version).toBe(2);
    // The 429 was met, and survived.
    expect(graph.faults.map((fault) => fault.times)).toEqual([0]);
    expect(graph.badAuthorizations()).toEqual([]);
  });

  it("reports 403 in words", async () => {
    graph.inject("api", { kind: "status", status: 403 }, Infinity);
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    const failed = page.locator('[data-testid="send-failed"]');
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.getAttribute("data-code")).toBe("SEND_FORBIDDEN");
    expect(await failed.innerText()).toContain("không có quyền ghi vào thư mục nhận");
  });

  it("reports a moved or deleted folder (404) in words", async () => {
    graph.deleteItem(folderId);
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    const failed = page.locator('[data-testid="send-failed"]');
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.getAttribute("data-code")).toBe("SEND_FOLDER_NOT_FOUND");
    expect(await failed.innerText()).toContain("Không tìm thấy thư mục nhận");
  });
});
