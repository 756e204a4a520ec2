import { randomBytes } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { makeOutputFolder, toOutputError } from "../io/output-folder";
import { basename, dirname, join } from "node:path";
import type { Row, Style, Worksheet, stream } from "exceljs";
import {
  AWARDS,
  columnNumberToLetter,
  DEPARTMENTS,
  ROUNDS,
  CONTENTS,
  type ContentCode,
  INDICATORS,
  type Indicator,
  MOVEMENT_TIME_ZONE,
  INDIVIDUAL_GROUPS,
  NOMINEE_KINDS,
  UNIT_TYPES,
  type UnitTypeCode,
  type ConsolidatedFile,
  type ConsolidationResult,
  type Totals,
  type UnitKindStatus,
  SUBMISSION_SPECS,
  formatProblem,
  type Language,
  type Problem,
  normaliseUnitCode,
  type RegistryUnit,
  type TemplateKind,
  formatVietnamDateTime,
  formatVietnameseDate,
  isValidCalendarDate,
  parseIsoDate,
} from "../../core/index";
import { loadExcelJs } from "../xlsx/load-exceljs";
import {
  AGGREGATION_LABELS,
  BRAND_COLOURS,
  ATTRIBUTION_LABELS,
  FOLLOW_UP_LABELS,
  HEADERS,
  KIND_LABELS,
  LOG_LABELS,
  NO_CLUSTER_LABELS,
  NO_UNIT_TYPE_LABELS,
  OUTCOME_LABELS,
  SCOPE_LABELS,
  SEVERITY_COLOURS,
  SEVERITY_LABELS,
  SHEET_NAMES,
  SHEET_TITLES,
  STATUS_COLOURS,
  STATUS_LABELS,
  type SheetKey,
} from "./labels";

/**
 * What a cell of the consolidated workbook may hold. Deliberately no object but Date: no formula,
 * no hyperlink, no rich text can be written, whatever a submission contained. A string is stored
 * as a string cell even when it starts with "=", "+", "-" or "@".
 */
type CellInput = string | number | Date | null;

/** Excel refuses a cell longer than this; a longer text would make it "repair" the file. */
const MAX_CELL_TEXT = 32_767;
/** Rows written between two checks that the zip has taken what was written (see ZipBackpressure). */
const ROWS_PER_CHECK = 200;
/** Chunks of 64 KB that may wait for the zip, per sheet. */
const CHUNKS_IN_FLIGHT = 2;
/** Rows looked at to size a column; the rest follow the same shape. */
const WIDTH_SAMPLE_ROWS = 2_000;
const OFFSET_MS = MOVEMENT_TIME_ZONE.utcOffsetMinutes * 60_000;
/** Rows 1–2 carry the title and the as-of line; tables start on row 3. */
const TABLE_HEADER_ROW = 3;

// Styles are shared objects: exceljs recognises a style it has seen by identity, which keeps
// writing 30,000 rows cheap. Never mutate one through cell.font/fill/... setters.
const THIN = { style: "thin", color: { argb: "FFD0D5DD" } } as const;
const GRID = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: "Calibri", size: 11 } as const;
const argb = (hex: string): { argb: string } => ({ argb: `FF${hex}` });
const solid = (hex: string): Style["fill"] => ({ type: "pattern", pattern: "solid", fgColor: argb(hex) });

const STYLE = {
  title: {
    font: { ...FONT, size: 13, bold: true, color: argb(BRAND_COLOURS.navy) },
    alignment: { vertical: "middle", wrapText: true },
  },
  subtitle: {
    font: { ...FONT, size: 10, italic: true, color: argb("595959") },
    alignment: { vertical: "top", wrapText: true },
  },
  blockTitle: {
    font: { ...FONT, size: 12, bold: true, color: argb(BRAND_COLOURS.navy) },
    alignment: { vertical: "middle" },
  },
  header: {
    font: { ...FONT, bold: true, color: argb(BRAND_COLOURS.navy) },
    fill: solid(BRAND_COLOURS.headerFill),
    border: GRID,
    alignment: { wrapText: true, vertical: "middle", horizontal: "center" },
  },
  text: { font: FONT, border: GRID, alignment: { vertical: "top" } },
  code: { font: { ...FONT, color: argb(BRAND_COLOURS.navy) }, border: GRID, alignment: { vertical: "top" } },
  integer: { font: FONT, border: GRID, numFmt: "#,##0", alignment: { vertical: "top" } },
  decimal: { font: FONT, border: GRID, numFmt: "0.0", alignment: { vertical: "top" } },
  dateTime: {
    font: FONT,
    border: GRID,
    numFmt: "dd/mm/yyyy hh:mm",
    alignment: { vertical: "top", horizontal: "left" },
  },
  date: {
    font: FONT,
    border: GRID,
    numFmt: "dd/mm/yyyy",
    alignment: { vertical: "top", horizontal: "left" },
  },
  label: { font: { ...FONT, bold: true } },
  value: { font: FONT, alignment: { horizontal: "left" } },
  groupText: {
    font: { ...FONT, bold: true, color: argb(BRAND_COLOURS.navy) },
    fill: solid(BRAND_COLOURS.groupFill),
    border: GRID,
  },
  strongText: { font: { ...FONT, bold: true }, border: GRID, alignment: { vertical: "top" } },
  strongInteger: { font: { ...FONT, bold: true }, border: GRID, numFmt: "#,##0" },
  strongDecimal: { font: { ...FONT, bold: true }, border: GRID, numFmt: "0.0" },
} satisfies Record<string, Partial<Style>>;

type CellStyle = Partial<Style>;

function colouredStyle(colour: { fill: string; text: string }): CellStyle {
  return {
    font: { ...FONT, bold: true, color: argb(colour.text) },
    fill: solid(colour.fill),
    border: GRID,
    alignment: { vertical: "top" },
  };
}

