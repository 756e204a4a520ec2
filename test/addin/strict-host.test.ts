import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkbook, type Problem } from "../../core/index";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { hostFromExcelJs } from "./host-from-exceljs";
import {
  MARK_FILL,
  MARK_FORMULA,
  markProblems,
  readOpenWorkbook,
  selectProblem,
  unmarkProblems,
} from "../../addin/office/excel-workbook";
import {
  createContext,
  sheetOf,
  WEB_PAYLOAD_LIMIT_BYTES,
  type FakeCell,
  type FakeSheet,
  type FakeWorkbook,
} from "./fake-excel";

/**
 * The refusals Excel makes and the fake host now makes too (test/addin/fake-excel.ts cites the
 * Microsoft page of each), and what the adapter does about them.
 */

/** The templates' protection: `<sheetProtection sheet="1" …>`, no password. */
const TEMPLATE_PROTECTION = {
  protected: true,
  password: null,
  options: { allowFormatCells: false, allowAutoFilter: true, selectionMode: true } as Record<string, boolean>,
};

function sheet(name: string, cells: Record<string, FakeCell>, extra: Partial<FakeSheet> = {}): FakeSheet {
  return {
    name,
    visibility: "Visible",
    cells: new Map(Object.entries(cells)),
    merges: [],
    conditionalFormats: [],
    ...extra,
  };
}

/** A plan-like sheet of `rows` rows whose task text is `width` characters long. */
function bigSheet(name: string, rows: number, width = 40): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  const text = "Nhiệm vụ chuyển đổi số ".repeat(Math.ceil(width / 23)).slice(0, width);
  for (let row = 1; row <= rows; row += 1) {
    cells[`A${row}`] = { value: row, valueType: "Double" };
    cells[`B${row}`] = { value: `${text} ${row}`, valueType: "String" };
    cells[`C${row}`] = { value: 46000 + (row % 300), valueType: "Double", numberFormat: "dd/mm/yyyy" };
    cells[`D${row}`] = { value: `Phòng ${row % 12}`, valueType: "String" };
  }
  return sheet(name, cells);
}

function host(sheets: FakeSheet[], platform: "web" | "desktop" = "desktop"): FakeWorkbook {
  return { sheets, date1904: false, activeSheet: null, selection: null, platform };
}

function problem(sheetName: string | null, cell: string | null): Problem {
  return { code: "REQUIRED_MISSING", severity: "error", sheet: sheetName, cell, params: {} };
}

function protectedTemplate(): FakeWorkbook {
  return host([
    sheet(
      "Thông tin",
      { B6: { value: "x", valueType: "String" } },
      { protection: structuredClone(TEMPLATE_PROTECTION) },
    ),
    sheet(
      "Nhiệm vụ",
      { C5: { value: 1, valueType: "Double" } },
      { protection: structuredClone(TEMPLATE_PROTECTION) },
    ),
    sheet("Ghi chú", {}),
  ]);
}

describe("the fake host refuses what Excel refuses", () => {
  it("a conditional format added on a protected sheet fails at sync", async () => {
    const workbook = protectedTemplate();
    const context = createContext(workbook);
    context.workbook.worksheets.getItem("Thông tin").getRange("B6").conditionalFormats.add("Custom");

    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("reading a property that no load() named fails", async () => {
    const context = createContext(host([sheet("A", {})]));
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();

    expect(sheets.items[0]!.name).toBe("A");
    expect(() => sheets.items[0]!.visibility).toThrow(/PropertyNotLoaded/);
  });

  it("a response above 5 MB fails on Excel on the web, and none of its loads resolve", async () => {
    const context = createContext(host([bigSheet("Nhiệm vụ", 16_000, 120)], "web"));
    const used = context.workbook.worksheets.getItem("Nhiệm vụ").getUsedRangeOrNullObject(true);
    used.load("values,valueTypes,numberFormat,formulas");

    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(() => used.values).toThrow(/PropertyNotLoaded/);
  });

  it("more than 512 merged areas in one call fail", async () => {
    const merges = Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const context = createContext(
      host([
        sheet(
          "Gộp",
          { A1: { value: 1, valueType: "Double" }, C1100: { value: 1, valueType: "Double" } },
          { merges },
        ),
      ]),
    );
    const areas = context.workbook.worksheets
      .getItem("Gộp")
      .getUsedRangeOrNullObject(true)
      .getMergedAreasOrNullObject();
    areas.load("address");

    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });

  it.each(["Hidden", "VeryHidden"] as const)(
    "activating a %s sheet fails, and a missing one",
    async (visibility) => {
      const context = createContext(host([sheet("Lộ", {}), sheet("Ẩn", {}, { visibility })]));
      context.workbook.worksheets.getItem("Ẩn").activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });

      context.workbook.worksheets.getItem("Không có").activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    },
  );

  it("protect() on a protected sheet fails, and unprotect() without its password", async () => {
    const workbook = host([
      sheet("Mẫu", {}, { protection: structuredClone(TEMPLATE_PROTECTION) }),
      sheet("Riêng", {}, { protection: { ...structuredClone(TEMPLATE_PROTECTION), password: "bí mật" } }),
    ]);
    const context = createContext(workbook);
    context.workbook.worksheets.getItem("Mẫu").protection.protect({});
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });

    context.workbook.worksheets.getItem("Riêng").protection.unprotect();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(sheetOf(workbook, "Riêng").protection?.protected).toBe(true);
  });
});

