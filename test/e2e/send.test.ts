import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import {
  addDays,
  formatVietnamDateTime,
  periodKey,
  toVietnamDate,
  type ConfigFile,
  type SendReceipt,
} from "../../core/index";
import { SIMPLE_UPLOAD_MAX_BYTES } from "../../addin/pane/send";
import {
  FIXTURE_CONFIG,
  day,
  khFill,
  option,
  writeDnkt,
  writeKh,
  writeRegistry,
} from "../fixtures/make-fixtures";
import { GraphTestServer, TEST_DRIVE_ID } from "../graph/graph-test-server";
import { describeWithTool } from "../support/tools";
import { CHROMIUM, CHROMIUM_FLAGS } from "./browser";
import { buildAddin, clickSend, corpusBytes, resaved } from "./send-site";
import { serveFolder } from "./serve";
import { dropFile } from "./drop-file";

/**
 * Issue 16 end to end: the production build on the standalone page (http://127.0.0.1) sends to the
 * strict Graph test server (https://localhost, another origin: CORS and preflights are real) with
 * `tokenProvider: "page-global"`. Chromium is told to accept the test server's self-signed
 * certificate; nothing else is relaxed. Then Sở Nội vụ's side: the compiled CLI consolidates the
 * same server folder (needs `npm run build`).
 */

const ROOT = join(__dirname, "..", "..");
const BUILD = join(ROOT, "dist-addin");
const CLI = join(ROOT, "dist", "scripts", "cli.js");
const TOKEN = "e2e-pane-token";
const SHARING_LINK = "https://contoso.sharepoint.com/:f:/s/snv/EsNopBaoCaoE2e?e=abc";

/** Today in Vietnam, and a nomination round of this year whose deadline is ten days away. */
const TODAY = toVietnamDate(Date.now());
const ROUND = { kind: "DN-KT", round: "HANGNAM", year: Number(TODAY.slice(0, 4)) } as const;
const ROUND_LAST_DAY = addDays(TODAY, 10);

/**
 * A valid plan above the 4 MiB of a simple upload by its real size: long task results of random
 * letters (incompressible, as scanned text pasted into cells is) rather than a lowered threshold.
 */
function bigPlan(): Promise<Buffer> {
  const task = khFill().tables?.tasks?.[0] ?? {};
  return writeKh({
    tables: {
      tasks: Array.from({ length: 3000 }, (_, index) => ({
        ...task,
        task: `Nhiệm vụ số ${index + 1}`,
        expectedResult: randomBytes(1400).toString("base64"),
      })),
    },
  });
}

/** Clicks "Gửi Sở Nội vụ", confirming the warnings once if asked ("send anyway" sends at once). */
async function send(page: Page): Promise<void> {
  await clickSend(page);
  const ask = page.locator('[data-testid="send-ask"][data-code="SEND_CONFIRM_WARNINGS"]');
  if (await ask.isVisible().catch(() => false)) await page.click('[data-testid="send-confirm"]');
}

async function receiptText(page: Page): Promise<string> {
  const receipt = page.locator('[data-testid="receipt-text"]');
  await receipt.waitFor({ timeout: 60_000 });
  return receipt.innerText();
}

async function failure(page: Page): Promise<{ code: string | null; text: string }> {
  const failed = page.locator('[data-testid="send-failed"]');
  await failed.waitFor({ timeout: 30_000 });
  return { code: await failed.getAttribute("data-code"), text: await failed.innerText() };
}