const STATUS_STYLES = Object.fromEntries(
  Object.entries(STATUS_COLOURS).map(([status, colour]) => [status, colouredStyle(colour)]),
) as Record<keyof typeof STATUS_COLOURS, CellStyle>;
const SEVERITY_STYLES = Object.fromEntries(
  Object.entries(SEVERITY_COLOURS).map(([severity, colour]) => [severity, colouredStyle(colour)]),
) as Record<keyof typeof SEVERITY_COLOURS, CellStyle>;

/** One column of a table sheet: its header, how wide it may grow, and how a row fills it. */
interface Column<Row> {
  readonly header: string;
  /** Width in characters: at least min, at most max, else the longest value sampled. */
  readonly min: number;
  readonly max: number;
  readonly value: (row: Row) => CellInput;
  readonly style: CellStyle | ((row: Row) => CellStyle);
}

/** Anything written in the rows before a table's header. */
interface Line {
  readonly cells: readonly CellInput[];
  readonly styles: readonly CellStyle[];
  /** A heading whose one cell spans the table's width, wrapped (so that print does not cut it). */
  readonly span?: boolean;
}

interface TableSheet<Row> {
  readonly key: SheetKey;
  readonly tabColour?: string;
  readonly preamble: readonly Line[];
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  /** Blocks written after the table, outside its filter (totals, summaries). */
  readonly after?: readonly Line[];
  /** Lower bounds on column widths that the preamble needs (the labels of Nhật ký in column A). */
  readonly minWidths?: readonly number[];
}

/** Facts every sheet needs, computed once. */
interface WorkbookContext {
  readonly result: ConsolidationResult;
  readonly language: Language;
  readonly unitsByCode: ReadonlyMap<string, RegistryUnit>;
  readonly asOfLine: string;
}

/** A Vietnamese wall-clock time as an Excel date: Excel has no zone, so the serial is the local time. */
function toVietnamCellDate(epochMs: number): Date {
  return new Date(epochMs + OFFSET_MS);
}

/** A YYYY-MM-DD calendar day as an Excel date (built in UTC so that no zone shifts it). */
function toCalendarCellDate(isoDate: string | null): CellInput {
  if (isoDate === null) return null;
  const { year, month, day } = parseIsoDate(isoDate);
  return isValidCalendarDate(year, month, day) ? new Date(Date.UTC(year, month - 1, day)) : isoDate;
}

/** The one door into a cell: strings stay strings (capped), only finite numbers are numbers. */
function toCellInput(value: CellInput): CellInput {
  if (typeof value === "string")
    return value.length > MAX_CELL_TEXT ? `${value.slice(0, MAX_CELL_TEXT - 1)}…` : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : null;
  return null;
}

function unitTypeLabel(code: string | null): string {
  if (code === null) return "";
  return UNIT_TYPES.find((type) => type.code === code)?.short ?? code;
}

function contentLabel(code: ContentCode | null): string | null {
  return code === null ? null : (CONTENTS.find((content) => content.code === code)?.short ?? code);
}

function kindLabel(kind: TemplateKind | null): string | null {
  return kind === null ? null : KIND_LABELS.vi[kind];
}

function indicatorOf(code: string): Indicator | undefined {
  return INDICATORS.find((indicator) => indicator.code === code);
}

/** The deadlines the core computed, in words: "KH hết ngày 19/05/2026; BC hết ngày 14/11/2026". */
function deadlineWords(result: ConsolidationResult): string {
  return result.deadlines
    .map(
      ({ kind, lastDay }) =>
        `${kind} ${lastDay ? `hết ngày ${formatVietnameseDate(lastDay)}` : "chưa đặt hạn"}`,
    )
    .join("; ");
}

/** A column header of a province-wide sheet taken from the template it comes from (one source of truth). */
function specHeader(kind: TemplateKind, table: string, column: string): string {
  const label = SUBMISSION_SPECS[kind].tables
    .find((candidate) => candidate.key === table)
    ?.columns.find((candidate) => candidate.key === column)?.label.vi;
  if (label === undefined) throw new Error(`no column ${column} in the ${kind} table ${table}`);
  return label;
}

function groupLabel(key: string, byType: boolean): string {
  if (byType) return UNIT_TYPES.find((type) => type.code === key)?.short ?? (key || NO_UNIT_TYPE_LABELS.vi);
  return key || NO_CLUSTER_LABELS.vi;
}

function sizeColumns<Row>(sheet: TableSheet<Row>): { width: number }[] {
  const sample = sheet.rows.slice(0, WIDTH_SAMPLE_ROWS);
  return sheet.columns.map((column, index) => {
    let longest = 0;
    for (const row of sample) {
      const value = column.value(row);
      const length =
        value instanceof Date
          ? 16
          : value === null
            ? 0
            : typeof value === "number"
              ? String(Math.round(value * 10) / 10).length + 2
              : value.length;
      if (length > longest) longest = length;
    }
    const floor = Math.max(column.min, sheet.minWidths?.[index] ?? 0);
    return { width: Math.min(Math.max(longest + 2, floor), column.max) };
  });
}

/** The part of exceljs 4.4's sheet stream (lib/utils/stream-buf.js) that hands a full chunk to the zip. */
interface SheetStreamBuf {
  _pipe?: (chunk: unknown) => Promise<void>;
}

/**
 * exceljs's streaming writer hands each 64 KB chunk of sheet XML to the zip without waiting for it
 * (the promise of StreamBuf._pipe is dropped), so a sheet written in one go piles up in memory
 * while deflate lags behind: 50 MB for 1,000 units, growing with the province. Tracking those
 * promises lets the writer wait until the zip has taken all but a couple of chunks.
 */
class ZipBackpressure {
  private readonly pending = new Set<Promise<void>>();

