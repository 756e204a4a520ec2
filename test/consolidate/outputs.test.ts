import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { chromium, type Browser } from "playwright-core";
import yauzl from "yauzl";
import type { ConsolidationResult } from "../../core/consolidate/types";
import { INDICATORS } from "../../core/catalogue/indicators";
import { formatProblem } from "../../core/messages/index";
import { renderHtmlReport } from "../../scripts/consolidate/write-html-report";
import { writeConsolidatedWorkbook } from "../../scripts/consolidate/write-workbook";
import { UsageError } from "../../scripts/errors";
import { buildFixtureResult, buildSyntheticResult, HOSTILE } from "./fixture-result";
import { CHROMIUM, CHROMIUM_FLAGS } from "../e2e/browser";
import { findTool, itFullLayer, itWithTool } from "../support/tools";

/** Outputs a person looks at (workbook, PDF, screenshots) land here; the folder is not committed. */
const ARTIFACTS = resolve(__dirname, "..", "artifacts");
const WORKBOOK = join(ARTIFACTS, "consolidated.xlsx");
// The LibreOffice and Chromium tests are skipped where the program is missing (one line says so), failing under CI=true.
const SOFFICE = findTool("soffice") ?? "soffice";

const EXPECTED_HEADERS: Record<string, string[]> = {
  "Tổng quan": [
    "Phạm vi",
    "Nhóm",
    "Phải nộp",
    "Đã nộp",
    "Đúng hạn",
    "Nộp muộn",
    "Không hợp lệ",
    "Chưa nộp",
    "Chưa đến hạn",
    "Tỷ lệ nộp (%)",
    "Tỷ lệ đúng hạn (%)",
  ],
  "Tình hình nộp": [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Cụm, khối thi đua",
    "Loại hồ sơ",
    "Kỳ",
    "Tình trạng",
    "Tệp",
    "Thời điểm nhận (giờ Việt Nam)",
    "Số lỗi",
    "Số cảnh báo",
    "Số bản cũ",
  ],
  "Chưa nộp": [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Cụm, khối thi đua",
    "Thư điện tử",
    "Loại hồ sơ",
    "Kỳ",
    "Tình trạng",
    "Việc cần làm",
    "Tệp",
    "Thời điểm nhận (giờ Việt Nam)",
    "Số lỗi",
    "Tệp mang tên đơn vị, mã khác (cần xem lại)",
  ],
  "Nhiệm vụ": [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Cụm, khối thi đua",
    "Kỳ",
    "Tệp",
    "Dòng",
    "Nội dung thi đua",
    "Tên nội dung",
    "Nhiệm vụ",
    "Chỉ tiêu, chỉ số cần đạt",
    "Đơn vị chủ trì",
    "Thời hạn hoàn thành",
    "Kết quả dự kiến",
  ],
  "Chỉ tiêu": [
    "Nội dung thi đua",
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Giá trị",
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Cụm, khối thi đua",
    "Tệp",
  ],
  "Qua các năm": [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Cụm, khối thi đua",
    "Năm",
    "Tình trạng",
    "Tệp",
    ...INDICATORS.map((indicator) => indicator.code),
  ],
  "Khen thưởng": [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Cụm, khối thi đua",
    "Kỳ",
    "Tệp",
    "Dòng",
    "Tập thể / Cá nhân",
    "Tên tập thể, họ tên cá nhân",
    "Chức vụ, đơn vị công tác",
    "Nhóm cá nhân",
    "Hình thức khen thưởng",
    "Nội dung thi đua",
    "Tóm tắt thành tích",
    "Văn bản công nhận, minh chứng",
    "Cơ quan tiếp nhận",
  ],
  Lỗi: ["Mã đơn vị", "Tên đơn vị", "Tệp", "Kết quả", "Trang tính", "Ô", "Mã lỗi", "Mức độ", "Nội dung"],
  "Nhật ký": [
    "Tệp",
    "Dung lượng (byte)",
    "SHA-256",
    "Thời điểm nhận (giờ Việt Nam)",
    "Loại hồ sơ",
    "Kỳ",
    "Phiên bản biểu mẫu",
    "Kết quả",
    "Mã đơn vị",
    "Xác định đơn vị",
    "Tên trong tệp chỉ đơn vị",
    "Được thay bằng tệp",
    "Số lỗi",
    "Số cảnh báo",
  ],
};

