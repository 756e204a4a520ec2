import type { LocalizedText } from "../catalogue/types";
import { createProblem, type Problem } from "../problems";
import type { CellValue } from "../snapshot";
import { labelWithRequiredMark, normaliseHeaderText } from "../template-spec/layout";
import type { KeyedRowsSpec, TableSpec } from "../template-spec/types";
import { toA1 } from "../values/a1";

/**
 * Where a table or a list of keyed rows really is in a submission. Sheets are protected without a
 * password, so officers delete the instruction row, insert a row of their own or an "STT" column:
 * the header row is found by its labels, and the table is read where it is with one warning that
 * says what moved, or refused with one error that says what is missing. Never a silent shift.
 */

/** Cells of a sheet by row, then by column letter. */
export type CellRows = ReadonlyMap<number, ReadonlyMap<string, CellValue>>;

/** How far below the template's header row a header is looked for (rows a unit may have inserted). */
const HEADER_SEARCH_ROWS = 20;

interface HeaderLabel {
  readonly key: string;
  readonly label: LocalizedText;
  /** The column the template puts it in. */
  readonly column: string;
  readonly normalised: string;
}

type HeaderSearch =
  | { readonly kind: "found"; readonly row: number; readonly columns: ReadonlyMap<string, string> }
  | { readonly kind: "ambiguous"; readonly rows: readonly number[] }
  | {
      readonly kind: "duplicate";
      readonly row: number;
      readonly label: LocalizedText;
      readonly columns: string;
    }
  | { readonly kind: "partial"; readonly row: number; readonly missing: readonly HeaderLabel[] }
  | { readonly kind: "none" };

function textOf(value: CellValue | undefined): string | null {
  return value !== undefined && value.t === "s" ? value.v : null;
}

/**
 * What a cell's text normalises to, remembered: a consolidation reads thousands of files whose
 * headers, labels and codes are the template's own texts, and normalising them again for every
 * file was a tenth of a worker's time. Bounded, as a file may hold any text.
 */
function memoise(normalise: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    if (memo.size >= NORMALISED_MEMO_LIMIT) memo.clear();
    const normalised = normalise(text);
    memo.set(text, normalised);
    return normalised;
  };
}

const NORMALISED_MEMO_LIMIT = 5000;
const normaliseHeader = memoise(normaliseHeaderText);

/** Which columns of one row hold each label. */
function matchRow(
  cells: ReadonlyMap<string, CellValue>,
  labels: readonly HeaderLabel[],
): Map<string, string[]> {
  const columnsByText = new Map<string, string[]>();
  for (const [column, value] of cells) {
    const text = textOf(value);
    if (text === null) continue;
    const normalised = normaliseHeader(text);
    const list = columnsByText.get(normalised);
    if (list) list.push(column);
    else columnsByText.set(normalised, [column]);
  }
  const found = new Map<string, string[]>();
  for (const label of labels) {
    const columns = columnsByText.get(label.normalised);
    if (columns) found.set(label.key, columns);
  }
  return found;
}