  constructor(stream: SheetStreamBuf | undefined) {
    const pipe = stream?._pipe;
    if (!stream || typeof pipe !== "function") return;
    stream._pipe = (chunk: unknown): Promise<void> => {
      const handed: Promise<void> = pipe.call(stream, chunk).then(
        () => void this.pending.delete(handed),
        (error: unknown) => {
          this.pending.delete(handed);
          throw error;
        },
      );
      this.pending.add(handed);
      return handed;
    };
  }

  async settle(): Promise<void> {
    while (this.pending.size > CHUNKS_IN_FLIGHT) await Promise.race(this.pending);
  }
}

/** Writes rows in order and commits each one, waiting now and then for the zip to catch up. */
class RowWriter {
  private written = 0;
  private readonly backpressure: ZipBackpressure;

  constructor(private readonly sheet: Worksheet) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edge of exceljs: its writer's sheet stream is not in the typings
    this.backpressure = new ZipBackpressure((sheet as any).stream as SheetStreamBuf | undefined);
  }

  get nextRowNumber(): number {
    return this.written + 1;
  }

  async write(
    cells: readonly CellInput[],
    styles: readonly CellStyle[],
    height?: number,
    spanColumns?: number,
  ): Promise<void> {
    const row: Row = this.sheet.addRow(cells.map(toCellInput));
    styles.forEach((style, index) => {
      row.getCell(index + 1).style = style;
    });
    if (height !== undefined) row.height = height;
    if (spanColumns !== undefined && spanColumns > 1)
      this.sheet.mergeCells(row.number, 1, row.number, spanColumns);
    row.commit();
    this.written += 1;
    if (this.written % ROWS_PER_CHECK === 0) await this.backpressure.settle();
  }

  async blank(): Promise<void> {
    await this.write([], []);
  }
}

/** Height of a spanning heading: enough lines for its text at the table's width. */
function spanHeight(line: Line, widths: readonly { width: number }[]): number | undefined {
  const text = typeof line.cells[0] === "string" ? line.cells[0] : "";
  const size = line.styles[0]?.font?.size ?? 11;
  const total = widths.reduce((sum, column) => sum + column.width, 0);
  const lines = Math.max(1, Math.ceil((text.length * size * 1.15) / 11 / Math.max(total, 1)));
  return lines === 1 && size <= 11 ? undefined : Math.ceil(lines * size * 1.45 + 4);
}

async function writeLines(
  writer: RowWriter,
  lines: readonly Line[],
  widths: readonly { width: number }[],
): Promise<void> {
  for (const line of lines) {
    if (line.span) await writer.write(line.cells, line.styles, spanHeight(line, widths), widths.length);
    else await writer.write(line.cells, line.styles);
  }
}

/** Where a sheet's autofilter lies, for the workbook's filter names. */
interface FilterRange {
  readonly sheet: string;
  readonly ref: string;
}

/**
 * LibreOffice shows an autofilter only when the workbook also has Excel's sheet-local
 * `_xlnm._FilterDatabase` name over the same range (Excel writes one; exceljs never does).
 * exceljs 4.4 renders a defined name's localSheetId, so the names are added to the model it writes.
 */
function addFilterDatabaseNames(workbook: stream.xlsx.WorkbookWriter, filters: readonly FilterRange[]): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edge of exceljs: the writer's defined names are not in the typings
  const definedNames = (workbook as any)._definedNames as { model: unknown[] } | undefined;
  if (!definedNames) return;
  const own = definedNames.model;
  const absolute = (ref: string): string => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const names = filters.map((filter, localSheetId) => ({
    name: "_xlnm._FilterDatabase",
    localSheetId,
    ranges: [`'${filter.sheet.replace(/'/g, "''")}'!${absolute(filter.ref)}`],
  }));
  Object.defineProperty(definedNames, "model", { configurable: true, get: () => [...own, ...names] });
}

