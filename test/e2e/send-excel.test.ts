import type { Page } from "playwright-core";
import { formatVietnamDateTime } from "../../core/index";
import type { FakeWorkbook } from "../addin/fake-excel";
import { hostFromExcelJs } from "../addin/host-from-exceljs";
import { describeWithTool } from "../support/tools";
import { fakeOfficeJs, hostJsonOf } from "./fake-office";
import { buildAddin, clickSend, corpusBytes, resaved, startSendSite, type SendSite } from "./send-site";

/**
 * Issue 16 in Excel, end to end: the production build inside the fake Excel host (office.js
 * replaced by test/addin/fake-excel.ts, whose getFileAsync hands out the workbook as last saved),
 * sending to the strict Graph test server over HTTPS with CORS, `tokenProvider: "page-global"`.
 * The fake is added to the page before its scripts; office.js itself is unreachable by name, so
 * no request is routed and the test server's own CORS answers are what the page meets.
 */

const TOKEN = "e2e-excel-token";
const TARGET = "KH/KH_SKHCN.xlsx";

interface PageHost {
  openFiles?: number;
  fileCalls?: string[];
}

async function workbook(file: string): Promise<FakeWorkbook> {
  const saved = await corpusBytes(file);
  const host = await hostFromExcelJs(saved);
  if (host === null) throw new Error(`exceljs could not load ${file}`);
  return { ...host, savedBytes: saved };
}

function fileState(page: Page): Promise<PageHost> {
  return page.evaluate(() => {
    const host = (window as unknown as { __thiduaHost: PageHost }).__thiduaHost;
    return { openFiles: host.openFiles ?? 0, fileCalls: host.fileCalls ?? [] };
  });
}