function findHeader(rows: CellRows, labels: readonly HeaderLabel[], expectedRow: number): HeaderSearch {
  const expected = rows.get(expectedRow);
  if (expected && labels.every((label) => textMatches(expected.get(label.column), label)))
    return {
      kind: "found",
      row: expectedRow,
      columns: new Map(labels.map((label) => [label.key, label.column])),
    };
  const lastRow = expectedRow + HEADER_SEARCH_ROWS;
  const full: { row: number; columns: Map<string, string[]> }[] = [];
  let best: { row: number; count: number } | null = null;
  const candidateRows = [...rows.keys()].filter((row) => row <= lastRow).sort((a, b) => a - b);
  for (const row of candidateRows) {
    const found = matchRow(rows.get(row)!, labels);
    if (found.size === labels.length) full.push({ row, columns: found });
    else if (found.size > 0 && (best === null || found.size > best.count)) best = { row, count: found.size };
  }
  if (full.length > 1) return { kind: "ambiguous", rows: full.map((match) => match.row) };
  const match = full[0];
  if (match) {
    const repeated = labels.find((label) => (match.columns.get(label.key)?.length ?? 0) > 1);
    if (repeated)
      return {
        kind: "duplicate",
        row: match.row,
        label: repeated.label,
        columns: (match.columns.get(repeated.key) ?? []).join(", "),
      };
    return {
      kind: "found",
      row: match.row,
      columns: new Map([...match.columns].map(([key, columns]) => [key, columns[0]!])),
    };
  }
  // A row holding at least half of the labels is the header with some of them missing.
  if (best && best.count * 2 >= labels.length) {
    const found = matchRow(rows.get(best.row)!, labels);
    return { kind: "partial", row: best.row, missing: labels.filter((label) => !found.has(label.key)) };
  }
  return { kind: "none" };
}

function textMatches(value: CellValue | undefined, label: HeaderLabel): boolean {
  const text = textOf(value);
  return text !== null && normaliseHeader(text) === label.normalised;
}

function joinLabels(labels: readonly HeaderLabel[]): LocalizedText {
  return {
    vi: labels.map((label) => `"${label.label.vi}"`).join(", "),
    en: labels.map((label) => `"${label.label.en}"`).join(", "),
  };
}

/** The refusal of a table whose header is not where, or not what, the template says. */
function headerProblem(
  search: Exclude<HeaderSearch, { kind: "found" }>,
  where: { sheet: string; expectedRow: number; table: LocalizedText },
  labels: readonly HeaderLabel[],
): Problem {
  const params = { table: where.table, expectedRow: where.expectedRow };
  switch (search.kind) {
    case "ambiguous":
      return createProblem(
        "TABLE_HEADER_AMBIGUOUS",
        "error",
        { sheet: where.sheet, cell: toA1("A", search.rows[0] ?? where.expectedRow) },
        { ...params, rows: search.rows.join(", "), label: null, columns: null },
      );
    case "duplicate":
      return createProblem(
        "TABLE_HEADER_AMBIGUOUS",
        "error",
        { sheet: where.sheet, cell: toA1("A", search.row) },
        { ...params, rows: String(search.row), label: search.label, columns: search.columns },
      );
    case "partial":
      return createProblem(
        "TABLE_HEADER_NOT_FOUND",
        "error",
        { sheet: where.sheet, cell: toA1("A", search.row) },
        { ...params, row: search.row, missing: joinLabels(search.missing) },
      );
    case "none":
      return createProblem(
        "TABLE_HEADER_NOT_FOUND",
        "error",
        { sheet: where.sheet, cell: toA1("A", where.expectedRow) },
        { ...params, row: null, missing: joinLabels(labels) },
      );
  }
}

/** The warning that a header was found away from the template's place: which row, which column. */
function movedProblem(
  sheet: string,
  table: LocalizedText,
  labels: readonly HeaderLabel[],
  found: { row: number; columns: ReadonlyMap<string, string> },
  expectedRow: number,
): Problem | null {
  const movedColumn = labels.find((label) => found.columns.get(label.key) !== label.column);
  if (found.row === expectedRow && !movedColumn) return null;
  const first = labels[0];
  const anchor = movedColumn ?? first;
  return createProblem(
    "TABLE_MOVED",
    "warning",
    { sheet, cell: toA1(found.columns.get(anchor?.key ?? "") ?? "A", found.row) },
    {
      table,
      foundRow: found.row,
      expectedRow,
      column: movedColumn ? movedColumn.label : null,
      foundColumn: movedColumn ? (found.columns.get(movedColumn.key) ?? null) : null,
      expectedColumn: movedColumn ? movedColumn.column : null,
    },
  );
}

export type TableLocation =
  | { readonly ok: true; readonly table: TableSpec; readonly problem: Problem | null }
  | { readonly ok: false; readonly problem: Problem };