async function writeTableSheet<Row>(
  workbook: stream.xlsx.WorkbookWriter,
  sheet: TableSheet<Row>,
): Promise<FilterRange> {
  const headerRow = sheet.preamble.length + 1;
  const lastColumn = columnNumberToLetter(sheet.columns.length);
  const filterRef = `A${headerRow}:${lastColumn}${headerRow + Math.max(sheet.rows.length, 1)}`;
  const worksheet = workbook.addWorksheet(SHEET_NAMES[sheet.key], {
    views: [
      {
        state: "frozen",
        xSplit: 0,
        ySplit: headerRow,
        topLeftCell: `A${headerRow + 1}`,
        activeCell: `A${headerRow + 1}`,
      },
    ],
    properties: sheet.tabColour ? { tabColor: argb(sheet.tabColour) } : {},
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const widths = sizeColumns(sheet);
  worksheet.columns = widths;
  worksheet.autoFilter = filterRef;

  const writer = new RowWriter(worksheet);
  await writeLines(writer, sheet.preamble, widths);
  await writer.write(
    sheet.columns.map((column) => column.header),
    sheet.columns.map(() => STYLE.header),
    34,
  );
  for (const row of sheet.rows) {
    await writer.write(
      sheet.columns.map((column) => column.value(row)),
      sheet.columns.map((column) => (typeof column.style === "function" ? column.style(row) : column.style)),
    );
  }
  if (sheet.after && sheet.after.length > 0) {
    await writer.blank();
    await writeLines(writer, sheet.after, widths);
  }
  worksheet.commit();
  return { sheet: SHEET_NAMES[sheet.key], ref: filterRef };
}

function titleLines(key: SheetKey, context: WorkbookContext, extra?: string): Line[] {
  return [
    { cells: [SHEET_TITLES[key]], styles: [STYLE.title], span: true },
    {
      cells: [extra ? `${context.asOfLine} · ${extra}` : context.asOfLine],
      styles: [STYLE.subtitle],
      span: true,
    },
  ];
}

// ---------------------------------------------------------------- Tổng quan

interface OverviewRow {
  readonly scope: string;
  readonly group: string;
  readonly totals: Totals;
  readonly strong: boolean;
}

function totalsColumns(): Column<OverviewRow>[] {
  const number = (
    pick: (totals: Totals) => number,
    header: string,
    decimal = false,
  ): Column<OverviewRow> => ({
    header,
    min: decimal ? 11 : 10,
    max: 14,
    value: (row) => pick(row.totals),
    style: (row) =>
      decimal
        ? row.strong
          ? STYLE.strongDecimal
          : STYLE.decimal
        : row.strong
          ? STYLE.strongInteger
          : STYLE.integer,
  });
  return [
    {
      header: HEADERS.scope,
      min: 16,
      max: 20,
      value: (row) => row.scope,
      style: (row) => (row.strong ? STYLE.strongText : STYLE.text),
    },
    {
      header: HEADERS.group,
      min: 30,
      max: 48,
      value: (row) => row.group,
      style: (row) => (row.strong ? STYLE.strongText : STYLE.text),
    },
    number((totals) => totals.expected, HEADERS.expected),
    number((totals) => totals.received, HEADERS.received),
    number((totals) => totals.onTime, HEADERS.onTime),
    number((totals) => totals.late, HEADERS.late),
    number((totals) => totals.invalid, HEADERS.invalid),
    number((totals) => totals.missing, HEADERS.missing),
    number((totals) => totals.reportingRate, HEADERS.reportingRate, true),
    number((totals) => totals.onTimeRate, HEADERS.onTimeRate, true),
  ];
}

function overviewSheet(context: WorkbookContext): TableSheet<OverviewRow> {
  const { result } = context;
  const rows: OverviewRow[] = [
    { scope: SCOPE_LABELS.province, group: SCOPE_LABELS.province, totals: result.totals, strong: true },
    ...result.totalsByKind.map(({ kind, totals }) => ({
      scope: SCOPE_LABELS.kind,
      group: KIND_LABELS.vi[kind],
      totals,
      strong: false,
    })),
    ...result.byUnitType.map((group) => ({
      scope: SCOPE_LABELS.unitType,
      group: groupLabel(group.key, true),
      totals: group.totals,
      strong: false,
    })),
    ...result.byCluster.map((group) => ({
      scope: SCOPE_LABELS.cluster,
      group: groupLabel(group.key, false),
      totals: group.totals,
      strong: false,
    })),
  ];
  const after: Line[] = [
    {
      cells: [HEADERS.scope, HEADERS.outcome, HEADERS.fileCount],
      styles: [STYLE.header, STYLE.header, STYLE.header],
    },
    ...result.outcomeCounts.map(({ outcome, count }) => ({
      cells: [SCOPE_LABELS.files, OUTCOME_LABELS.vi[outcome], count],
      styles: [STYLE.text, STYLE.text, STYLE.integer],
    })),
    {
      cells: [SCOPE_LABELS.files, "Tổng số tệp", result.files.length],
      styles: [STYLE.strongText, STYLE.strongText, STYLE.strongInteger],
    },
  ];
  return {
    key: "overview",
    tabColour: BRAND_COLOURS.navy,
    preamble: titleLines(
      "overview",
      context,
      [
        ...(result.deadlines.length > 0 ? [`${LOG_LABELS.deadlines}: ${deadlineWords(result)}`] : []),
        ...(result.receivedTimes === "modification_time" ? [LOG_LABELS.receivedTimesNote] : []),
      ].join(" · "),
    ),
    columns: totalsColumns(),
    rows,
    after,
  };
}

// ---------------------------------------------------------------- Tình hình nộp, Chưa nộp

const unitColumns = <Row>(
  unitOf: (row: Row) => { code: string; name: string; type: string | null; cluster: string },
): Column<Row>[] => [
  { header: HEADERS.unitCode, min: 10, max: 16, value: (row) => unitOf(row).code, style: STYLE.code },
  { header: HEADERS.unitName, min: 24, max: 48, value: (row) => unitOf(row).name, style: STYLE.text },
  {
    header: HEADERS.unitType,
    min: 14,
    max: 28,
    value: (row) => unitTypeLabel(unitOf(row).type),
    style: STYLE.text,
  },
  { header: HEADERS.cluster, min: 16, max: 34, value: (row) => unitOf(row).cluster, style: STYLE.text },
];

const receivedAtColumn = <Row extends { receivedAt: number | null }>(): Column<Row> => ({
  header: HEADERS.receivedAt,
  min: 17,
  max: 17,
  value: (row) => (row.receivedAt === null ? null : toVietnamCellDate(row.receivedAt)),
  style: STYLE.dateTime,
});

function statusesSheet(context: WorkbookContext): TableSheet<UnitKindStatus> {
  return {
    key: "statuses",
    preamble: titleLines("statuses", context),
    columns: [
      ...unitColumns<UnitKindStatus>((row) => row.unit),
      { header: HEADERS.kind, min: 16, max: 28, value: (row) => kindLabel(row.kind), style: STYLE.text },
      {
        header: HEADERS.status,
        min: 13,
        max: 16,
        value: (row) => STATUS_LABELS.vi[row.status],
        style: (row) => STATUS_STYLES[row.status],
      },
      { header: HEADERS.file, min: 16, max: 48, value: (row) => row.file, style: STYLE.text },
      receivedAtColumn<UnitKindStatus>(),
      { header: HEADERS.errors, min: 8, max: 10, value: (row) => row.errors, style: STYLE.integer },
      { header: HEADERS.warnings, min: 10, max: 11, value: (row) => row.warnings, style: STYLE.integer },
      { header: HEADERS.duplicates, min: 8, max: 10, value: (row) => row.duplicates, style: STYLE.integer },
    ],
    rows: context.result.statuses,
  };
}

function followUpSheet(context: WorkbookContext): TableSheet<UnitKindStatus> {
  const rows = context.result.followUp;
  return {
    key: "followUp",
    tabColour: STATUS_COLOURS.late.strong,
    preamble: titleLines("followUp", context),
    columns: [
      ...unitColumns<UnitKindStatus>((row) => row.unit),
      { header: HEADERS.email, min: 22, max: 40, value: (row) => row.unit.email, style: STYLE.text },
      { header: HEADERS.kind, min: 16, max: 28, value: (row) => kindLabel(row.kind), style: STYLE.text },
      {
        header: HEADERS.status,
        min: 13,
        max: 16,
        value: (row) => STATUS_LABELS.vi[row.status],
        style: (row) => STATUS_STYLES[row.status],
      },
      {
        header: HEADERS.followUp,
        min: 20,
        max: 30,
        value: (row) => (row.status === "on_time" ? null : FOLLOW_UP_LABELS.vi[row.status]),
        style: STYLE.text,
      },
      { header: HEADERS.file, min: 16, max: 48, value: (row) => row.file, style: STYLE.text },
      receivedAtColumn<UnitKindStatus>(),
      { header: HEADERS.errors, min: 8, max: 10, value: (row) => row.errors, style: STYLE.integer },
      {
        header: HEADERS.underReview,
        min: 16,
        max: 48,
        value: (row) => (row.underReview.length === 0 ? null : row.underReview.join("; ")),
        style: STYLE.text,
      },
    ],
    rows,
  };
}

// ---------------------------------------------------------------- Nhiệm vụ, Chỉ tiêu, Khen thưởng

function registeredUnit(
  context: WorkbookContext,
  code: string,
  name: string,
): { code: string; name: string; type: string; cluster: string } {
  const unit = context.unitsByCode.get(code);
  return { code, name, type: unit?.type ?? "", cluster: unit?.cluster ?? "" };
}

type TaskRow = ConsolidationResult["tasks"][number];

function tasksSheet(context: WorkbookContext): TableSheet<TaskRow> {
  return {
    key: "tasks",
    preamble: titleLines("tasks", context),
    columns: [
      ...unitColumns<TaskRow>((row) => registeredUnit(context, row.unitCode, row.unitName)),
      { header: HEADERS.file, min: 16, max: 40, value: (row) => row.file, style: STYLE.text },
      { header: HEADERS.row, min: 6, max: 8, value: (row) => row.row, style: STYLE.integer },
      {
        header: specHeader("KH", "tasks", "content"),
        min: 10,
        max: 10,
        value: (row) => row.content,
        style: STYLE.code,
      },
      {
        header: HEADERS.contentLabel,
        min: 20,
        max: 34,
        value: (row) => contentLabel(row.content),
        style: STYLE.text,
      },
      {
        header: specHeader("KH", "tasks", "task"),
        min: 30,
        max: 60,
        value: (row) => row.task,
        style: STYLE.text,
      },
      {
        header: specHeader("KH", "tasks", "target"),
        min: 20,
        max: 40,
        value: (row) => row.target,
        style: STYLE.text,
      },
      {
        header: specHeader("KH", "tasks", "lead"),
        min: 16,
        max: 30,
        value: (row) => row.lead,
        style: STYLE.text,
      },
      {
        header: specHeader("KH", "tasks", "deadline"),
        min: 11,
        max: 12,
        value: (row) => toCalendarCellDate(row.deadline),
        style: STYLE.date,
      },
      {
        header: specHeader("KH", "tasks", "expectedResult"),
        min: 20,
        max: 50,
        value: (row) => row.expectedResult,
        style: STYLE.text,
      },
    ],
    rows: context.result.tasks,
  };
}

type IndicatorRow = ConsolidationResult["indicators"][number];

function indicatorValueStyle(code: string, strong = false): CellStyle {
  const percent = indicatorOf(code)?.measure === "percent";
  if (strong) return percent ? STYLE.strongDecimal : STYLE.strongInteger;
  return percent ? STYLE.decimal : STYLE.integer;
}

/** Province totals: one group per content (in catalogue order), one column per unit type. */
function indicatorTotalsBlock(context: WorkbookContext): Line[] {
  const { indicatorTotals } = context.result;
  const unitTypes = UNIT_TYPES.map((type) => type.code);
  const header: Line = {
    cells: [
      HEADERS.content,
      HEADERS.indicatorCode,
      HEADERS.indicator,
      HEADERS.measureUnit,
      HEADERS.province,
      HEADERS.reporting,
      HEADERS.aggregation,
      ...UNIT_TYPES.map((type) => type.short),
    ],
    styles: Array.from({ length: 7 + unitTypes.length }, () => STYLE.header),
  };
  const groups: { code: ContentCode | null; label: string }[] = [
    ...CONTENTS.map((content) => ({
      code: content.code as ContentCode | null,
      label: `${content.code} — ${content.short}`,
    })),
    { code: null, label: "Chỉ tiêu chung của mọi đơn vị" },
  ];
  const lines: Line[] = [
    {
      cells: ["TỔNG HỢP TOÀN TỈNH THEO NỘI DUNG THI ĐUA VÀ LOẠI ĐƠN VỊ"],
      styles: [STYLE.blockTitle],
      span: true,
    },
    {
      cells: [
        "Chỉ tiêu đếm: cộng các đơn vị; chỉ tiêu tỷ lệ (%): trung bình các đơn vị có báo cáo được chấp nhận.",
      ],
      styles: [STYLE.subtitle],
      span: true,
    },
    header,
  ];
  for (const group of groups) {
    const members = indicatorTotals.filter((total) => total.content === group.code);
    if (members.length === 0) continue;
    lines.push({
      cells: [group.label],
      styles: Array.from({ length: header.cells.length }, () => STYLE.groupText),
    });
    for (const total of members) {
      const indicator = indicatorOf(total.code);
      lines.push({
        cells: [
          total.content ?? "",
          total.code,
          indicator?.vi ?? total.code,
          indicator?.unitVi ?? "",
          total.province,
          total.reporting,
          AGGREGATION_LABELS[total.measure],
          ...unitTypes.map((type: UnitTypeCode) => total.byUnitType[type]),
        ],
        styles: [
          STYLE.code,
          STYLE.code,
          STYLE.text,
          STYLE.text,
          indicatorValueStyle(total.code, true),
          STYLE.integer,
          STYLE.text,
          ...unitTypes.map(() => indicatorValueStyle(total.code)),
        ],
      });
    }
  }
  return lines;
}

function indicatorsSheet(context: WorkbookContext): TableSheet<IndicatorRow> {
  const rows = context.result.indicators;
  // Title (1), as-of (2), header (3), rows, one blank row: the totals block starts after them.
  const totalsRow = TABLE_HEADER_ROW + rows.length + 2;
  return {
    key: "indicators",
    preamble: titleLines(
      "indicators",
      context,
      `Tổng hợp toàn tỉnh theo nội dung và loại đơn vị: từ dòng ${totalsRow}`,
    ),
    columns: [
      {
        header: HEADERS.content,
        min: 10,
        max: 10,
        value: (row) => indicatorOf(row.code)?.content ?? null,
        style: STYLE.code,
      },
      { header: HEADERS.indicatorCode, min: 24, max: 30, value: (row) => row.code, style: STYLE.code },
      {
        header: HEADERS.indicator,
        min: 40,
        max: 60,
        value: (row) => indicatorOf(row.code)?.vi ?? row.code,
        style: STYLE.text,
      },
      {
        header: HEADERS.measureUnit,
        min: 12,
        max: 14,
        value: (row) => indicatorOf(row.code)?.unitVi ?? null,
        style: STYLE.text,
      },
      {
        header: HEADERS.value,
        min: 12,
        max: 14,
        value: (row) => row.value,
        style: (row) => indicatorValueStyle(row.code),
      },
      { header: HEADERS.unitCode, min: 12, max: 16, value: (row) => row.unitCode, style: STYLE.code },
      { header: HEADERS.unitName, min: 24, max: 48, value: (row) => row.unitName, style: STYLE.text },
      {
        header: HEADERS.unitType,
        min: 16,
        max: 28,
        value: (row) => unitTypeLabel(row.unitType),
        style: STYLE.text,
      },
      {
        header: HEADERS.cluster,
        min: 16,
        max: 34,
        value: (row) => context.unitsByCode.get(row.unitCode)?.cluster ?? null,
        style: STYLE.text,
      },
      { header: HEADERS.file, min: 16, max: 40, value: (row) => row.file, style: STYLE.text },
    ],
    rows,
    after: indicatorTotalsBlock(context),
  };
}

type NominationRow = ConsolidationResult["nominations"][number];

function nominationsSheet(context: WorkbookContext): TableSheet<NominationRow> {
  const short = <Code extends string>(
    entries: readonly { code: Code; short: string }[],
    code: Code | null,
  ): string | null => (code === null ? null : (entries.find((entry) => entry.code === code)?.short ?? code));
  return {
    key: "nominations",
    preamble: titleLines(
      "nominations",
      context,
      `Đợt khen thưởng: ${ROUNDS.find((round) => round.code === context.result.config.round)?.short ?? context.result.config.round}`,
    ),
    columns: [
      ...unitColumns<NominationRow>((row) => registeredUnit(context, row.unitCode, row.unitName)),
      { header: HEADERS.file, min: 16, max: 40, value: (row) => row.file, style: STYLE.text },
      { header: HEADERS.row, min: 6, max: 8, value: (row) => row.row, style: STYLE.integer },
      {
        header: specHeader("DN-KT", "nominations", "nomineeKind"),
        min: 10,
        max: 12,
        value: (row) => short(NOMINEE_KINDS, row.nomineeKind),
        style: STYLE.text,
      },
      {
        header: specHeader("DN-KT", "nominations", "nomineeName"),
        min: 24,
        max: 44,
        value: (row) => row.nomineeName,
        style: STYLE.text,
      },
      {
        header: specHeader("DN-KT", "nominations", "position"),
        min: 18,
        max: 36,
        value: (row) => row.position,
        style: STYLE.text,
      },
      {
        header: specHeader("DN-KT", "nominations", "individualGroup"),
        min: 16,
        max: 30,
        value: (row) => short(INDIVIDUAL_GROUPS, row.individualGroup),
        style: STYLE.text,
      },
      {
        header: specHeader("DN-KT", "nominations", "award"),
        min: 24,
        max: 36,
        value: (row) => short(AWARDS, row.award),
        style: STYLE.text,
      },
      {
        header: specHeader("DN-KT", "nominations", "content"),
        min: 10,
        max: 10,
        value: (row) => row.content,
        style: STYLE.code,
      },
      {
        header: specHeader("DN-KT", "nominations", "achievement"),
        min: 30,
        max: 60,
        value: (row) => row.achievement,
        style: STYLE.text,
      },
      {
        header: specHeader("DN-KT", "nominations", "evidence"),
        min: 20,
        max: 40,
        value: (row) => row.evidence,
        style: STYLE.text,
      },
      {
        header: HEADERS.department,
        min: 12,
        max: 16,
        value: (row) => short(DEPARTMENTS, row.department),
        style: STYLE.strongText,
      },
    ],
    rows: context.result.nominations,
  };
}

// ---------------------------------------------------------------- Lỗi, Nhật ký

interface ProblemRow {
  readonly unitCode: string | null;
  readonly unitName: string | null;
  readonly file: string;
  readonly outcome: string;
  readonly problem: Problem;
}

function problemsSheet(context: WorkbookContext): TableSheet<ProblemRow> {
  const nameOf = (file: ConsolidatedFile): string | null =>
    file.unitCode !== null
      ? (context.unitsByCode.get(normaliseUnitCode(file.unitCode))?.name ?? file.unitName)
      : file.unitName;
  const registry = context.result.registry;
  // The registry's own problems come first: a row left out there changes every figure below.
  const rows: ProblemRow[] = [
    ...(registry?.problems ?? []).map((problem) => ({
      unitCode: null,
      unitName: null,
      file: registry?.file ?? "",
      outcome: LOG_LABELS.registry,
      problem,
    })),
    ...context.result.sourceProblems.map((problem) => ({
      unitCode: null,
      unitName: null,
      file: typeof problem.params.folder === "string" ? problem.params.folder : context.result.source,
      outcome: LOG_LABELS.source,
      problem,
    })),
    ...context.result.files.flatMap((file) =>
      file.problems.map((problem) => ({
        unitCode: file.unitCode,
        unitName: nameOf(file),
        file: file.file,
        outcome: OUTCOME_LABELS.vi[file.outcome],
        problem,
      })),
    ),
  ];
  return {
    key: "problems",
    tabColour: STATUS_COLOURS.invalid.strong,
    preamble: titleLines("problems", context),
    columns: [
      { header: HEADERS.unitCode, min: 10, max: 16, value: (row) => row.unitCode, style: STYLE.code },
      { header: HEADERS.unitName, min: 24, max: 44, value: (row) => row.unitName, style: STYLE.text },
      { header: HEADERS.file, min: 16, max: 44, value: (row) => row.file, style: STYLE.text },
      { header: HEADERS.outcome, min: 14, max: 30, value: (row) => row.outcome, style: STYLE.text },
      { header: HEADERS.sheet, min: 12, max: 20, value: (row) => row.problem.sheet, style: STYLE.text },
      { header: HEADERS.cell, min: 6, max: 8, value: (row) => row.problem.cell, style: STYLE.code },
      { header: HEADERS.code, min: 20, max: 32, value: (row) => row.problem.code, style: STYLE.code },
      {
        header: HEADERS.severity,
        min: 10,
        max: 11,
        value: (row) => SEVERITY_LABELS.vi[row.problem.severity],
        style: (row) => SEVERITY_STYLES[row.problem.severity],
      },
      {
        header: HEADERS.message,
        min: 50,
        max: 80,
        value: (row) => formatProblem(row.problem, context.language),
        style: STYLE.text,
      },
    ],
    rows,
  };
}

function logSheet(context: WorkbookContext): TableSheet<ConsolidatedFile> {
  const { result } = context;
  const { config } = result;
  const keyValue = (label: string, value: CellInput): Line => ({
    cells: [label, value],
    styles: [STYLE.label, STYLE.value],
  });
  const deadlines = deadlineWords(result);
  const preamble: Line[] = [
    { cells: [SHEET_TITLES.log], styles: [STYLE.title], span: true },
    keyValue(LOG_LABELS.asOf, formatVietnamDateTime(result.asOf)),
    keyValue(LOG_LABELS.source, result.source),
    ...(result.receivedTimes === "modification_time"
      ? [keyValue(LOG_LABELS.receivedTimes, LOG_LABELS.receivedTimesNote)]
      : []),
    ...(result.sourceProblems.length > 0
      ? [keyValue(LOG_LABELS.sourceProblems, result.sourceProblems.length)]
      : []),
    ...(result.registry
      ? [
          keyValue(LOG_LABELS.registry, result.registry.file),
          keyValue(LOG_LABELS.registrySha256, result.registry.sha256),
          keyValue(LOG_LABELS.registryUnits, result.registry.units),
          keyValue(LOG_LABELS.registryProblems, result.registry.problems.length),
        ]
      : []),
    keyValue(
      LOG_LABELS.kindsFilter,
      result.kindsFilter
        ? result.kindsFilter.map((kind) => KIND_LABELS.vi[kind]).join("; ")
        : LOG_LABELS.allKinds,
    ),
    keyValue(LOG_LABELS.reportYear, config.reportYear),
    keyValue(
      LOG_LABELS.provincialPlanDate,
      config.provincialPlanDate ? formatVietnameseDate(config.provincialPlanDate) : LOG_LABELS.notSet,
    ),
    keyValue(LOG_LABELS.round, ROUNDS.find((round) => round.code === config.round)?.vi ?? config.round),
    keyValue(
      LOG_LABELS.nominationDeadline,
      config.nominationDeadline ? formatVietnameseDate(config.nominationDeadline) : LOG_LABELS.notSet,
    ),
    keyValue(LOG_LABELS.expectedKinds, config.expectedKinds.map((kind) => KIND_LABELS.vi[kind]).join("; ")),
    keyValue(LOG_LABELS.deadlines, deadlines || LOG_LABELS.notSet),
    keyValue(LOG_LABELS.templateVersion, result.templateVersion),
    keyValue(LOG_LABELS.ruleVersion, result.ruleVersion),
    keyValue(LOG_LABELS.files, result.files.length),
    { cells: [LOG_LABELS.filesHeading], styles: [STYLE.blockTitle] },
  ];
  return {
    key: "log",
    preamble,
    minWidths: [Math.max(...Object.values(LOG_LABELS).map((label) => label.length)) + 2],
    columns: [
      { header: HEADERS.file, min: 20, max: 50, value: (row) => row.file, style: STYLE.text },
      { header: HEADERS.sizeBytes, min: 11, max: 14, value: (row) => row.sizeBytes, style: STYLE.integer },
      { header: HEADERS.sha256, min: 66, max: 66, value: (row) => row.sha256, style: STYLE.code },
      {
        header: HEADERS.receivedAt,
        min: 17,
        max: 17,
        value: (row) => toVietnamCellDate(row.receivedAt),
        style: STYLE.dateTime,
      },
      { header: HEADERS.kind, min: 16, max: 28, value: (row) => kindLabel(row.kind), style: STYLE.text },
      { header: HEADERS.version, min: 10, max: 12, value: (row) => row.version, style: STYLE.code },
      {
        header: HEADERS.outcome,
        min: 14,
        max: 30,
        value: (row) => OUTCOME_LABELS.vi[row.outcome],
        style: (row) =>
          row.outcome === "on_time" || row.outcome === "late" || row.outcome === "invalid"
            ? STATUS_STYLES[row.outcome]
            : STYLE.text,
      },
      { header: HEADERS.unitCode, min: 10, max: 16, value: (row) => row.unitCode, style: STYLE.code },
      {
        header: HEADERS.attribution,
        min: 12,
        max: 20,
        value: (row) => (row.attribution === null ? null : ATTRIBUTION_LABELS[row.attribution]),
        style: STYLE.text,
      },
      { header: HEADERS.pointsTo, min: 12, max: 16, value: (row) => row.pointsTo, style: STYLE.code },
      { header: HEADERS.supersededBy, min: 16, max: 40, value: (row) => row.supersededBy, style: STYLE.text },
      { header: HEADERS.errors, min: 8, max: 10, value: (row) => row.errors, style: STYLE.integer },
      { header: HEADERS.warnings, min: 10, max: 11, value: (row) => row.warnings, style: STYLE.integer },
      // From OneDrive: who uploaded the version read, and where it is (a unit that says it sent a file).
      ...(result.files.some((file) => file.origin)
        ? ([
            {
              header: HEADERS.uploadedBy,
              min: 16,
              max: 40,
              value: (row) => row.origin?.uploadedBy ?? null,
              style: STYLE.text,
            },
            {
              // Receiving staff edited the file after the unit's version (the one judged): who and when.
              header: HEADERS.editedLater,
              min: 16,
              max: 50,
              value: (row) =>
                row.origin?.editedLater
                  ? `${row.origin.editedLater.by ?? "?"}, ${formatVietnamDateTime(row.origin.editedLater.at)}`
                  : null,
              style: STYLE.text,
            },
            {
              header: HEADERS.oneDriveItem,
              min: 16,
              max: 40,
              value: (row) => row.origin?.itemId ?? null,
              style: STYLE.code,
            },
            {
              header: HEADERS.oneDriveUrl,
              min: 20,
              max: 60,
              value: (row) => row.origin?.url ?? null,
              style: STYLE.text,
            },
          ] satisfies Column<ConsolidatedFile>[])
        : []),
    ],
    rows: result.files,
  };
}

// ---------------------------------------------------------------- the workbook

function createContext(result: ConsolidationResult, language: Language): WorkbookContext {
  const unitsByCode = new Map<string, RegistryUnit>();
  for (const entry of result.statuses) unitsByCode.set(normaliseUnitCode(entry.unit.code), entry.unit);
  return {
    result,
    language,
    unitsByCode,
    asOfLine: `Số liệu tính đến ${formatVietnamDateTime(result.asOf)} (giờ Việt Nam) · Năm báo cáo ${result.config.reportYear}`,
  };
}

/** Opens the temporary file before exceljs gets it, so that an unwritable place fails here, not in a stray 'error' event. */
async function openTemporary(path: string): Promise<{ stream: WriteStream; failed: Promise<never> }> {
  const stream = createWriteStream(path, { flags: "wx" });
  let rejectFailed: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    rejectFailed = reject;
  });
  failed.catch(() => undefined);
  stream.on("error", (error) => rejectFailed(error));
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", reject);
  });
  return { stream, failed };
}