describe("marks on protected templates", () => {
  it("marks every problem cell of protected sheets with one rule per sheet, and protects them again as they were", async () => {
    const workbook = protectedTemplate();

    const result = await markProblems(createContext(workbook), [
      problem("Thông tin", "B6"),
      problem("Thông tin", "B8"),
      problem("Nhiệm vụ", "C5"),
      problem("Nhiệm vụ", "C6"),
      problem("Nhiệm vụ", "C7"),
      problem("Nhiệm vụ", "E5"),
    ]);

    expect(result).toEqual({ marked: 6, skipped: [] });
    const ours = (name: string) =>
      sheetOf(workbook, name).conditionalFormats.map((format) => [
        format.range,
        format.type,
        format.formula,
        format.fill,
      ]);
    expect(ours("Thông tin")).toEqual([["B6,B8", "Custom", MARK_FORMULA, MARK_FILL]]);
    expect(ours("Nhiệm vụ")).toEqual([["C5:C7,E5", "Custom", MARK_FORMULA, MARK_FILL]]);
    for (const name of ["Thông tin", "Nhiệm vụ"])
      expect(sheetOf(workbook, name).protection).toEqual(TEMPLATE_PROTECTION);
    expect(sheetOf(workbook, "Ghi chú").protection).toBeUndefined();
  });

  it("leaves a password-protected sheet alone, marks the others and names it", async () => {
    const workbook = protectedTemplate();
    sheetOf(workbook, "Nhiệm vụ").protection = {
      ...structuredClone(TEMPLATE_PROTECTION),
      password: "của tôi",
    };
    const before = structuredClone(sheetOf(workbook, "Nhiệm vụ"));

    const result = await markProblems(createContext(workbook), [
      problem("Thông tin", "B6"),
      problem("Nhiệm vụ", "C5"),
    ]);

    expect(result).toEqual({ marked: 1, skipped: ["Nhiệm vụ"] });
    expect(sheetOf(workbook, "Nhiệm vụ")).toEqual(before);
    expect(sheetOf(workbook, "Thông tin").conditionalFormats).toHaveLength(1);
    expect(sheetOf(workbook, "Thông tin").protection).toEqual(TEMPLATE_PROTECTION);
  });

  it("unmarking leaves the workbook exactly as it was, protection and its own rules included", async () => {
    const workbook = protectedTemplate();
    const own = { range: "A1:A9", type: "CellValue", formula: "=A1>5", fill: "#00FF00", font: null };
    sheetOf(workbook, "Thông tin").conditionalFormats.push(own);
    const before = structuredClone(workbook);
    await markProblems(createContext(workbook), [problem("Thông tin", "B6"), problem("Nhiệm vụ", "C5")]);
    expect(workbook).not.toEqual(before);

    const result = await unmarkProblems(createContext(workbook));

    expect(result).toEqual({ removed: 2, skipped: [] });
    expect({ ...workbook, responses: undefined }).toEqual({ ...before, responses: undefined });
  });

  it("finds a mark again however Excel spells its rule back", async () => {
    const workbook = protectedTemplate();
    sheetOf(workbook, "Ghi chú").conditionalFormats.push({
      range: "A1",
      type: "Custom",
      formula: ' = n( "thidua" ) = 0 ',
      fill: MARK_FILL,
      font: null,
    });

    expect(await unmarkProblems(createContext(workbook))).toEqual({ removed: 1, skipped: [] });
    expect(sheetOf(workbook, "Ghi chú").conditionalFormats).toEqual([]);
  });
});