/** Finds a table's header by its labels; the table comes back with the rows and columns where they are. */
/** The header labels of each table of the specs, normalised once (specs are constants). */
const tableLabels = new WeakMap<TableSpec, readonly HeaderLabel[]>();

function labelsOfTable(table: TableSpec): readonly HeaderLabel[] {
  let labels = tableLabels.get(table);
  if (!labels) {
    labels = table.columns.map((column) => ({
      key: column.key,
      label: column.label,
      column: column.column,
      normalised: normaliseHeaderText(labelWithRequiredMark(column.label.vi, column.required)),
    }));
    tableLabels.set(table, labels);
  }
  return labels;
}

export function locateTable(sheet: string, rows: CellRows, table: TableSpec): TableLocation {
  const labels = labelsOfTable(table);
  const search = findHeader(rows, labels, table.headerRow);
  if (search.kind !== "found")
    return {
      ok: false,
      problem: headerProblem(search, { sheet, expectedRow: table.headerRow, table: table.label }, labels),
    };
  const problem = movedProblem(sheet, table.label, labels, search, table.headerRow);
  if (!problem) return { ok: true, table, problem: null };
  return {
    ok: true,
    problem,
    table: {
      ...table,
      headerRow: search.row,
      firstDataRow: search.row + 1,
      columns: table.columns.map((column) => ({
        ...column,
        column: search.columns.get(column.key) ?? column.column,
      })),
    },
  };
}

/** A code as compared: case, spaces and Unicode form do not count. */
function normaliseCodeText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, "").toUpperCase();
}

const normaliseCode = memoise(normaliseCodeText);

/** What a kind of keyed rows is compared by, worked out once per spec. */
interface KeyedIndex {
  readonly labels: readonly HeaderLabel[];
  readonly normaliseKey: (text: string) => string;
  /** Each row's normalised code, in the spec's order. */
  readonly codes: readonly string[];
  readonly known: ReadonlySet<string>;
}

const keyedIndexes = new WeakMap<KeyedRowsSpec, KeyedIndex>();

function indexKeyedRows(keyed: KeyedRowsSpec): KeyedIndex {
  let index = keyedIndexes.get(keyed);
  if (!index) {
    const normaliseKey = keyed.keyKind === "fieldLabel" ? normaliseHeader : normaliseCode;
    const codes = keyed.rows.map((row) => normaliseKey(row.code));
    index = {
      labels: keyed.headers.map((header) => ({
        key: header.column,
        label: { vi: header.text, en: header.text },
        column: header.column,
        normalised: normaliseHeaderText(header.text),
      })),
      normaliseKey,
      codes,
      known: new Set(codes),
    };
    keyedIndexes.set(keyed, index);
  }
  return index;
}

export interface KeyedRowsLocation {
  /** The cell of each field's input, or null when its row cannot be told (a problem says why). */
  readonly cells: ReadonlyMap<string, string | null>;
  readonly problems: readonly Problem[];
}

/** The problem codes of each kind of keyed rows. */
const KEYED_CODES = {
  indicatorCode: {
    moved: "INDICATOR_ROWS_MOVED",
    missing: "INDICATOR_CODES_MISSING",
    duplicate: "INDICATOR_CODE_DUPLICATE",
  },
  fieldLabel: {
    moved: "FIELD_ROWS_MOVED",
    missing: "FIELD_LABELS_MISSING",
    duplicate: "FIELD_LABEL_DUPLICATE",
  },
} as const;

/**
 * Finds each keyed row (an indicator by its code, a field by its label) in the key column. The
 * header, when found, tells the key and input columns (an inserted column moves them); each key
 * must be on exactly one row below it.
 */