/**
 * Writes the province-wide workbook for Sở Nội vụ with exceljs's streaming writer (rows are
 * committed as they are written, so memory stays flat however many files came in) into `file`,
 * which must not exist yet (a temporary file: see writeOutputPair and writeConsolidatedWorkbook).
 *
 * Sheets: Tổng quan, Tình hình nộp, Chưa nộp, Nhiệm vụ, Chỉ tiêu, Khen thưởng, Lỗi, Nhật ký.
 * Values only: every string is a string cell, never a formula or a link. Sheet names and headers
 * are Vietnamese; `language` chooses the wording of the problem messages in *Lỗi*.
 */
export async function writeConsolidatedWorkbookFile(
  result: ConsolidationResult,
  file: string,
  language: Language = "vi",
): Promise<void> {
  const ExcelJS = loadExcelJs();
  const { stream, failed } = await openTemporary(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  // The same input and as-of give the same content: no wall-clock time goes into the file.
  workbook.creator = "thidua";
  workbook.lastModifiedBy = "thidua";
  workbook.created = new Date(result.asOf);
  workbook.modified = new Date(result.asOf);
  const context = createContext(result, language);
  const write = async (): Promise<void> => {
    // One sheet after another: the zip takes its entries in order, so a sheet is complete before the next starts.
    const filters = [
      await writeTableSheet(workbook, overviewSheet(context)),
      await writeTableSheet(workbook, statusesSheet(context)),
      await writeTableSheet(workbook, followUpSheet(context)),
      await writeTableSheet(workbook, tasksSheet(context)),
      await writeTableSheet(workbook, indicatorsSheet(context)),
      await writeTableSheet(workbook, nominationsSheet(context)),
      await writeTableSheet(workbook, problemsSheet(context)),
      await writeTableSheet(workbook, logSheet(context)),
    ];
    addFilterDatabaseNames(workbook, filters);
    await workbook.commit();
  };
  await Promise.race([write(), failed]);
}

/** Writes the workbook whole or not at all: a temporary file beside `path`, renamed over it once complete. */
export async function writeConsolidatedWorkbook(
  result: ConsolidationResult,
  path: string,
  language: Language = "vi",
): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await makeOutputFolder(folder);
    await writeConsolidatedWorkbookFile(result, temporary, language);
    await rename(temporary, path);
  } catch (error) {
    // rm's force only forgives ENOENT; when the folder itself is impossible, the first error is the one to report.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw toOutputError(path, error);
  }
}
