import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { LISTS_SHEET, STAMP, WORKBOOK_SPECS, listNameFor, type TemplateSpec, type WorkbookKind } from "../../core/template-spec/index";
import { toA1 } from "../../core/values/a1";
import { writeTemplateBuffer } from "../../scripts/xlsx/write-template";

const TEMPLATES_DIR = join(__dirname, "..", "..", "templates");
const kinds = Object.keys(WORKBOOK_SPECS) as WorkbookKind[];

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

type Validations = Record<string, { type: string; formulae?: unknown[] }>;

function protectionOf(sheet: ExcelJS.Worksheet): { sheet?: boolean; hashValue?: string } | undefined {
  return (sheet as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } }).sheetProtection;
}

function validationsOf(sheet: ExcelJS.Worksheet): Validations {
  return (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;
}

/** Everything a template means, without the bytes: values, validations, names, protection, views. */
function describeWorkbook(workbook: ExcelJS.Workbook): unknown {
  return {
    sheets: workbook.worksheets.map((sheet) => {
      const cells: Record<string, unknown> = {};
      sheet.eachRow((row) => row.eachCell((cell) => {
        cells[cell.address] = { value: cell.value, locked: cell.protection?.locked !== false };
      }));
      const validations = Object.fromEntries(Object.entries(validationsOf(sheet)).map(([address, validation]) => [address, { type: validation.type, formulae: validation.formulae }]));
      return { name: sheet.name, state: sheet.state, cells, validations, protected: Boolean(protectionOf(sheet)?.sheet), views: (sheet.views ?? []).map((view) => ({ state: view.state, ySplit: (view as { ySplit?: number }).ySplit })) };
    }),
    names: workbook.definedNames.model.map((name) => ({ name: name.name, ranges: name.ranges })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe.each(kinds)("the %s template", (kind) => {
  const spec: TemplateSpec = WORKBOOK_SPECS[kind];
  let committed: ExcelJS.Workbook;

  beforeAll(async () => {
    committed = await load(await readFile(join(TEMPLATES_DIR, spec.fileName)));
  });

  it("in templates/ matches what the spec generates today (cells, validations, names, protection, views)", async () => {
    const regenerated = await load(await writeTemplateBuffer(spec));
    expect(describeWorkbook(committed)).toEqual(describeWorkbook(regenerated));
  });

  it("in templates/ is byte for byte what the generator writes (run `thidua templates` after a change)", async () => {
    const [first, second] = [await writeTemplateBuffer(spec), await writeTemplateBuffer(spec)];
    expect(first.equals(second)).toBe(true);
    expect(first.equals(await readFile(join(TEMPLATES_DIR, spec.fileName)))).toBe(true);
  });

  it("carries its kind and version in a very hidden sheet reachable by defined names", () => {
    const stamp = committed.getWorksheet(STAMP.sheet);
    expect(stamp?.state).toBe("veryHidden");
    expect(stamp?.getCell(STAMP.kindCell).value).toBe(spec.kind);
    expect(stamp?.getCell(STAMP.versionCell).value).toBe(spec.version);
    const names = committed.definedNames.model.map((name) => name.name);
    expect(names).toEqual(expect.arrayContaining([STAMP.kindName, STAMP.versionName]));
  });

  it("offers a dropdown over a named list on every enum field and column, on bounded ranges only", () => {
    for (const field of spec.fields) {
      if (field.value.type !== "enum") continue;
      const validation = validationsOf(committed.getWorksheet(field.sheet)!)[field.cell];
      expect(validation?.type).toBe("list");
      expect(validation?.formulae).toEqual([listNameFor(field.value.catalogue)]);
    }
    for (const table of spec.tables) {
      const sheet = committed.getWorksheet(table.sheet)!;
      const validations = validationsOf(sheet);
      for (const column of table.columns.filter((candidate) => candidate.value.type === "enum")) {
        for (const row of [table.firstDataRow, table.firstDataRow + table.templateRows - 1]) {
          expect(validations[toA1(column.column, row)]?.type).toBe("list");
        }
        // Bounded: nothing below the prepared rows (a whole-column validation makes exceljs crawl).
        expect(validations[toA1(column.column, table.firstDataRow + table.templateRows)]).toBeUndefined();
      }
    }
    expect(committed.getWorksheet(LISTS_SHEET)?.state).toBe("hidden");
  });

  it("locks every label and leaves every input cell open, under sheet protection without a password", () => {
    for (const sheetSpec of spec.sheets) {
      const sheet = committed.getWorksheet(sheetSpec.name)!;
      expect(protectionOf(sheet)?.sheet).toBe(true);
      expect(protectionOf(sheet)?.hashValue).toBeUndefined();
      for (const staticCell of sheetSpec.staticCells) expect(sheet.getCell(staticCell.cell).protection?.locked).not.toBe(false);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: sheetSpec.frozenRows });
    }
    for (const field of spec.fields) expect(committed.getWorksheet(field.sheet)!.getCell(field.cell).protection?.locked).toBe(false);
    for (const table of spec.tables) {
      const sheet = committed.getWorksheet(table.sheet)!;
      for (const column of table.columns) expect(sheet.getCell(toA1(column.column, table.firstDataRow + 5)).protection?.locked).toBe(false);
    }
  });

  it("writes the Vietnamese label of every field beside its input", () => {
    for (const field of spec.fields) {
      const sheet = committed.getWorksheet(field.sheet)!;
      const row = sheet.getCell(field.cell).row;
      const texts = [1, 2, 3, 4].map((column) => String(sheet.getRow(Number(row)).getCell(column).value ?? ""));
      expect(texts.some((text) => text.startsWith(field.label.vi))).toBe(true);
    }
  });
});
