import type { Problem } from "../../core/index";
import {
  MARK_FILL,
  MARK_FORMULA,
  markProblems,
  readOpenWorkbook,
  selectProblem,
  unmarkProblems,
} from "../../addin/office/excel-workbook";
import { createContext, sheetOf, type FakeCell, type FakeSheet, type FakeWorkbook } from "./fake-excel";

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

/** A plan-like sheet with `rows` task rows of five columns from row 4. */
function taskSheet(rows: number): FakeSheet {
  const cells: Record<string, FakeCell> = { A3: { value: "STT", valueType: "String" } };
  for (let row = 4; row < 4 + rows; row += 1) {
    cells[`A${row}`] = { value: row - 3, valueType: "Double" };
    cells[`B${row}`] = { value: `Nhiệm vụ ${row - 3}`, valueType: "String" };
    cells[`C${row}`] = { value: 46000 + row, valueType: "Double", numberFormat: "dd/mm/yyyy" };
    cells[`D${row}`] = { value: 0.25, valueType: "Double", numberFormat: "0%" };
    cells[`E${row}`] = { value: 1, valueType: "Double", formula: "=1" };
  }
  return sheet("Nhiệm vụ", cells);
}

function host(sheets: FakeSheet[], date1904 = false): FakeWorkbook {
  return { sheets, date1904, activeSheet: null, selection: null };
}

function problem(sheetName: string | null, cell: string | null): Problem {
  return { code: "REQUIRED_MISSING", severity: "error", sheet: sheetName, cell, params: {} };
}

describe("readOpenWorkbook", () => {
  it.each([
    [10, 4],
    [5000, 5],
  ])("reads %i task rows in %i syncs (sheets, sizes, merges, then cells in blocks)", async (rows, syncs) => {
    const workbook = host([
      sheet("Thông tin", { B6: { value: "CQ - Cơ quan", valueType: "String" } }),
      taskSheet(rows),
      sheet("_thidua", { A1: { value: "KH", valueType: "String" } }, { visibility: "VeryHidden" }),
    ]);
    const context = createContext(workbook);

    const { snapshot } = await readOpenWorkbook(context);

    // 5,000 rows: the first block is sized on a generous guess, the second on what it measured.
    expect(context.syncs).toBe(syncs);
    expect(snapshot.sheets.map((s) => [s.name, s.state, Object.keys(s.cells).length])).toEqual([
      ["Thông tin", "visible", 1],
      ["Nhiệm vụ", "visible", 1 + 5 * rows],
      ["_thidua", "veryHidden", 1],
    ]);
    expect(snapshot.sheets[1]!.cells[`E${3 + rows}`]).toEqual({ t: "n", v: 1, formula: true });
  });

  it("turns serials into dates and fractions into percents, as the file reader does", async () => {
    const context = createContext(host([taskSheet(1)]));

    const { snapshot } = await readOpenWorkbook(context);

    expect(snapshot.sheets[0]!.cells).toEqual({
      A3: { t: "s", v: "STT" },
      A4: { t: "n", v: 1 },
      B4: { t: "s", v: "Nhiệm vụ 1" },
      C4: { t: "d", v: "2025-12-13" },
      D4: { t: "n", v: 0.25, percent: true },
      E4: { t: "n", v: 1, formula: true },
    });
  });

  it("tells the 1904 date system and keeps merges, hiding what lies under them", async () => {
    const context = createContext(
      host(
        [
          sheet(
            "Thông tin",
            {
              A1: { value: "Tiêu đề", valueType: "String" },
              B1: { value: "ẩn dưới ô gộp", valueType: "String" },
              C2: { value: 0, valueType: "Double", numberFormat: "d/m/yyyy" },
            },
            { merges: ["A1:B1"] },
          ),
        ],
        true,
      ),
    );

    const { snapshot } = await readOpenWorkbook(context);

    expect(snapshot).toEqual({
      date1904: true,
      sheets: [
        {
          name: "Thông tin",
          state: "visible",
          merges: ["A1:B1"],
          cells: { A1: { t: "s", v: "Tiêu đề" }, C2: { t: "d", v: "1904-01-01" } },
        },
      ],
    });
  });

  it("reads a workbook of many sheets in as many syncs as a small one", async () => {
    const sheets = Array.from({ length: 20 }, (_, i) =>
      sheet(`S${i + 1}`, { A1: { value: i, valueType: "Double" } }),
    );
    const context = createContext(host(sheets));

    const { snapshot } = await readOpenWorkbook(context);

    expect(context.syncs).toBe(4);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
  });
});

describe("selectProblem", () => {
  it("activates the problem's sheet and selects its cell", async () => {
    const workbook = host([sheet("Thông tin", {}), taskSheet(3)]);

    await selectProblem(createContext(workbook), problem("Nhiệm vụ", "C5"));

    expect({ sheet: workbook.activeSheet, cell: workbook.selection }).toEqual({
      sheet: "Nhiệm vụ",
      cell: "C5",
    });
  });

  it("activates the sheet alone for a problem of a whole sheet", async () => {
    const workbook = host([sheet("Thông tin", {}), taskSheet(3)]);

    await selectProblem(createContext(workbook), problem("Nhiệm vụ", null));

    expect({ sheet: workbook.activeSheet, cell: workbook.selection }).toEqual({
      sheet: "Nhiệm vụ",
      cell: null,
    });
  });
});

describe("markProblems / unmarkProblems", () => {
  function markedHost(): FakeWorkbook {
    const own = { range: "A1:A9", type: "CellValue", formula: "=A1>5", fill: "#00FF00", font: null };
    return host([
      sheet(
        "Thông tin",
        { B6: { value: "x", valueType: "String", fill: "#FFFFCC" } },
        { conditionalFormats: [own] },
      ),
      taskSheet(3),
    ]);
  }

  it("marks each problem cell once, on its own sheet", async () => {
    const workbook = markedHost();

    const marked = await markProblems(createContext(workbook), [
      problem("Thông tin", "B6"),
      problem("Nhiệm vụ", "C5"),
      problem("Nhiệm vụ", "C5"),
      problem("Nhiệm vụ", "E6"),
      problem(null, null),
    ]);

    expect(marked).toEqual({ marked: 3, skipped: [] });
    const ours = (name: string) =>
      sheetOf(workbook, name)
        .conditionalFormats.filter((format) => format.formula === MARK_FORMULA)
        .map((format) => [format.range, format.type, format.fill]);
    expect(ours("Thông tin")).toEqual([["B6", "Custom", MARK_FILL]]);
    expect(ours("Nhiệm vụ")).toEqual([["C5,E6", "Custom", MARK_FILL]]);
  });

  it("unmarking leaves the workbook's formats as they were, its own conditional formats included", async () => {
    const workbook = markedHost();
    const before = structuredClone(workbook);
    await markProblems(createContext(workbook), [problem("Thông tin", "B6"), problem("Nhiệm vụ", "C5")]);
    expect(workbook).not.toEqual(before);

    const removed = await unmarkProblems(createContext(workbook));

    expect(removed).toEqual({ removed: 2, skipped: [] });
    expect({ ...workbook, responses: undefined }).toEqual({ ...before, responses: undefined });
  });

  it("marking again replaces the earlier marks instead of piling them up", async () => {
    const workbook = markedHost();
    await markProblems(createContext(workbook), [problem("Nhiệm vụ", "C5")]);

    await markProblems(createContext(workbook), [problem("Nhiệm vụ", "E6")]);

    expect(sheetOf(workbook, "Nhiệm vụ").conditionalFormats.map((format) => format.range)).toEqual(["E6"]);
  });
});