function run(
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { timeout: timeoutMs }, (error, stdout, stderr) =>
      error ? reject(Object.assign(error, { stdout, stderr })) : resolvePromise({ stdout, stderr }),
    );
  });
}

/** Every entry of a zip as text (workbooks are small here). */
function readZipText(path: string): Promise<Map<string, string>> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolvePromise(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

function headerRowOf(sheet: ExcelJS.Worksheet): number {
  const view = sheet.views[0];
  return view && view.state === "frozen" ? (view.ySplit ?? 0) : 0;
}

function headersOf(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(headerRowOf(sheet)).values as unknown[];
  return values.slice(1).map((value) => String(value));
}

/** The data rows of a sheet's table, as objects keyed by header. */
function tableOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const headerRow = headerRowOf(sheet);
  const headers = headersOf(sheet);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let number = headerRow + 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    if (!row.hasValues) break;
    rows.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1)])));
  }
  return rows;
}

function cell(row: Record<string, ExcelJS.Cell> | undefined, header: string): ExcelJS.Cell {
  const found = row?.[header];
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

describe("consolidated workbook", () => {
  let result: ConsolidationResult;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    result = buildFixtureResult();
    await mkdir(ARTIFACTS, { recursive: true });
    await writeConsolidatedWorkbook(result, WORKBOOK);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(WORKBOOK);
  });

  const sheet = (name: string): ExcelJS.Worksheet => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };

  it("has every sheet, in order, each with its Vietnamese headers", () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(Object.keys(EXPECTED_HEADERS));
    for (const [name, headers] of Object.entries(EXPECTED_HEADERS))
      expect([name, headersOf(sheet(name))]).toEqual([name, headers]);
  });

  it("freezes the header row of every sheet and sets an autofilter over it, named for LibreOffice too", async () => {
    const workbookXml = (await readZipText(WORKBOOK)).get("xl/workbook.xml") ?? "";
    workbook.worksheets.forEach((worksheet, index) => {
      const headerRow = headerRowOf(worksheet);
      expect([worksheet.name, headerRow > 0]).toEqual([worksheet.name, true]);
      expect([worksheet.name, String(worksheet.autoFilter)]).toEqual([
        worksheet.name,
        expect.stringMatching(new RegExp(`^A${headerRow}:[A-Z]+\\d+$`)),
      ]);
      const [from, to] = String(worksheet.autoFilter)
        .split(":")
        .map((ref) => ref.replace(/([A-Z]+)(\d+)/, "$$$1$$$2"));
      expect(workbookXml).toContain(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}">&apos;${worksheet.name}&apos;!${from}:${to}</definedName>`,
      );
      expect(worksheet.columns.every((column) => (column.width ?? 0) >= 6)).toBe(true);
    });
  });

  it("stores formula-looking texts as plain strings and writes no formula and no link anywhere", async () => {
    const strings = new Set<string>();
    for (const worksheet of workbook.worksheets) {
      worksheet.eachRow((row) =>
        row.eachCell((each) => {
          expect([
            worksheet.name,
            each.address,
            each.type === ExcelJS.ValueType.Formula,
            each.type === ExcelJS.ValueType.Hyperlink,
            each.hyperlink,
          ]).toEqual([worksheet.name, each.address, false, false, undefined]);
          if (each.type === ExcelJS.ValueType.String) strings.add(each.value as string);
        }),
      );
    }
    for (const hostile of Object.values(HOSTILE)) expect(strings).toContain(hostile);

    const statuses = tableOf(sheet("Tình hình nộp"));
    const name = cell(
      statuses.find((row) => cell(row, "Mã đơn vị").value === "XA001"),
      "Tên đơn vị",
    );
    expect([name.type, name.value, name.formula]).toEqual([
      ExcelJS.ValueType.String,
      HOSTILE.hyperlinkName,
      undefined,
    ]);
    const task = cell(
      tableOf(sheet("Nhiệm vụ")).find((row) => cell(row, "Nhiệm vụ").value === HOSTILE.ddeTask),
      "Nhiệm vụ",
    );
    expect(task.type).toBe(ExcelJS.ValueType.String);

    // The parts themselves: no <f> element, no hyperlink or external-link relationship, no macro.
    const parts = await readZipText(WORKBOOK);
    for (const [part, text] of parts) {
      expect([
        part,
        /<f[\s>]/.test(text),
        /<hyperlinks?[\s>]/.test(text),
        /externalLink|vbaProject|hyperlink"/i.test(text),
      ]).toEqual([part, false, false, false]);
    }
    expect([...parts.keys()].some((part) => /externalLinks|vbaProject|\.bin$/.test(part))).toBe(false);
  });

  it("colours each status and writes received times as Vietnam-time dates", () => {
    const fills: Record<string, string> = {};
    const rows = tableOf(sheet("Tình hình nộp"));
    for (const row of rows) {
      const status = cell(row, "Tình trạng");
      const fill = status.fill;
      fills[String(status.value)] = fill && fill.type === "pattern" ? String(fill.fgColor?.argb) : "none";
    }
    expect(fills).toEqual({
      "Đúng hạn": "FFC6EFCE",
      "Nộp muộn": "FFFFEB9C",
      "Không hợp lệ": "FFFFC7CE",
      "Chưa nộp": "FFE7E6E6",
    });

    // Received 14/11/2026 23:59 in Hà Tĩnh (16:59Z): the cell reads 14/11/2026 23:59, not the UTC instant.
    const snvReport = rows.find(
      (row) => cell(row, "Mã đơn vị").value === "SNV" && cell(row, "Loại hồ sơ").value === "Báo cáo năm (BC)",
    );
    const received = cell(snvReport, "Thời điểm nhận (giờ Việt Nam)");
    expect([received.type, (received.value as Date).toISOString(), received.numFmt]).toEqual([
      ExcelJS.ValueType.Date,
      "2026-11-14T23:59:00.000Z",
      "dd/mm/yyyy hh:mm",
    ]);
    const missing = rows.find((row) => cell(row, "Mã đơn vị").value === "XA001");
    expect(cell(missing, "Thời điểm nhận (giờ Việt Nam)").value).toBeNull();
  });

  it("writes figures as numbers: the province row of Tổng quan and the overview title's as-of time", () => {
    const overview = sheet("Tổng quan");
    expect(overview.getCell("A2").value).toEqual(expect.stringContaining("25/11/2026 12:00"));
    const province = tableOf(overview)[0];
    expect(
      [
        "Phạm vi",
        "Phải nộp",
        "Đã nộp",
        "Đúng hạn",
        "Nộp muộn",
        "Không hợp lệ",
        "Chưa nộp",
        "Tỷ lệ nộp (%)",
        "Tỷ lệ đúng hạn (%)",
      ].map((header) => cell(province, header).value),
    ).toEqual(["Toàn tỉnh", 18, 13, 8, 3, 2, 5, 72.2, 44.4]);
    const groups = tableOf(overview).map((row) => [cell(row, "Phạm vi").value, cell(row, "Nhóm").value]);
    expect(groups).toEqual(
      expect.arrayContaining([
        ["Theo loại hồ sơ", "Kế hoạch triển khai (KH)"],
        ["Theo loại đơn vị", "Doanh nghiệp"],
        ["Theo cụm, khối", "Cụm các xã, phường"],
      ]),
    );
  });

  it("lists the units to remind with their e-mail, missing first", () => {
    const rows = tableOf(sheet("Chưa nộp"));
    expect(
      rows.map((row) => [
        cell(row, "Mã đơn vị").value,
        cell(row, "Tình trạng").value,
        cell(row, "Thư điện tử").value,
      ]),
    ).toEqual([
      ["XA001", "Chưa nộp", "xa001@hatinh.gov.vn"],
      ["XA001", "Chưa nộp", "xa001@hatinh.gov.vn"],
      ["HND", "Chưa nộp", "hoinongdan@hatinh.gov.vn"],
      ["DN002", "Chưa nộp", "info@xanhkyanh.vn"],
      ["DN002", "Chưa nộp", "info@xanhkyanh.vn"],
      ["SKHCN", "Không hợp lệ", "skhcn@hatinh.gov.vn"],
      ["XA002", "Không hợp lệ", "thachha@hatinh.gov.vn"],
      ["SKHCN", "Nộp muộn", "skhcn@hatinh.gov.vn"],
      ["SNNMT", "Nộp muộn", "snnmt@hatinh.gov.vn"],
      ["DN001", "Nộp muộn", "lienhe@honglinh.vn"],
    ]);
  });

  it("routes nominations to Sở NN&MT (green transformation) or Sở KH&CN", () => {
    expect(
      tableOf(sheet("Khen thưởng")).map((row) => [
        cell(row, "Nội dung thi đua").value,
        cell(row, "Cơ quan tiếp nhận").value,
      ]),
    ).toEqual([
      // In the order of their files: KH_DN001, KH_SNNMT, KH_TD.
      ["ND5", "Sở KH&CN"],
      ["ND4", "Sở NN&MT"],
      ["ND6", "Sở KH&CN"],
    ]);
  });

  it("gives each indicator per unit and the province totals by content and unit type", () => {
    const indicators = sheet("Chỉ tiêu");
    expect(tableOf(indicators)).toHaveLength(result.indicators.length);
    const total = result.indicatorTotals.find((entry) => entry.code === "ND3.TY_LE_HO_SO_TRUC_TUYEN");
    let totalsRow: ExcelJS.Row | undefined;
    indicators.eachRow((row, number) => {
      if (
        number > headerRowOf(indicators) + result.indicators.length &&
        row.getCell(2).value === "ND3.TY_LE_HO_SO_TRUC_TUYEN"
      )
        totalsRow = row;
    });
    expect(totalsRow?.getCell(5).value).toBe(total?.province);
    expect([totalsRow?.getCell(8).value, totalsRow?.getCell(9).value, totalsRow?.getCell(10).value]).toEqual([
      total?.byUnitType.CQ,
      total?.byUnitType.MT,
      total?.byUnitType.DN,
    ]);
    const headings: unknown[] = [];
    indicators.eachRow((row) => headings.push(row.getCell(1).value));
    expect(headings).toEqual(
      expect.arrayContaining([
        "TỔNG HỢP TOÀN TỈNH THEO NỘI DUNG THI ĐUA VÀ LOẠI ĐƠN VỊ",
        "ND4 — Chuyển đổi xanh, kinh tế tuần hoàn",
      ]),
    );
  });

  it("lists the registry's problems, then every problem of every file with its Vietnamese message, and logs every file with its SHA-256", () => {
    const problems = tableOf(sheet("Lỗi"));
    const registryRows = (result.registry?.problems ?? []).map((problem) => [
      "danh-sach-don-vi.xlsx",
      problem.code,
      formatProblem(problem, "vi"),
    ]);
    expect(registryRows).toHaveLength(1);
    const expected = [
      ...registryRows,
      ...result.files.flatMap((file) =>
        file.problems.map((problem) => [file.file, problem.code, formatProblem(problem, "vi")]),
      ),
    ];
    expect(
      problems.map((row) => [cell(row, "Tệp").value, cell(row, "Mã lỗi").value, cell(row, "Nội dung").value]),
    ).toEqual(expected);

    const log = sheet("Nhật ký");
    expect(
      tableOf(log).map((row) => [
        cell(row, "Tệp").value,
        cell(row, "SHA-256").value,
        cell(row, "Dung lượng (byte)").value,
      ]),
    ).toEqual(result.files.map((file) => [file.file, file.sha256, file.sizeBytes]));
    expect(log.getCell("B2").value).toBe("25/11/2026 12:00");
    const preamble = new Map<string, unknown>();
    log.eachRow((row) => preamble.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(preamble.get("Danh sách đơn vị")).toBe("danh-sach-don-vi.xlsx");
    expect(preamble.get("SHA-256 của danh sách đơn vị")).toBe("ab".repeat(32));
    expect(preamble.get("Chỉ tổng hợp loại hồ sơ")).toBe("(mọi loại)");
  });

  it("writes atomically: nothing is left behind, and an impossible path is a usage error", async () => {
    expect((await readdir(ARTIFACTS)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    const folder = await mkdtemp(join(tmpdir(), "thidua-out-"));
    const blocker = join(folder, "a-file");
    await writeFile(blocker, "not a folder");
    await expect(writeConsolidatedWorkbook(result, join(blocker, "out.xlsx"))).rejects.toBeInstanceOf(
      UsageError,
    );
    await writeConsolidatedWorkbook(result, join(folder, "out.xlsx"));
    expect(await readdir(folder)).toEqual(["a-file", "out.xlsx"]);
    await rm(folder, { recursive: true, force: true });
  });

  itFullLayer(
    "writes a province of 300 units (900 files, 9,000 tasks) completely, sheet by sheet",
    async () => {
      const big = buildSyntheticResult(300);
      const folder = await mkdtemp(join(tmpdir(), "thidua-big-"));
      try {
        const path = join(folder, "big.xlsx");
        await writeConsolidatedWorkbook(big, path);
        const read = new ExcelJS.Workbook();
        await read.xlsx.readFile(path);
        const rows = (name: string): number => tableOf(read.getWorksheet(name) as ExcelJS.Worksheet).length;
        expect([
          rows("Tình hình nộp"),
          rows("Nhiệm vụ"),
          rows("Chỉ tiêu"),
          rows("Khen thưởng"),
          rows("Nhật ký"),
        ]).toEqual([
          big.statuses.length,
          big.tasks.length,
          big.indicators.length,
          big.nominations.length,
          big.files.length,
        ]);
        expect(big.tasks.length).toBe(9_000);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );

  itWithTool(
    "soffice",
    "opens in LibreOffice headless: converts to a non-empty PDF, and a re-save keeps every autofilter",
    async () => {
      const profile = await mkdtemp(join(tmpdir(), "thidua-lo-profile-"));
      const out = await mkdtemp(join(tmpdir(), "thidua-lo-out-"));
      try {
        await run(
          SOFFICE,
          [
            `-env:UserInstallation=${pathToFileURL(profile).href}`,
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            out,
            WORKBOOK,
          ],
          180_000,
        );
        const pdf = await readFile(join(out, "consolidated.pdf"));
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(pdf.length).toBeGreaterThan(10_000);
        await writeFile(join(ARTIFACTS, "consolidated.pdf"), pdf);

        const resaved = join(out, "resaved");
        await run(
          SOFFICE,
          [
            `-env:UserInstallation=${pathToFileURL(profile).href}`,
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            resaved,
            WORKBOOK,
          ],
          180_000,
        );
        const parts = await readZipText(join(resaved, "consolidated.xlsx"));
        const filters = [...parts.entries()]
          .filter(([part]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(part))
          .map(([, xml]) => /<autoFilter ref="A\d+:[A-Z]+\d+"/.test(xml));
        expect(filters).toEqual(Object.keys(EXPECTED_HEADERS).map(() => true));
        expect([...parts.values()].some((xml) => /<f[\s>]/.test(xml))).toBe(false);
      } finally {
        await rm(profile, { recursive: true, force: true });
        await rm(out, { recursive: true, force: true });
      }
    },
  );
});

/** Letters only Vietnamese writes: an English text holds none of them. */
const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe("consolidated workbook in English (--lang en)", () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "thidua-workbook-en-"));
    const path = join(dir, "consolidated-en.xlsx");
    await writeConsolidatedWorkbook(buildFixtureResult(), path, "en");
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    await rm(dir, { recursive: true, force: true });
  });

  it("names its sheets in English, in the same order", () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Overview",
      "Submissions",
      "To follow up",
      "Tasks",
      "Indicators",
      "Across the years",
      "Nominations",
      "Problems",
      "Log",
    ]);
  });

  it("writes titles, headers and the workbook's own words in English on every sheet", () => {
    for (const worksheet of workbook.worksheets) {
      const headerRow = headerRowOf(worksheet);
      // Column A above the table (titles, the log's labels) and the header row are the workbook's own words.
      const own = [
        ...Array.from({ length: headerRow - 1 }, (_, index) => worksheet.getRow(index + 1).getCell(1).value),
        ...headersOf(worksheet),
      ].filter((value): value is string => typeof value === "string");
      expect([worksheet.name, own.filter((text) => VIETNAMESE_LETTERS.test(text))]).toEqual([
        worksheet.name,
        [],
      ]);
    }
    expect(headersOf(workbook.getWorksheet("Problems")!)).toEqual([
      "Unit code",
      "Unit name",
      "File",
      "Outcome",
      "Sheet",
      "Cell",
      "Problem code",
      "Severity",
      "Message",
    ]);
  });

  it("labels statuses, kinds, outcomes and the overview's scopes in English", () => {
    const column = (name: string, header: string): string[] =>
      tableOf(workbook.getWorksheet(name)!)
        .map((row) => cell(row, header).value)
        .filter((value): value is string => typeof value === "string");
    const words = [
      ...column("Overview", "Scope"),
      ...column("Submissions", "Kind"),
      ...column("Submissions", "Status"),
      ...column("To follow up", "Next step"),
      ...column("Problems", "Severity"),
      ...column("Log", "Outcome"),
      ...column("Log", "Unit found by"),
    ];
    expect(words.length).toBeGreaterThan(20);
    expect(words.filter((text) => VIETNAMESE_LETTERS.test(text))).toEqual([]);
    expect(column("Overview", "Scope")).toEqual(
      expect.arrayContaining(["Province", "By kind", "By unit type", "By cluster"]),
    );
  });
});

