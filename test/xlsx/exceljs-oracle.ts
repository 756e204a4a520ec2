import type { Cell, CellValue as ExcelCellValue, Workbook, Worksheet } from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { loadExcelJs } from "../../scripts/xlsx/load-exceljs";

/**
 * A second, independent reading of a workbook through exceljs: the oracle the differential tests
 * hold thidua's own reader (scripts/xlsx/sheetml) against. It was the production reader until
 * the consolidation's performance target asked for a lighter one.
 */

/** Corpus files where the two readers differ on purpose, with why; each is pinned in read-workbook.test.ts. */
export const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  "formula-empty-text.xlsx":
    'exceljs drops an empty <v>, so a formula that gave "" reads as never calculated',
};

/** exceljs ValueType numbers (enums.js). */
const VALUE_TYPE = { Null: 0, Merge: 1 } as const;

interface WorkbookPropertiesXform {
  model?: { date1904?: boolean };
  parseOpen(node: { name: string; attributes: Record<string, string | undefined> }): boolean;
}

let date1904Patched = false;

/** exceljs 4.4 takes `date1904="1"` but not LibreOffice's `date1904="true"`. */
function acceptDate1904True(): void {
  if (date1904Patched) return;
  date1904Patched = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const xform = require("exceljs/lib/xlsx/xform/book/workbook-properties-xform") as {
    prototype: WorkbookPropertiesXform;
  };
  const parseOpen = xform.prototype.parseOpen;
  xform.prototype.parseOpen = function (this: WorkbookPropertiesXform, node) {
    const handled = parseOpen.call(this, node);
    if (handled && node.name === "workbookPr" && node.attributes.date1904?.toLowerCase() === "true")
      this.model = { ...this.model, date1904: true };
    return handled;
  };
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function convertDate(date: Date): CellValue | null {
  if (Number.isNaN(date.getTime())) return null;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return {
    t: "d",
    v: hasTime
      ? `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
      : day,
  };
}

function textOfRichText(value: { richText: { text: string }[] }): string {
  return value.richText.map((run) => run.text).join("");
}

function convertValue(value: ExcelCellValue | undefined, numFmt: string | undefined): CellValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return { t: "s", v: value };
  if (typeof value === "number")
    return numFmt?.includes("%") ? { t: "n", v: value, percent: true } : { t: "n", v: value };
  if (typeof value === "boolean") return { t: "b", v: value };
  if (value instanceof Date) return convertDate(value);
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText)) return { t: "s", v: textOfRichText(value) };
  if ("error" in value && typeof value.error === "string") return { t: "e", v: value.error };
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === "string") return { t: "s", v: text };
    if (text && typeof text === "object" && "richText" in text)
      return { t: "s", v: textOfRichText(text as { richText: { text: string }[] }) };
    return null;
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelCellValue }).result;
    if (result === undefined || result === null) return { t: "z", formula: true };
    const converted = convertValue(result, numFmt);
    return converted && converted.t !== "z" ? { ...converted, formula: true } : { t: "z", formula: true };
  }
  return null;
}

function convertCell(cell: Cell): CellValue | null {
  if (cell.type === VALUE_TYPE.Merge || cell.type === VALUE_TYPE.Null) return null;
  return convertValue(cell.value, cell.numFmt);
}

function snapshotSheet(sheet: Worksheet): SheetSnapshot {
  const cells: Record<string, CellValue> = {};
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = convertCell(cell);
      if (value) cells[cell.address] = value;
    });
  });
  const mergeIndex = (sheet as unknown as { _merges: Record<string, { range: string }> })._merges;
  const merges = Object.values(mergeIndex).map((merge) => merge.range);
  const state = sheet.state === "hidden" || sheet.state === "veryHidden" ? sheet.state : "visible";
  return { name: sheet.name, state, cells, merges };
}

function snapshotWorkbook(workbook: Workbook): WorkbookSnapshot {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  return { sheets: workbook.worksheets.map(snapshotSheet), date1904 };
}

/** The snapshot exceljs gives of these bytes, or null when exceljs cannot load them. */
export async function readSnapshotWithExcelJs(bytes: Uint8Array): Promise<WorkbookSnapshot | null> {
  acceptDate1904True();
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
  return snapshotWorkbook(workbook);
}
