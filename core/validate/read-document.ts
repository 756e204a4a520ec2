import type { LocalizedText } from "../catalogue/types";
import { createProblem, type Problem, type ProblemParam } from "../problems";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { findSheet } from "../snapshot";
import { LISTS_SHEET, STAMP } from "../template-spec/stamp";
import type { FieldSpec, TableSpec, TemplateSpec, ValueType, WorkbookKind } from "../template-spec/types";
import { WORKBOOK_SPECS, isWorkbookKind } from "../template-spec/index";
import { isCellInRange, parseA1, toA1 } from "../values/a1";
import { parseCellValue, type ParsedValue } from "../values/parse-value";
import { locateKeyedRows, locateTable } from "./locate-table";

export interface ParsedRow {
  /** The row number in the sheet, for locating problems. */
  readonly row: number;
  readonly values: Readonly<Record<string, ParsedValue | null>>;
}

/** A submission's content, typed by its spec. A value that could not be read is null (and has its problem). */
export interface ParsedDocument {
  readonly spec: TemplateSpec;
  readonly fields: Readonly<Record<string, ParsedValue | null>>;
  readonly tables: Readonly<Record<string, readonly ParsedRow[]>>;
  /**
   * Each table where it was read: the spec's, or a copy with the header row and columns where the
   * submission has them (rows or columns inserted or deleted). Rules locate their problems with it.
   */
  readonly layouts: Readonly<Record<string, TableSpec>>;
}

export type TemplateDetection =
  | { readonly ok: true; readonly spec: TemplateSpec; readonly version: string }
  | {
      readonly ok: false;
      readonly kind: string | null;
      readonly version: string | null;
      readonly problem: Problem;
    };

function stampText(sheet: SheetSnapshot, cell: string): string | null {
  const value = sheet.cells[cell];
  if (!value || value.t === "z") return null;
  const text = String(value.v).trim();
  return text === "" ? null : text;
}

/**
 * A sheet an officer can see. The stamp and the lists are machinery, even when unhidden
 * (LibreOffice unhides the stamp when nothing else is left).
 */
function isOfficerSheet(sheet: SheetSnapshot): boolean {
  return sheet.state === "visible" && sheet.name !== STAMP.sheet && sheet.name !== LISTS_SHEET;
}

/** Finds the template's kind and version in its stamp and tells whether this version is accepted. */
export function detectTemplate(snapshot: WorkbookSnapshot): TemplateDetection {
  const whole = { sheet: null, cell: null };
  const stampSheet = findSheet(snapshot, STAMP.sheet);
  const officerSheets = snapshot.sheets.filter(isOfficerSheet);
  // Empty: no sheet to fill (only the stamp left), or a new blank workbook (LibreOffice gives
  // one a blank Sheet1). A template left blank has its stamp: its required fields are reported.
  const isEmpty =
    officerSheets.length === 0 ||
    (!stampSheet && officerSheets.every((sheet) => Object.keys(sheet.cells).length === 0));
  if (isEmpty)
    return { ok: false, kind: null, version: null, problem: createProblem("WORKBOOK_EMPTY", "error", whole) };
  const kind = stampSheet ? stampText(stampSheet, STAMP.kindCell) : null;
  const version = stampSheet ? stampText(stampSheet, STAMP.versionCell) : null;
  if (!kind || !version)
    return { ok: false, kind, version, problem: createProblem("TEMPLATE_STAMP_MISSING", "error", whole) };
  if (!isWorkbookKind(kind))
    return {
      ok: false,
      kind,
      version,
      problem: createProblem("TEMPLATE_KIND_UNKNOWN", "error", whole, { found: kind }),
    };
  const spec = WORKBOOK_SPECS[kind];
  if (version === spec.version) return { ok: true, spec, version };
  const code = spec.retiredVersions.includes(version) ? "TEMPLATE_VERSION_OLD" : "TEMPLATE_VERSION_UNKNOWN";
  return {
    ok: false,
    kind,
    version,
    problem: createProblem(code, "error", whole, { found: version, expected: spec.version, kind }),
  };
}

/** Cells of a sheet grouped by row, built once so that tables of thousands of rows stay cheap. */
export function groupCellsByRow(sheet: SheetSnapshot): Map<number, Map<string, CellValue>> {
  const rows = new Map<number, Map<string, CellValue>>();
  for (const address in sheet.cells) {
    const value = sheet.cells[address];
    const parsed = parseA1(address);
    if (!parsed || !value) continue;
    let row = rows.get(parsed.row);
    if (!row) {
      row = new Map();
      rows.set(parsed.row, row);
    }
    row.set(parsed.column, value);
  }
  return rows;
}

function isBlankCell(value: CellValue | undefined): boolean {
  return value === undefined || (value.t === "s" && value.v.trim() === "");
}