function thidua(args: readonly string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TZ: "UTC", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describeWithTool("chromium", "sending from the standalone page to the Graph test server", () => {
  let graph: GraphTestServer;
  const sites: { url: string; close: () => Promise<void> }[] = [];
  let site: { url: string };
  let linkSite: { url: string };
  let context: BrowserContext;
  let work: string;
  let page: Page;
  let folderId: string;
  let linkFolderId: string;
  let valid: Uint8Array;
  /** The campaign as the province writes it, in config.json beside the pane and thidua.config.json alike. */
  let campaign: ConfigFile;

  /** The pane's build served with a config.json whose submission block sends to `folder`. */
  async function servePane(folder: string): Promise<{ url: string }> {
    // The schema is strict: a resolved MovementConfig would be refused.
    const config: ConfigFile = {
      ...campaign,
      submission: { folder, graphEndpoint: graph.endpoint, tokenProvider: "page-global" },
    };
    const served = await serveFolder(BUILD, { "/config.json": JSON.stringify(config) });
    sites.push(served);
    return served;
  }

  /** Empties the submission folder (its files deleted, as Sở Nội vụ would) for a first send. */
  function clearFolder(id = folderId): void {
    for (const { item } of graph.filesUnder(id)) graph.deleteItem(item.id);
  }

  beforeAll(async () => {
    buildAddin();
    graph = await new GraphTestServer().start();
    graph.acceptToken(TOKEN);
    folderId = graph.ensureFolder("SoNoiVu/NopBaoCao");
    linkFolderId = graph.ensureFolder("SoNoiVu/NopQuaLienKet");
    // An organisation link the officer has never opened: the pane must redeem it (shares-get).
    graph.share(SHARING_LINK, linkFolderId, { redeemed: false });
    campaign = {
      provincialPlanDate: FIXTURE_CONFIG.provincialPlanDate,
      // Nominations expected too: the consolidation then gives the unit a status for the round.
      expectedKinds: [...FIXTURE_CONFIG.expectedKinds, "DN-KT"],
      nominationDeadlines: { [periodKey(ROUND)]: ROUND_LAST_DAY },
    };
    site = await servePane(`onedrive:${TEST_DRIVE_ID}/${folderId}`);
    linkSite = await servePane(SHARING_LINK);
    work = mkdtempSync(join(tmpdir(), "thidua-e2e-send-"));
    context = await chromium.launchPersistentContext(join(work, "profile"), {
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
    valid = await corpusBytes("kh-valid.xlsx");
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    for (const served of sites) await served.close();
    await graph?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function openPane(at: { url: string } = site): Promise<void> {
    page = await context.newPage();
    await page.goto(`${at.url}taskpane.html`);
    await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');
  }

  beforeEach(async () => {
    graph.faults.length = 0;
    graph.resetCounts();
    graph.quotaBytes = Infinity;
    await openPane();
  });
  afterEach(() => page.close());

  it("sends a valid plan: the server holds exactly its bytes under KH/KH_<code>.xlsx, the receipt shows the server's time", async () => {
    await dropFile(page, "Bao cao 2026 (1) final.xlsx", valid);
    await send(page);
    const text = await receiptText(page);

    const files = graph.filesUnder(folderId);
    expect(files.map((file) => file.path)).toEqual(["KH/KH_SKHCN.xlsx"]);
    const item = files[0]?.item;
    expect(Buffer.from(item?.bytes ?? []).equals(Buffer.from(valid))).toBe(true);
    expect(text).toContain("Đã gửi KH_SKHCN.xlsx vào thư mục KH");
    // Another origin: the page went through CORS preflights (cached afterwards, max-age 3600).
    expect(graph.requests.map((r) => `${r.method} ${r.kind}`)).toContain("OPTIONS api");
    expect(text).toContain(
      `Máy chủ nhận lúc ${formatVietnamDateTime(Date.parse(item?.lastModifiedDateTime ?? ""))}`,
    );
    expect(graph.badAuthorizations()).toEqual([]);
  });

  it("refuses a file with errors: the button is disabled, with the reason", async () => {
    await dropFile(page, "trong.xlsx", await corpusBytes("blank-template.xlsx"));
    const button = page.locator('[data-testid="send-button"]');
    expect(await button.isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="send-reason"]').innerText()).toMatch(
      /^Còn \d+ lỗi: sửa trước khi gửi\.$/,
    );
  });

  it("sends the very bytes already there as 'sent' at the stored time: no question, no new version", async () => {
    // The first test's file is in the folder (a click whose answer the officer never saw, say).
    const stored = graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx");
    expect(stored?.version).toBe(1);
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    expect(await receiptText(page)).toContain(
      `Máy chủ nhận lúc ${formatVietnamDateTime(Date.parse(stored?.lastModifiedDateTime ?? ""))}`,
    );
    expect(await page.locator('[data-testid="send-ask"]').count()).toBe(0);
    expect(graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx")?.version).toBe(1);
    expect(graph.requests.filter((request) => request.method === "PUT")).toEqual([]);
  });

  it("survives a 429, and replaces the earlier file only after the officer confirms", async () => {
    graph.inject("api", { kind: "status", status: 429, retryAfter: "1" });
    // Saved again since (other bytes): not the file already there.
    await dropFile(page, "KH.xlsx", resaved(valid));
    await send(page);
    const ask = page.locator('[data-testid="send-ask"][data-code="SEND_CONFIRM_REPLACE"]');
    await ask.waitFor({ timeout: 30_000 });
    expect(graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx")?.version).toBe(1);
    await page.click('[data-testid="send-confirm"]');
    await receiptText(page);
    expect(graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx")?.version).toBe(2);
    // The 429 was met, and survived.
    expect(graph.faults.map((fault) => fault.times)).toEqual([0]);
    expect(graph.badAuthorizations()).toEqual([]);
  });

  it("says it is waiting while throttled ('thử lại sau N giây'), then sends", async () => {
    clearFolder();
    graph.inject("api", { kind: "status", status: 429, retryAfter: "3" });
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    const progress = page.locator('[data-testid="send-progress"]');
    await progress.waitFor({ timeout: 10_000 });
    expect(await progress.innerText()).toMatch(/^Máy chủ đang bận: sẽ thử lại sau [23] giây…$/);
    await receiptText(page);
    expect(await progress.count()).toBe(0);
    expect(graph.faults.map((fault) => fault.times)).toEqual([0]);
  });

  it("asks once about warnings: cancelling sends nothing, confirming sends, and a resend of the same file asks nothing", async () => {
    clearFolder();
    await dropFile(page, "KH canh bao.xlsx", await corpusBytes("kh-criterion-uncovered.xlsx"));
    await page.click('[data-testid="send-button"]');
    const ask = page.locator('[data-testid="send-ask"]');
    await ask.waitFor();
    expect(await ask.getAttribute("data-code")).toBe("SEND_CONFIRM_WARNINGS");
    expect(await ask.innerText()).toContain("Tệp còn 1 cảnh báo. Vẫn gửi thành KH/KH_SKHCN.xlsx?");
    await page.click('[data-testid="send-cancel"]');
    expect(await ask.count()).toBe(0);
    // Nothing left the page for Graph: not a request, not a file.
    expect(graph.requests.filter((request) => request.kind === "api")).toEqual([]);
    expect(graph.filesUnder(folderId)).toEqual([]);

    await page.click('[data-testid="send-button"]');
    // "Vẫn gửi" sends at once: no second click.
    await page.click(
      '[data-testid="send-ask"][data-code="SEND_CONFIRM_WARNINGS"] [data-testid="send-confirm"]',
    );
    await receiptText(page);
    expect(graph.filesUnder(folderId).map((file) => file.path)).toEqual(["KH/KH_SKHCN.xlsx"]);

    // Asked once, and the file already there is these bytes: sending again asks nothing (neither the
    // warnings nor a replace) and writes no new version. Latency makes the resend's receipt a new one.
    const receipt = page.locator('[data-testid="receipt-text"]');
    graph.latencyMs = 200;
    try {
      await page.click('[data-testid="send-button"]');
      await receipt.waitFor({ state: "detached", timeout: 30_000 });
      await receipt.waitFor({ timeout: 30_000 });
    } finally {
      graph.latencyMs = 0;
    }
    expect(await page.locator('[data-testid="send-ask"]').count()).toBe(0);
    expect(graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx")?.version).toBe(1);
  });

  it("survives a connection reset after the server stored the PUT: one file, exactly these bytes", async () => {
    clearFolder();
    // The PUT is carried out, then the connection drops before the answer: the pane cannot know.
    graph.inject((request) => request.method === "PUT" && request.kind === "api", {
      kind: "reset-after-effect",
    });
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    expect(await receiptText(page)).toContain("Đã gửi KH_SKHCN.xlsx");
    const item = graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx");
    expect(Buffer.from(item?.bytes ?? []).equals(Buffer.from(valid))).toBe(true);
    // Stored once: the second PUT (conflictBehavior fail) met the first one's file, which is these bytes.
    expect(item?.version).toBe(1);
    expect(graph.faults.map((fault) => fault.times)).toEqual([0]);
    expect(graph.requests.filter((r) => r.method === "PUT").length).toBeGreaterThanOrEqual(2);
    expect(graph.badAuthorizations()).toEqual([]);
  });

  it("sends above 4 MiB through an upload session whose last answer is lost, no token on the upload URL", async () => {
    clearFolder();
    const big = await bigPlan();
    expect(big.byteLength).toBeGreaterThan(SIMPLE_UPLOAD_MAX_BYTES);
    const fragments = Math.ceil(big.byteLength / (10 * 320 * 1024));
    let sent = 0;
    // The last fragment completes the file, then the connection drops before its answer: the
    // session has ended (404 from now on), and only the folder can say whether the file landed.
    graph.inject((request) => request.kind === "upload" && request.method === "PUT" && ++sent === fragments, {
      kind: "reset-after-effect",
    });
    await dropFile(page, "KH lon.xlsx", big);
    await send(page);
    expect(await receiptText(page)).toContain(`(${big.byteLength} byte)`);
    const item = graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx");
    expect(Buffer.from(item?.bytes ?? []).equals(big)).toBe(true);
    expect(item?.version).toBe(1);
    const calls = graph.requests.filter((r) => r.method !== "OPTIONS").map((r) => `${r.method} ${r.kind}`);
    expect(calls).toContain("POST api");
    expect(calls).not.toContain("PUT api");
    // One PUT a fragment, then one request meets the ended session (404) and the pane looks in the
    // folder: Chromium's own resend of the reset PUT (it resends a request whose reused connection
    // closed before any answer), or else the pane's status GET (test/addin/send.test.ts covers that
    // one). Nothing more goes to the dead upload URL, and nothing from byte 0 again.
    const uploads = calls.filter((call) => call.endsWith(" upload"));
    expect(uploads.slice(0, fragments)).toEqual(Array<string>(fragments).fill("PUT upload"));
    expect(uploads.length).toBe(fragments + 1);
    expect(graph.faults.map((fault) => fault.times)).toEqual([0]);
    expect(graph.badAuthorizations()).toEqual([]);
  }, 180_000);

  it("says in words that Sở Nội vụ's storage is full (507 quotaLimitReached), storing nothing", async () => {
    clearFolder();
    graph.quotaBytes = graph.usedBytes() + 1024;
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    const failed = await failure(page);
    expect(failed.code).toBe("SEND_STORAGE_FULL");
    expect(failed.text).toContain(
      `Thư mục nhận của Sở Nội vụ đã hết dung lượng, không nhận thêm được tệp này (${valid.byteLength} byte)`,
    );
    expect(graph.filesUnder(folderId)).toEqual([]);
    expect(await page.locator('[data-testid="receipt"]').count()).toBe(0);
  });

  it("into a SharePoint library that rewrites the file on upload, reads it back and says 'sent' with a note", async () => {
    clearFolder();
    graph.enrichOfficeUploads = true;
    try {
      await dropFile(page, "KH.xlsx", valid);
      await send(page);
      const text = await receiptText(page);

      const item = graph.findByPath("SoNoiVu/NopBaoCao/KH/KH_SKHCN.xlsx");
      expect(Buffer.from(item?.bytes ?? []).equals(Buffer.from(valid))).toBe(false);
      expect(text).toContain("SharePoint đã ghi thêm thuộc tính của nó vào tệp");
      expect(text).toContain(
        `Máy chủ nhận lúc ${formatVietnamDateTime(Date.parse(item?.lastModifiedDateTime ?? ""))}`,
      );
      // Read back through the pre-authenticated URL (CORS), never with a bearer.
      expect(graph.requests.some((r) => r.kind === "download" && r.method === "GET")).toBe(true);
      expect(graph.authorizationOnDownloads).toBe(0);
      expect(graph.badAuthorizations()).toEqual([]);
    } finally {
      graph.enrichOfficeUploads = false;
    }
  });

  it("reports 403 in words", async () => {
    graph.inject("api", { kind: "status", status: 403 }, Infinity);
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    const failed = await failure(page);
    expect(failed.code).toBe("SEND_FORBIDDEN");
    expect(failed.text).toContain("không có quyền ghi vào thư mục nhận");
  });

  it("sends into the folder a sharing link names (redeemed with Prefer: redeemSharingLink)", async () => {
    await page.close();
    await openPane(linkSite);
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    await receiptText(page);
    const files = graph.filesUnder(linkFolderId);
    expect(files.map((file) => file.path)).toEqual(["KH/KH_SKHCN.xlsx"]);
    expect(Buffer.from(files[0]?.item.bytes ?? []).equals(Buffer.from(valid))).toBe(true);
    expect(graph.requests.some((r) => r.method === "GET" && r.url.includes("/shares/u!"))).toBe(true);
    expect(graph.badAuthorizations()).toEqual([]);
  });

  it("a nomination round sent on time is counted on time by `thidua consolidate --source onedrive:…`, at the receipt's time", async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    const nominations = await writeDnkt({
      fields: { round: option("round", "HANGNAM"), docDate: day(...isoParts(TODAY)) },
    });
    await dropFile(page, "De nghi khen thuong.xlsx", nominations);
    await send(page);
    await receiptText(page);
    expect(await page.locator('[data-testid="receipt"]').getAttribute("data-verdict")).toBe("on-time");
    const receipt = await page.evaluate(() => localStorage.getItem("thidua.receipt.DN-KT.SKHCN"));
    const { receivedAt } = JSON.parse(receipt ?? "null") as SendReceipt;
    const item = graph.findByPath("SoNoiVu/NopBaoCao/DN-KT/DN-KT_SKHCN.xlsx");
    expect(Buffer.from(item?.bytes ?? []).equals(nominations)).toBe(true);
    expect(receivedAt).toBe(Date.parse(item?.lastModifiedDateTime ?? ""));

    // Sở Nội vụ's side: the same campaign in thidua.config.json, the fixtures' registry, as of a minute later.
    writeFileSync(join(work, "thidua.config.json"), JSON.stringify(campaign));
    writeFileSync(join(work, "registry.xlsx"), await writeRegistry());
    writeFileSync(join(work, "ca.pem"), graph.ca);
    const run = await thidua(
      [
        "consolidate",
        "--source",
        `onedrive:${TEST_DRIVE_ID}/${folderId}`,
        "--registry",
        join(work, "registry.xlsx"),
        "--config",
        join(work, "thidua.config.json"),
        "--as-of",
        new Date(receivedAt + 60_000).toISOString(),
        "--out",
        join(work, "tong-hop.xlsx"),
        "--report",
        join(work, "tong-hop.html"),
        "--json",
        "--no-cache",
      ],
      {
        THIDUA_GRAPH_ACCESS_TOKEN: TOKEN,
        THIDUA_GRAPH_ENDPOINT: graph.endpoint,
        NODE_EXTRA_CA_CERTS: join(work, "ca.pem"),
      },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      units: {
        code: string;
        kind: string;
        period?: string;
        status: string;
        file: string | null;
        receivedAt: string | null;
      }[];
      files: {
        file: string;
        unit: string | null;
        receivedAt: string | null;
        origin?: { uploadedBy?: string };
      }[];
    };
    const unit = result.units.find((entry) => entry.kind === "DN-KT" && entry.code === "SKHCN");
    expect(unit).toEqual(
      expect.objectContaining({
        period: periodKey(ROUND),
        status: "on_time",
        file: "DN-KT/DN-KT_SKHCN.xlsx",
        receivedAt: new Date(receivedAt).toISOString(),
      }),
    );
    expect(result.files.find((file) => file.file === "DN-KT/DN-KT_SKHCN.xlsx")).toEqual(
      expect.objectContaining({ unit: "SKHCN", receivedAt: new Date(receivedAt).toISOString() }),
    );
  }, 120_000);

  // Last: it deletes the submission folder.
  it("reports a moved or deleted folder (404) in words", async () => {
    graph.deleteItem(folderId);
    await dropFile(page, "KH.xlsx", valid);
    await send(page);
    const failed = await failure(page);
    expect(failed.code).toBe("SEND_FOLDER_NOT_FOUND");
    expect(failed.text).toContain("Không tìm thấy thư mục nhận");
  });
});

function isoParts(date: string): [number, number, number] {
  const [year, month, dayOfMonth] = date.split("-").map(Number);
  return [year ?? 0, month ?? 0, dayOfMonth ?? 0];
}
