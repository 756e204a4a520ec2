import type { CellValue as ExcelCellValue, Worksheet } from "exceljs";
import { loadExcelJs } from "../../scripts/xlsx/load-exceljs";
import type { FakeCell, FakeProtection, FakeSheet, FakeWorkbook } from "./fake-excel";

/**
 * A fake Excel host holding a workbook as exceljs (an independent reader) loads it, with values
 * as Excel's API returns them: dates as serial numbers, percents as fractions, formulas as their
 * result with the formula text beside it. null when exceljs cannot load the bytes.
 */

const VALUE_TYPE = { Null: 0, Merge: 1 } as const;

function toSerial(date: Date, date1904: boolean): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 - (date1904 ? 1462 : 0);
}

function richText(value: { richText: { text: string }[] }): string {
  return value.richText.map((run) => run.text).join("");
}

function toFakeValue(value: ExcelCellValue, date1904: boolean): Pick<FakeCell, "value" | "valueType"> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return { value, valueType: "String" };
  if (typeof value === "number") return { value, valueType: "Double" };
  if (typeof value === "boolean") return { value, valueType: "Boolean" };
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : { value: toSerial(value, date1904), valueType: "Double" };
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText))
    return { value: richText(value), valueType: "String" };
  if ("error" in value && typeof value.error === "string") return { value: value.error, valueType: "Error" };
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === "string") return { value: text, valueType: "String" };
    if (text && typeof text === "object" && "richText" in text)
      return { value: richText(text as { richText: { text: string }[] }), valueType: "String" };
  }
  return null;
}

function formulaOf(value: ExcelCellValue): string | null {
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
  if ("sharedFormula" in value) return `=${String((value as { sharedFormula: unknown }).sharedFormula)}`;
  return null;
}

/**
 * The sheet's protection as Office.js reports it. exceljs reads `<sheetProtection>` into "allowed"
 * flags (formatColumns: true = the officer may format columns); a hash means a password.
 */
function protectionOf(sheet: Worksheet): FakeProtection | undefined {
  const read = (sheet as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
  if (!read?.["sheet"]) return undefined;
  const allowed = (flag: string) => read[flag] === true;
  return {
    protected: true,
    password: read["hashValue"] || read["password"] ? "(set by the officer)" : null,
    options: {
      allowFormatCells: allowed("formatCells"),
      allowFormatColumns: allowed("formatColumns"),
      allowFormatRows: allowed("formatRows"),
      allowInsertRows: allowed("insertRows"),
      allowDeleteRows: allowed("deleteRows"),
      allowAutoFilter: allowed("autoFilter"),
      allowSort: allowed("sort"),
    },
  };
}

function fakeSheet(sheet: Worksheet, date1904: boolean): FakeSheet {
  const cells = new Map<string, FakeCell>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === VALUE_TYPE.Merge || cell.type === VALUE_TYPE.Null) return;
      const formula = formulaOf(cell.value);
      const shown =
        formula === null
          ? toFakeValue(cell.value, date1904)
          : toFakeValue((cell.value as { result?: ExcelCellValue }).result ?? null, date1904);
      const numberFormat = cell.numFmt ?? "General";
      if (shown === null && formula === null) return;
      cells.set(cell.address, {
        // A formula never calculated (manual calculation): Excel reports it Empty.
        ...(shown ?? { value: "", valueType: "Empty" as const }),
        numberFormat,
        ...(formula === null ? {} : { formula }),
      });
    });
  });
  const mergeIndex = (sheet as unknown as { _merges: Record<string, { range: string }> })._merges;
  const visibility =
    sheet.state === "hidden" ? "Hidden" : sheet.state === "veryHidden" ? "VeryHidden" : "Visible";
  const protection = protectionOf(sheet);
  return {
    name: sheet.name,
    visibility,
    cells,
    merges: Object.values(mergeIndex).map((merge) => merge.range),
    conditionalFormats: [],
    ...(protection === undefined ? {} : { protection }),
  };
}

export async function hostFromExcelJs(bytes: Uint8Array): Promise<FakeWorkbook | null> {
  const ExcelJS = loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
      { ignoreNodes: ["dataValidations"] } as never,
    );
  } catch {
    return null;
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  return {
    sheets: workbook.worksheets.map((sheet) => fakeSheet(sheet, date1904)),
    date1904,
    activeSheet: null,
    selection: null,
  };
}