describeWithTool("chromium", "sending from the pane inside Excel to the Graph test server", () => {
  let send: SendSite;
  let page: Page;

  beforeAll(async () => {
    buildAddin();
    send = await startSendSite(TOKEN);
  }, 300_000);

  afterAll(() => send?.close());

  beforeEach(() => {
    send.graph.faults.length = 0;
    send.graph.resetCounts();
    // Each test starts from an empty KH/ (the pane creates it again).
    const kind = send.graph.findByPath(`${send.folderPath}/KH`);
    if (kind) send.graph.deleteItem(kind.id);
  });

  afterEach(() => page?.close());

  /** The pane in the fake Excel holding `host`, after Kiểm tra. */
  async function openAndCheck(host: FakeWorkbook): Promise<void> {
    page = await send.context.newPage();
    await page.addInitScript(fakeOfficeJs(hostJsonOf(host)));
    await page.goto(`${send.site.url}taskpane.html`);
    await page.waitForSelector('[data-testid="pane"][data-mode="excel"]');
    await page.click('[data-testid="check"]');
    await page.waitForSelector('[data-testid="results"]');
  }

  /** The officer saves again (Ctrl+S): other bytes, the same workbook, as getFileAsync hands it out. */
  async function saveAgain(host: FakeWorkbook): Promise<Uint8Array> {
    const bytes = resaved(host.savedBytes!);
    await page.evaluate((base64) => {
      const inPage = (window as unknown as { __thiduaHost: { savedBytes?: Uint8Array } }).__thiduaHost;
      inPage.savedBytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    }, Buffer.from(bytes).toString("base64"));
    return bytes;
  }

  function stored(): { path: string; bytes: Buffer; version: number; lastModifiedDateTime: string }[] {
    return send.graph.filesUnder(send.folderId).map(({ path, item }) => ({
      path,
      bytes: Buffer.from(item.bytes),
      version: item.version,
      lastModifiedDateTime: item.lastModifiedDateTime,
    }));
  }

  it("checks a valid plan, then sends exactly its saved bytes as KH/KH_<code>.xlsx; the receipt has the server's time", async () => {
    const host = await workbook("kh-valid.xlsx");
    await openAndCheck(host);
    // Ready, or late by today's clock: both send.
    expect(await page.locator('[data-testid="send-note"]').getAttribute("data-code")).toMatch(
      /^SEND_(READY|LATE)$/,
    );

    await clickSend(page);

    const receipt = page.locator('[data-testid="receipt-text"]');
    await receipt.waitFor({ timeout: 30_000 });
    const files = stored();
    expect(files.map((file) => file.path)).toEqual([TARGET]);
    expect(files[0]?.bytes.equals(Buffer.from(host.savedBytes!))).toBe(true);
    const text = await receipt.innerText();
    expect(text).toContain("Đã gửi KH_SKHCN.xlsx vào thư mục KH");
    expect(text).toContain(
      `Máy chủ nhận lúc ${formatVietnamDateTime(Date.parse(files[0]?.lastModifiedDateTime ?? ""))}`,
    );
    // The saved file was read slice by slice and closed.
    expect(await fileState(page)).toEqual({ openFiles: 0, fileCalls: ["open", "slice 0", "close"] });
    expect(send.graph.requests.map((r) => `${r.method} ${r.kind}`)).toContain("OPTIONS api");
    expect(send.graph.badAuthorizations()).toEqual([]);
  });

  it("a workbook with errors cannot be sent: the button is disabled with the reason, the file is never read", async () => {
    await openAndCheck(await workbook("blank-template.xlsx"));

    expect(await page.locator('[data-testid="send-button"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="send-reason"]').innerText()).toMatch(
      /^Còn \d+ lỗi: sửa trước khi gửi\.$/,
    );
    expect((await fileState(page)).fileCalls).toEqual([]);
    expect(send.graph.count("api")).toBe(0);
  });

  it("warnings ask once, and 'send anyway' sends at once (no second click)", async () => {
    const host = await workbook("kh-criterion-uncovered.xlsx");
    await openAndCheck(host);

    await clickSend(page);
    const ask = page.locator('[data-testid="send-ask"]');
    await ask.waitFor();
    expect(await ask.getAttribute("data-code")).toBe("SEND_CONFIRM_WARNINGS");
    expect(await ask.innerText()).toContain(`Tệp còn 1 cảnh báo. Vẫn gửi thành ${TARGET}?`);
    await page.click('[data-testid="send-confirm"]');

    await page.locator('[data-testid="receipt-text"]').waitFor({ timeout: 30_000 });
    expect(stored().map((file) => [file.path, file.bytes.equals(Buffer.from(host.savedBytes!))])).toEqual([
      [TARGET, true],
    ]);
    // Asked once: sending again (saved again since) goes straight to the replace question.
    await saveAgain(host);
    await clickSend(page);
    await page.locator('[data-testid="send-ask"][data-code="SEND_CONFIRM_REPLACE"]').waitFor();
  });

  it("a second send replaces the first only after the officer confirms (OneDrive keeps the earlier version)", async () => {
    const host = await workbook("kh-valid.xlsx");
    await openAndCheck(host);
    await clickSend(page);
    await page.locator('[data-testid="receipt-text"]').waitFor({ timeout: 30_000 });
    expect(stored().map((file) => [file.path, file.version])).toEqual([[TARGET, 1]]);

    // Saved again (the very bytes already sent would be "sent" at once, with no new version).
    const second = await saveAgain(host);
    await clickSend(page);
    const ask = page.locator('[data-testid="send-ask"][data-code="SEND_CONFIRM_REPLACE"]');
    await ask.waitFor({ timeout: 30_000 });
    expect(stored().map((file) => file.version)).toEqual([1]);
    await page.click('[data-testid="send-confirm"]');

    await page.locator('[data-testid="receipt-text"]').waitFor({ timeout: 30_000 });
    expect(stored().map((file) => [file.path, file.version])).toEqual([[TARGET, 2]]);
    expect(stored()[0]?.bytes.equals(Buffer.from(second))).toBe(true);
    expect(await fileState(page)).toMatchObject({ openFiles: 0 });
  });

  it("unsaved edits (the saved file is not the checked workbook) ask to save first, and nothing reaches the server", async () => {
    const host = await workbook("kh-valid.xlsx");
    // The officer changed the contact person and checked, but has not saved.
    const info = host.sheets.find((sheet) => sheet.name === "Thông tin")!;
    info.cells.set("B10", { value: "Trần Thị Bình Minh", valueType: "String" });
    await openAndCheck(host);
    expect(await page.locator('[data-testid="ready"]').count()).toBe(1);

    await clickSend(page);

    const note = page.locator('[data-testid="send-note"][data-code="SEND_SAVE_FIRST"]');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.innerText()).toContain("có chỉnh sửa chưa lưu");
    expect(await fileState(page)).toEqual({ openFiles: 0, fileCalls: ["open", "slice 0", "close"] });
    expect(await page.locator('[data-testid="receipt"]').count()).toBe(0);
    expect(send.graph.count("api")).toBe(0);
    expect(stored()).toEqual([]);
  });

  it("survives a 429 (Retry-After honoured) and says it is waiting", async () => {
    send.graph.inject("api", { kind: "status", status: 429, retryAfter: "1" });
    const host = await workbook("kh-valid.xlsx");
    await openAndCheck(host);

    await clickSend(page);

    await page.locator('[data-testid="send-progress"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="receipt-text"]').waitFor({ timeout: 30_000 });
    expect(send.graph.faults.map((fault) => fault.times)).toEqual([0]);
    expect(stored().map((file) => [file.path, file.bytes.equals(Buffer.from(host.savedBytes!))])).toEqual([
      [TARGET, true],
    ]);
    expect(send.graph.badAuthorizations()).toEqual([]);
  });
  it("survives a connection reset after the server stored the PUT: one file, exactly the saved bytes", async () => {
    // The PUT is carried out, then the connection drops before the answer: the pane cannot know.
    send.graph.inject((request) => request.method === "PUT" && request.kind === "api", {
      kind: "reset-after-effect",
    });
    const host = await workbook("kh-valid.xlsx");
    await openAndCheck(host);

    await clickSend(page);

    await page.locator('[data-testid="receipt-text"]').waitFor({ timeout: 30_000 });
    expect(send.graph.faults.map((fault) => fault.times)).toEqual([0]);
    expect(
      stored().map((file) => [file.path, file.bytes.equals(Buffer.from(host.savedBytes!)), file.version]),
    ).toEqual([[TARGET, true, 1]]);
  });

  it.each([
    [403, "SEND_FORBIDDEN", "không có quyền ghi vào thư mục nhận"],
    [404, "SEND_FOLDER_NOT_FOUND", "Không tìm thấy thư mục nhận"],
  ])("reports %i in words, and nothing is stored", async (status, code, words) => {
    send.graph.inject("api", { kind: "status", status }, Infinity);
    await openAndCheck(await workbook("kh-valid.xlsx"));

    await clickSend(page);

    const failed = page.locator('[data-testid="send-failed"]');
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.getAttribute("data-code")).toBe(code);
    expect(await failed.innerText()).toContain(words);
    expect(await page.locator('[data-testid="receipt"]').count()).toBe(0);
    expect(await fileState(page)).toMatchObject({ openFiles: 0 });
    send.graph.faults.length = 0;
    expect(stored()).toEqual([]);
  });
  it("where Excel cannot hand over its file (no CompressedFile: Excel on iPad), says to send from the browser and offers no send", async () => {
    const host: FakeWorkbook = {
      ...(await workbook("kh-valid.xlsx")),
      requirementSets: { ExcelApi: "1.17", DialogApi: "1.2" },
    };
    await openAndCheck(host);

    await page.locator('[data-testid="send-elsewhere"]').waitFor();
    expect(await page.locator('[data-testid="send-elsewhere"]').innerText()).toContain("Excel trên iPad");
    expect(await page.locator('[data-testid="send-button"]').count()).toBe(0);
    expect(await fileState(page)).toEqual({ openFiles: 0, fileCalls: [] });
    expect(send.graph.count("api")).toBe(0);
  });
});