describe("reads that scale", () => {
  it("reads a sheet far above 5 MB on Excel on the web in blocks, each response under the budget", async () => {
    const rows = 8_000;
    const web = host(
      [sheet("Thông tin", { A1: { value: "KH", valueType: "String" } }), bigSheet("Nhiệm vụ", rows, 700)],
      "web",
    );
    const desktop = host([
      sheet("Thông tin", { A1: { value: "KH", valueType: "String" } }),
      bigSheet("Nhiệm vụ", rows, 700),
    ]);
    const unlimited = createContext(desktop);
    // What one response would weigh: the whole sheet in one batch, as before.
    const whole = unlimited.workbook.worksheets.getItem("Nhiệm vụ").getUsedRangeOrNullObject(true);
    whole.load("values,valueTypes,numberFormat");
    await unlimited.sync();
    expect(desktop.responses![0]).toBeGreaterThan(WEB_PAYLOAD_LIMIT_BYTES);

    const context = createContext(web);
    const read = await readOpenWorkbook(context);

    expect(Object.keys(read.snapshot.sheets[1]!.cells)).toHaveLength(4 * rows);
    expect(read.snapshot.sheets[1]!.cells[`B${rows}`]).toEqual({
      t: "s",
      v: expect.stringMatching(new RegExp(` ${rows}$`)),
    });
    expect(Math.max(...web.responses!)).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    expect(read.notes).toEqual({ mergesUnread: [] });
  });

  it("reads formulas only on a sheet that has some", async () => {
    const workbook = host([
      sheet("Số liệu", { A1: { value: 1, valueType: "Double" } }),
      sheet("Tính", { A1: { value: 2, valueType: "Double", formula: "=1+1" } }),
    ]);

    const read = await readOpenWorkbook(createContext(workbook));

    expect(read.snapshot.sheets.map((s) => s.cells["A1"])).toEqual([
      { t: "n", v: 1 },
      { t: "n", v: 2, formula: true },
    ]);
    expect(workbook.rangeLoads).toEqual(["Tính"]);
  });

  it("goes on when one sheet has more than 512 merged areas, and says which", async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const workbook = host([
      sheet(
        "Gộp nhiều",
        { A1: { value: 1, valueType: "Double" }, C1300: { value: 1, valueType: "Double" } },
        { merges },
      ),
      sheet(
        "Thông tin",
        { A1: { value: "Tiêu đề", valueType: "String" }, C2: { value: 1, valueType: "Double" } },
        { merges: ["A1:B1"] },
      ),
    ]);

    const read = await readOpenWorkbook(createContext(workbook));

    expect(read.notes).toEqual({ mergesUnread: ["Gộp nhiều"] });
    expect(read.snapshot.sheets.map((s) => s.merges)).toEqual([[], ["A1:B1"]]);
  });
});

describe("cells that moved", () => {
  it.each([
    ["Hidden", "hidden"],
    ["VeryHidden", "veryHidden"],
  ] as const)("a problem on a sheet now %s is reported, not thrown", async (visibility, outcome) => {
    const workbook = host([sheet("Thông tin", {}), sheet("Nhiệm vụ", {}, { visibility })]);

    expect(await selectProblem(createContext(workbook), problem("Nhiệm vụ", "C5"))).toBe(outcome);
    expect(workbook.selection).toBeNull();
  });

  it("a problem on a sheet renamed since the check is reported, not thrown", async () => {
    const workbook = host([sheet("Thông tin", {}), sheet("Nhiệm vụ (2)", {})]);

    expect(await selectProblem(createContext(workbook), problem("Nhiệm vụ", "C5"))).toBe("missing");
  });

  it("a problem on a visible sheet is selected", async () => {
    const workbook = host([sheet("Thông tin", {}), sheet("Nhiệm vụ", {})]);

    expect(await selectProblem(createContext(workbook), problem("Nhiệm vụ", "C5"))).toBe("selected");
    expect([workbook.activeSheet, workbook.selection]).toEqual(["Nhiệm vụ", "C5"]);
  });
});

describe("the templates as Excel opens them", () => {
  it("marks and unmarks the protected blank KH template, leaving it exactly as it was", async () => {
    const template = await hostFromExcelJs(
      readFileSync(join(__dirname, "..", "..", "templates", "KH_ke-hoach-trien-khai.xlsx")),
    );
    if (template === null) throw new Error("exceljs could not load the KH template");
    const protectedSheets = template.sheets.filter((s) => s.protection?.protected).map((s) => s.name);
    expect(protectedSheets).toEqual(["Thông tin", "Nhiệm vụ", "Tiêu chí"]);
    const before = structuredClone(template);
    const { snapshot } = await readOpenWorkbook(createContext(template));
    const problems = validateWorkbook(snapshot, { config: FIXTURE_CONFIG }).problems;
    expect(problems.filter((p) => p.cell !== null).length).toBeGreaterThan(3);

    const marked = await markProblems(createContext(template), problems);

    expect(marked.skipped).toEqual([]);
    expect(marked.marked).toBe(
      new Set(problems.filter((p) => p.cell !== null).map((p) => `${p.sheet}!${p.cell}`)).size,
    );
    for (const name of protectedSheets)
      expect(sheetOf(template, name).protection).toEqual(sheetOf(before, name).protection);
    expect(template.sheets.map((s) => s.conditionalFormats.length).reduce((a, b) => a + b)).toBe(
      new Set(problems.filter((p) => p.cell !== null).map((p) => p.sheet)).size,
    );

    await unmarkProblems(createContext(template));

    expect({ ...template, responses: undefined, rangeLoads: undefined }).toEqual({
      ...before,
      responses: undefined,
      rangeLoads: undefined,
    });
  });
});