/** A cell meant to hold a figure: a count, a percentage, a year. */
function isFigure(value: ValueType): boolean {
  return value.type === "integer" || value.type === "percent" || value.type === "year";
}

interface ReadContext {
  readonly problems: Problem[];
  readonly date1904: boolean;
}

function readCell(
  context: ReadContext,
  where: { sheet: string; cell: string },
  value: CellValue | undefined,
  spec: { label: LocalizedText; value: ValueType; required: boolean },
  extraParams: Record<string, ProblemParam> = {},
): ParsedValue | null {
  const outcome = parseCellValue(value, spec.value, context.date1904);
  if (!outcome.ok) {
    // An uncalculated formula in an optional text or date cell reads as blank. In a required cell
    // the value is missing; in a figure cell a number was meant and cannot be read.
    const severity =
      outcome.code === "FORMULA_NO_RESULT" && !spec.required && !isFigure(spec.value) ? "warning" : "error";
    context.problems.push(
      createProblem(outcome.code, severity, where, { field: spec.label, ...extraParams, ...outcome.params }),
    );
    return null;
  }
  if (outcome.notice) {
    context.problems.push(
      createProblem(outcome.notice.code, "warning", where, {
        field: spec.label,
        ...extraParams,
        ...outcome.notice.params,
      }),
    );
  }
  if (outcome.value === null && spec.required) {
    context.problems.push(
      createProblem("REQUIRED_MISSING", "error", where, { field: spec.label, ...extraParams }),
    );
  }
  return outcome.value;
}

