import type { Workbook, Worksheet } from "exceljs";
import { createProblem, type Problem } from "../../core/problems";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { convertCell } from "./cell-value";
import { DEFAULT_INSPECT_LIMITS, inspectWorkbookBytes, type InspectLimits } from "./inspect-file";
import { loadExcelJs } from "./load-exceljs";

export type SnapshotReading =
  | { readonly ok: true; readonly snapshot: WorkbookSnapshot }
  | { readonly ok: false; readonly problem: Problem };

export interface ReadOptions {
  readonly timeoutMs?: number;
  readonly limits?: InspectLimits;
}

const DEFAULT_TIMEOUT_MS = 30_000;

interface WorkbookPropertiesXform {
  model?: { date1904?: boolean };
  parseOpen(node: { name: string; attributes: Record<string, string | undefined> }): boolean;
}

let date1904Patched = false;

/**
 * exceljs 4.4 takes `<workbookPr date1904="1">` but not `date1904="true"`, which LibreOffice
 * writes (xsd:boolean allows both): a 1904 workbook re-saved by LibreOffice would read every
 * date 4 years and a day early. The flag is read before cells are reconciled into dates, so
 * accepting "true" where exceljs parses it is enough. Pinned by test/validate/read-workbook.test.ts
 * and libreoffice.test.ts.
 */
function acceptDate1904True(): void {
  if (date1904Patched) return;
  date1904Patched = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const xform = require("exceljs/lib/xlsx/xform/book/workbook-properties-xform") as { prototype: WorkbookPropertiesXform };
  const parseOpen = xform.prototype.parseOpen;
  xform.prototype.parseOpen = function (this: WorkbookPropertiesXform, node) {
    const handled = parseOpen.call(this, node);
    if (handled && node.name === "workbookPr" && node.attributes.date1904?.toLowerCase() === "true") this.model = { ...this.model, date1904: true };
    return handled;
  };
}

function snapshotSheet(sheet: Worksheet): SheetSnapshot {
  const cells: Record<string, CellValue> = {};
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = convertCell(cell);
      if (value) cells[cell.address] = value;
    });
  });
  // exceljs keeps merges by master address; `model` would rebuild the whole sheet to list them.
  const mergeIndex = (sheet as unknown as { _merges: Record<string, { range: string }> })._merges;
  const merges = Object.values(mergeIndex).map((merge) => merge.range);
  const state = sheet.state === "hidden" || sheet.state === "veryHidden" ? sheet.state : "visible";
  return { name: sheet.name, state, cells, merges };
}

/** The plain snapshot the core validates: values of every sheet, merges, the date system. */
export function snapshotWorkbook(workbook: Workbook): WorkbookSnapshot {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  return { sheets: workbook.worksheets.map(snapshotSheet), date1904 };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Reads a submitted file's bytes into a snapshot, or says precisely why it cannot. The bytes are
 * checked before exceljs sees them (not a zip, encrypted, truncated, zip bomb), and loading has
 * a time limit. Never writes anything.
 */
export async function readWorkbookSnapshot(bytes: Uint8Array, options: ReadOptions = {}): Promise<SnapshotReading> {
  const inspection = await inspectWorkbookBytes(bytes, options.limits ?? DEFAULT_INSPECT_LIMITS);
  if (!inspection.ok) return { ok: false, problem: createProblem(inspection.code, "error", {}, inspection.params) };
  const ExcelJS = loadExcelJs();
  acceptDate1904True();
  const workbook = new ExcelJS.Workbook();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    // Validations are not needed to read values, and exceljs expands them cell by cell (PITFALLS).
    const loading = workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, { ignoreNodes: ["dataValidations"] } as never);
    const outcome = await withTimeout(loading, timeoutMs);
    if (outcome === "timeout") return { ok: false, problem: createProblem("FILE_TIMEOUT", "error", {}, { seconds: Math.round(timeoutMs / 1000) }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: createProblem("FILE_UNREADABLE", "error", {}, { reason: reason.slice(0, 200) }) };
  }
  return { ok: true, snapshot: snapshotWorkbook(workbook) };
}