describe("HTML report", () => {
  const result = buildFixtureResult();
  const report = renderHtmlReport(result);

  it("is one self-contained page with no URL of any kind, in Vietnamese by default and in English", () => {
    for (const page of [report, renderHtmlReport(result, "en")]) {
      expect(page).not.toMatch(/https?:\/\//i);
      expect(page).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
      expect(page).not.toMatch(/\b(src|href)\s*=/i);
      expect(page).toMatch(/<meta name="viewport"/);
    }
    expect(report).toMatch(/<html lang="vi">/);
    expect(report).toContain("Số liệu tính đến <strong>25/11/2026 12:00</strong>");
    expect(renderHtmlReport(result, "en")).toContain("Units to follow up");
  });

  it("escapes every text from submissions and the registry", () => {
    expect(report).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;UBND xã Thạch Hà");
    expect(report).not.toContain("<script>");
    expect(report).toContain("=HYPERLINK(&quot;http:&#8203;//x&quot;,&quot;y&quot;)");
  });

  itWithTool(
    "chromium",
    "shows the charts, the headline figures and the units to follow up in headless Chromium (screenshots in test/artifacts)",
    async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, "report.html");
      await writeFile(file, report);
      const fileUrl = pathToFileURL(file).href;
      const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
      try {
        for (const [name, viewport, mobile] of [
          ["phone", { width: 390, height: 844 }, true],
          ["desktop", { width: 1280, height: 900 }, false],
        ] as const) {
          const context = await browser.newContext({
            viewport,
            deviceScaleFactor: mobile ? 2 : 1,
            isMobile: mobile,
            hasTouch: mobile,
            serviceWorkers: "block",
          });
          const page = await context.newPage();
          const requested: string[] = [];
          const refused: string[] = [];
          const consoleErrors: string[] = [];
          page.on("request", (request) => requested.push(request.url()));
          page.on("console", (message) => {
            if (message.type() === "error") consoleErrors.push(message.text());
          });
          await context.route("**/*", async (route) => {
            const url = route.request().url();
            if (url === fileUrl) return route.continue();
            refused.push(url);
            return route.abort();
          });
          await page.goto(fileUrl, { waitUntil: "load" });
          const facts = await page.evaluate(() => ({
            charts: Array.from(document.querySelectorAll("svg[data-chart]"), (svg) =>
              svg.getAttribute("data-chart"),
            ),
            bars: document.querySelectorAll("rect[data-bar]").length,
            barsByUnitType: document.querySelectorAll('svg[data-chart="by-unit-type"] rect[data-bar]').length,
            barsByCluster: document.querySelectorAll('svg[data-chart="by-cluster"] rect[data-bar]').length,
            tooltips: document.querySelectorAll("rect[data-bar] > title").length,
            scripts: document.scripts.length,
            pwned: (window as unknown as { __pwned?: unknown }).__pwned,
            text: document.body.innerText,
            overflowsSideways: document.documentElement.scrollWidth > window.innerWidth,
          }));
          await page.screenshot({ path: join(ARTIFACTS, `report-${name}.png`), fullPage: true });
          await context.close();

          expect(facts.charts).toEqual(expect.arrayContaining(["by-unit-type", "by-cluster"]));
          expect(facts.charts.length).toBeGreaterThanOrEqual(2);
          expect(facts.bars).toBeGreaterThan(0);
          expect([facts.barsByUnitType, facts.barsByCluster]).toEqual([
            result.byUnitType.length * 2,
            result.byCluster.length * 2,
          ]);
          expect(facts.tooltips).toBe(facts.bars);
          expect([facts.scripts, facts.pwned]).toEqual([0, undefined]);
          expect(facts.text).toContain(HOSTILE.scriptName);
          expect(facts.text).toContain("72,2%");
          expect(facts.text).toContain("xa001@hatinh.gov.vn");
          expect(facts.overflowsSideways).toBe(false);
          expect(refused).toEqual([]);
          expect(requested.filter((url) => url !== fileUrl)).toEqual([]);
          expect(consoleErrors).toEqual([]);
          expect((await stat(join(ARTIFACTS, `report-${name}.png`))).size).toBeGreaterThan(10_000);
        }
      } finally {
        await browser.close();
      }
    },
  );
});