interface MergeArea {
  readonly range: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Each sheet's merges, parsed once: every field of the sheet is checked against all of them. */
const mergeAreas = new WeakMap<SheetSnapshot, readonly MergeArea[]>();

function mergeAreasOf(sheet: SheetSnapshot): readonly MergeArea[] {
  let areas = mergeAreas.get(sheet);
  if (!areas) {
    areas = sheet.merges.flatMap((range) => {
      const [from, to = from] = range.split(":").map((address) => parseA1(address));
      if (!from || !to) return [];
      return [
        {
          range,
          top: Math.min(from.row, to.row),
          bottom: Math.max(from.row, to.row),
          left: Math.min(from.columnNumber, to.columnNumber),
          right: Math.max(from.columnNumber, to.columnNumber),
        },
      ];
    });
    mergeAreas.set(sheet, areas);
  }
  return areas;
}

/** The merge a cell lies in (as isCellInRange tells), or undefined. */
function findMergeOver(sheet: SheetSnapshot, cell: string): string | undefined {
  const target = parseA1(cell);
  if (!target) return undefined;
  return mergeAreasOf(sheet).find(
    (area) =>
      target.row >= area.top &&
      target.row <= area.bottom &&
      target.columnNumber >= area.left &&
      target.columnNumber <= area.right,
  )?.range;
}

function readField(
  context: ReadContext,
  sheet: SheetSnapshot,
  field: FieldSpec,
  cell: string = field.cell,
): ParsedValue | null {
  const where = { sheet: sheet.name, cell };
  const merge = findMergeOver(sheet, cell);
  if (merge && !merge.startsWith(`${cell}:`)) {
    // The cell is hidden under another cell's merge: what it shows is not its own value.
    context.problems.push(
      createProblem("MERGED_INPUT_CELL", "error", where, { field: field.label, range: merge }),
    );
    return null;
  }
  return readCell(context, where, sheet.cells[cell], field);
}

function readTable(
  context: ReadContext,
  sheet: SheetSnapshot,
  rows: Map<number, Map<string, CellValue>>,
  table: TableSpec,
): ParsedRow[] {
  const lastAllowedRow = table.firstDataRow + table.maxRows - 1;
  const dataRows = [...rows.keys()].filter((row) => row >= table.firstDataRow).sort((a, b) => a - b);
  const parsedRows: ParsedRow[] = [];
  // Cells under a merge other than its top-left one: they show the merge's value, not their own.
  const hiddenCells = new Set<string>();
  for (const range of sheet.merges) {
    const [from, to] = range.split(":").map((address) => parseA1(address));
    if (!from || !to || to.row < table.firstDataRow) continue;
    const firstRow = Math.max(from.row, table.firstDataRow);
    const columns = table.columns.filter((column) => isCellInRange(toA1(column.column, firstRow), range));
    if (columns.length === 0) continue;
    context.problems.push(
      createProblem(
        "MERGED_INPUT_CELL",
        "error",
        { sheet: sheet.name, cell: toA1(from.column, from.row) },
        { field: table.label, range },
      ),
    );
    for (let row = firstRow; row <= to.row; row += 1) {
      for (const column of columns)
        if (row !== from.row || column.column !== from.column) hiddenCells.add(toA1(column.column, row));
    }
  }
  for (const row of dataRows) {
    const cells = rows.get(row);
    if (!cells || table.columns.every((column) => isBlankCell(cells.get(column.column)))) continue;
    if (row > lastAllowedRow) {
      context.problems.push(
        createProblem(
          "TABLE_TOO_LONG",
          "error",
          { sheet: sheet.name, cell: toA1("A", row) },
          { field: table.label, max: table.maxRows },
        ),
      );
      break;
    }
    const values: Record<string, ParsedValue | null> = {};
    for (const column of table.columns) {
      const cell = toA1(column.column, row);
      // A hidden cell repeats the master's value or hides its own: already reported, not read.
      values[column.key] = hiddenCells.has(cell)
        ? null
        : readCell(context, { sheet: sheet.name, cell }, cells.get(column.column), column, { row });
    }
    parsedRows.push({ row, values });
  }
  return parsedRows;
}

/** Reads every field and table of a workbook by its spec; missing sheets are problems, not crashes. */
export function readDocument(
  snapshot: WorkbookSnapshot,
  spec: TemplateSpec,
): { document: ParsedDocument; problems: Problem[] } {
  const context: ReadContext = { problems: [], date1904: snapshot.date1904 };
  const expectedNames = new Set(spec.sheets.map((sheet) => sheet.name));
  const unexpected = snapshot.sheets
    .filter((sheet) => sheet.state === "visible" && !expectedNames.has(sheet.name))
    .map((sheet) => sheet.name);
  const present = new Map<string, SheetSnapshot>();
  for (const sheetSpec of spec.sheets) {
    const sheet = findSheet(snapshot, sheetSpec.name);
    if (sheet) present.set(sheetSpec.name, sheet);
    else
      context.problems.push(
        createProblem(
          "SHEET_MISSING",
          "error",
          { sheet: sheetSpec.name },
          { sheetName: sheetSpec.name, found: unexpected.join(", ") },
        ),
      );
  }
  const rowsOfSheet = new Map<string, Map<number, Map<string, CellValue>>>();
  const rowsOf = (sheet: SheetSnapshot): Map<number, Map<string, CellValue>> => {
    let rows = rowsOfSheet.get(sheet.name);
    if (!rows) {
      rows = groupCellsByRow(sheet);
      rowsOfSheet.set(sheet.name, rows);
    }
    return rows;
  };
  // Keyed rows (indicators, the fields of Thông tin) are read from the row that carries their
  // code or label, wherever it is.
  const keyedCells = new Map<string, string | null>();
  for (const keyed of spec.keyedRows ?? []) {
    const sheet = present.get(keyed.sheet);
    // A sheet with no cell at all (nothing filled, or an adapter that read only the inputs) cannot have moved.
    if (!sheet || rowsOf(sheet).size === 0) continue;
    const location = locateKeyedRows(rowsOf(sheet), keyed, (key) => findFieldSpec(spec, key).label);
    context.problems.push(...location.problems);
    for (const [key, cell] of location.cells) keyedCells.set(key, cell);
  }
  const fields: Record<string, ParsedValue | null> = {};
  for (const field of spec.fields) {
    const sheet = present.get(field.sheet);
    const cell = keyedCells.has(field.key) ? keyedCells.get(field.key) : field.cell;
    fields[field.key] = sheet && cell ? readField(context, sheet, field, cell) : null;
  }
  const tables: Record<string, ParsedRow[]> = {};
  const layouts: Record<string, TableSpec> = {};
  for (const table of spec.tables) {
    const sheet = present.get(table.sheet);
    layouts[table.key] = table;
    if (!sheet) {
      tables[table.key] = [];
      continue;
    }
    const rows = rowsOf(sheet);
    // A sheet with no cell at all has nothing to read and nothing that could have moved.
    if (rows.size === 0) {
      tables[table.key] = [];
      continue;
    }
    const location = locateTable(sheet.name, rows, table);
    if (!location.ok) {
      context.problems.push(location.problem);
      tables[table.key] = [];
      continue;
    }
    if (location.problem) context.problems.push(location.problem);
    layouts[table.key] = location.table;
    tables[table.key] = readTable(context, sheet, rows, location.table);
  }
  return { document: { spec, fields, tables, layouts }, problems: context.problems };
}

/** A table as it was read (moved rows or columns included); the spec's when it was not read. */
export function locatedTable(document: ParsedDocument, key: string): TableSpec {
  const table = document.layouts[key] ?? document.spec.tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`Spec ${document.spec.kind} has no table ${key}`);
  return table;
}

export function findFieldSpec(spec: TemplateSpec, key: string): FieldSpec {
  const field = spec.fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`Spec ${spec.kind} has no field ${key}`);
  return field;
}

export function findColumn(table: TableSpec, key: string): { column: string; label: LocalizedText } {
  const column = table.columns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`Table ${table.key} has no column ${key}`);
  return column;
}

export type { WorkbookKind };