export function locateKeyedRows(
  rows: CellRows,
  keyed: KeyedRowsSpec,
  labelOf: (fieldKey: string) => LocalizedText,
): KeyedRowsLocation {
  const { labels, normaliseKey, codes: normalisedCodes, known } = indexKeyedRows(keyed);
  const header = findHeader(rows, labels, keyed.headerRow);
  const keyColumn = header.kind === "found" ? header.columns.get(keyed.keyColumn)! : keyed.keyColumn;
  const inputColumn = header.kind === "found" ? header.columns.get(keyed.inputColumn)! : keyed.inputColumn;
  const firstRow = header.kind === "found" ? header.row + 1 : 1;
  const expectedRowOf = (index: number): number => keyed.headerRow + 1 + index;
  const codes = KEYED_CODES[keyed.keyKind];
  const rowsByCode = new Map<string, number[]>();
  const problems: Problem[] = [];
  for (const [row, cells] of [...rows].sort(([a], [b]) => a - b)) {
    if (row < firstRow) continue;
    const code = normaliseKey(textOf(cells.get(keyColumn)) ?? "");
    if (known.has(code)) {
      const list = rowsByCode.get(code);
      if (list) list.push(row);
      else rowsByCode.set(code, [row]);
      continue;
    }
    // A row of the unit's own with a figure in it: the figure is not read, and the officer is told.
    const input = cells.get(inputColumn);
    if (
      keyed.keyKind === "indicatorCode" &&
      header.kind === "found" &&
      input !== undefined &&
      !(input.t === "s" && input.v.trim() === "")
    )
      problems.push(
        createProblem(
          "INDICATOR_ROW_UNKNOWN",
          "warning",
          { sheet: keyed.sheet, cell: toA1(inputColumn, row) },
          { row, found: textOf(cells.get(keyColumn))?.trim() ?? "", keyColumn },
        ),
      );
  }
  const cells = new Map<string, string | null>();
  const missing: { code: string; label: LocalizedText; row: number }[] = [];
  let firstMoved: { code: string; label: LocalizedText; found: string; expected: string } | null = null;
  for (const [index, spec] of keyed.rows.entries()) {
    const found = rowsByCode.get(normalisedCodes[index] ?? "") ?? [];
    const expected = toA1(keyed.inputColumn, expectedRowOf(index));
    if (found.length !== 1) {
      cells.set(spec.fieldKey, null);
      if (found.length === 0)
        missing.push({ code: spec.code, label: labelOf(spec.fieldKey), row: expectedRowOf(index) });
      else
        problems.push(
          createProblem(
            codes.duplicate,
            "error",
            { sheet: keyed.sheet, cell: toA1(keyColumn, found[1]!) },
            { code: spec.code, field: labelOf(spec.fieldKey), rows: found.join(", ") },
          ),
        );
      continue;
    }
    const cell = toA1(inputColumn, found[0]!);
    cells.set(spec.fieldKey, cell);
    if (cell !== expected && firstMoved === null)
      firstMoved = { code: spec.code, label: labelOf(spec.fieldKey), found: cell, expected };
  }
  const firstMissing = missing[0];
  if (firstMissing)
    problems.push(
      createProblem(
        codes.missing,
        "error",
        { sheet: keyed.sheet, cell: toA1(keyColumn, firstMissing.row) },
        {
          codes: missing.map((entry) => entry.code).join(", "),
          fields: {
            vi: missing.map((entry) => `"${entry.label.vi}"`).join(", "),
            en: missing.map((entry) => `"${entry.label.en}"`).join(", "),
          },
          count: missing.length,
          keyColumn,
          sheetName: keyed.sheet,
        },
      ),
    );
  if (firstMoved)
    problems.push(
      createProblem(
        codes.moved,
        "warning",
        { sheet: keyed.sheet, cell: firstMoved.found },
        {
          code: firstMoved.code,
          field: firstMoved.label,
          found: firstMoved.found,
          expected: firstMoved.expected,
          keyColumn,
          sheetName: keyed.sheet,
        },
      ),
    );
  return { cells, problems };
}
