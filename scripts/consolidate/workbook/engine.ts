import type { Row, Worksheet, stream } from "exceljs";
import { columnNumberToLetter } from "../../../core/index";
import { argb, STYLE, type CellStyle } from "./styles";

/**
 * What a cell of the consolidated workbook may hold. Deliberately no object but Date: no formula,
 * no hyperlink, no rich text can be written, whatever a submission contained. A string is stored
 * as a string cell even when it starts with "=", "+", "-" or "@".
 */
export type CellInput = string | number | Date | null;

/** Excel refuses a cell longer than this; a longer text would make it "repair" the file. */
const MAX_CELL_TEXT = 32_767;
/** Rows written between two checks that the zip has taken what was written (see ZipBackpressure). */
const ROWS_PER_CHECK = 200;
/** Chunks of 64 KB that may wait for the zip, per sheet. */
const CHUNKS_IN_FLIGHT = 2;
/** Rows looked at to size a column; the rest follow the same shape. */
const WIDTH_SAMPLE_ROWS = 2_000;

/** One column of a table sheet, in words already: its header, how wide it may grow, how a row fills it. */
export interface Column<Row> {
  readonly header: string;
  /** Width in characters: at least min, at most max, else the longest value sampled. */
  readonly min: number;
  readonly max: number;
  readonly value: (row: Row) => CellInput;
  readonly style: CellStyle | ((row: Row) => CellStyle);
}

/** Anything written in the rows before a table's header, or after its rows. */
export interface Line {
  readonly cells: readonly CellInput[];
  readonly styles: readonly CellStyle[];
  /** A heading whose one cell spans the table's width, wrapped (so that print does not cut it). */
  readonly span?: boolean;
}

/** A sheet holding one filtered table, with lines before and after it. */
export interface TableSheet<Row> {
  readonly name: string;
  readonly tabColour?: string;
  readonly preamble: readonly Line[];
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  /** Blocks written after the table, outside its filter (totals, summaries). */
  readonly after?: readonly Line[];
  /** Lower bounds on column widths that the preamble needs (the labels of Nhật ký in column A). */
  readonly minWidths?: readonly number[];
}

/** Where a sheet's autofilter lies, for the workbook's filter names. */
export interface FilterRange {
  readonly sheet: string;
  readonly ref: string;
}

/** The one door into a cell: strings stay strings (capped), only finite numbers are numbers. */
function toCellInput(value: CellInput): CellInput {
  if (typeof value === "string")
    return value.length > MAX_CELL_TEXT ? `${value.slice(0, MAX_CELL_TEXT - 1)}…` : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : null;
  return null;
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

/**
 * LibreOffice shows an autofilter only when the workbook also has Excel's sheet-local
 * `_xlnm._FilterDatabase` name over the same range (Excel writes one; exceljs never does).
 * exceljs 4.4 renders a defined name's localSheetId, so the names are added to the model it writes.
 */
export function addFilterDatabaseNames(
  workbook: stream.xlsx.WorkbookWriter,
  filters: readonly FilterRange[],
): void {
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

/**
 * Streams one table sheet: preamble, the header row (frozen, filtered, repeated on print), the
 * rows, then the blocks after. Rows are committed as they go, so memory stays flat.
 */
export async function writeTableSheet<Row>(
  workbook: stream.xlsx.WorkbookWriter,
  sheet: TableSheet<Row>,
): Promise<FilterRange> {
  const headerRow = sheet.preamble.length + 1;
  const lastColumn = columnNumberToLetter(sheet.columns.length);
  const filterRef = `A${headerRow}:${lastColumn}${headerRow + Math.max(sheet.rows.length, 1)}`;
  const worksheet = workbook.addWorksheet(sheet.name, {
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
  return { sheet: sheet.name, ref: filterRef };
}
