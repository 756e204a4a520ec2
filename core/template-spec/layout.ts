import type { LocalizedText } from "../catalogue/types";
import { columnNumberToLetter, toA1 } from "../values/a1";
import type {
  ColumnSpec,
  FieldSpec,
  KeyedRowsSpec,
  SheetSpec,
  StaticCell,
  TableSpec,
  ValueType,
} from "./types";

/**
 * The sheet layouts. Every address of every template is computed here from the order of the
 * fields and columns, so that an address is written once and moves everywhere with the spec.
 */

export interface FieldDraft {
  readonly key: string;
  readonly label: LocalizedText;
  readonly value: ValueType;
  readonly required: boolean;
  readonly hint?: LocalizedText;
}

export interface ColumnDraft extends FieldDraft {
  readonly width: number;
}

interface SheetHeading {
  readonly name: string;
  readonly title: LocalizedText;
  readonly instruction: LocalizedText;
}

export const TITLE_ROW = 1;
export const INSTRUCTION_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/** Marks a required input in labels and headers, as Vietnamese forms do. */
export function labelWithRequiredMark(label: string, required: boolean): string {
  return required ? `${label} (*)` : label;
}

function headingCells(heading: SheetHeading, lastColumn: string): StaticCell[] {
  return [
    {
      cell: toA1("A", TITLE_ROW),
      text: heading.title.vi,
      style: "title",
      mergeTo: toA1(lastColumn, TITLE_ROW),
    },
    {
      cell: toA1("A", INSTRUCTION_ROW),
      text: heading.instruction.vi,
      style: "instruction",
      mergeTo: toA1(lastColumn, INSTRUCTION_ROW),
    },
  ];
}

/**
 * A header or a code as a reader compares it with the spec: the required mark "(*)", case,
 * Unicode form and runs of spaces do not count, so a header retyped by hand still matches.
 */
export function normaliseHeaderText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\(\s*\*\s*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("vi");
}

/** A form of single fields: label in A, input in B, hint in C, one field per row. */
export function layoutFieldSheet(
  heading: SheetHeading,
  drafts: readonly FieldDraft[],
): { sheet: SheetSpec; fields: FieldSpec[]; keyedRows: KeyedRowsSpec } {
  const headers = [
    { column: "A", text: "Thông tin" },
    { column: "B", text: "Nội dung điền" },
    { column: "C", text: "Hướng dẫn, ví dụ" },
  ];
  const staticCells: StaticCell[] = [
    ...headingCells(heading, "C"),
    ...headers.map((header): StaticCell => ({
      cell: toA1(header.column, HEADER_ROW),
      text: header.text,
      style: "header",
    })),
  ];
  const fields = drafts.map((draft, index): FieldSpec => {
    const row = FIRST_DATA_ROW + index;
    staticCells.push({
      cell: toA1("A", row),
      text: labelWithRequiredMark(draft.label.vi, draft.required),
      style: "label",
    });
    if (draft.hint) staticCells.push({ cell: toA1("C", row), text: draft.hint.vi, style: "instruction" });
    return { ...draft, sheet: heading.name, cell: toA1("B", row) };
  });
  return {
    sheet: {
      name: heading.name,
      title: heading.title,
      widths: { A: 34, B: 44, C: 48 },
      frozenRows: HEADER_ROW,
      staticCells,
    },
    fields,
    keyedRows: {
      keyKind: "fieldLabel",
      sheet: heading.name,
      headerRow: HEADER_ROW,
      headers,
      keyColumn: "A",
      inputColumn: "B",
      rows: drafts.map((draft) => ({
        code: labelWithRequiredMark(draft.label.vi, draft.required),
        fieldKey: draft.key,
      })),
    },
  };
}

/** A table: headers on one row, one record per row below, columns from A in the order given. */
export function layoutTableSheet(
  heading: SheetHeading,
  table: {
    key: string;
    label: LocalizedText;
    templateRows: number;
    maxRows: number;
    columns: readonly ColumnDraft[];
  },
): { sheet: SheetSpec; table: TableSpec } {
  const columns = table.columns.map((draft, index): ColumnSpec => ({
    ...draft,
    column: columnNumberToLetter(index + 1),
  }));
  const lastColumn = columnNumberToLetter(columns.length);
  const staticCells: StaticCell[] = [
    ...headingCells(heading, lastColumn),
    ...columns.map((column): StaticCell => ({
      cell: toA1(column.column, HEADER_ROW),
      text: labelWithRequiredMark(column.label.vi, column.required),
      style: "header",
    })),
  ];
  const widths = Object.fromEntries(columns.map((column) => [column.column, column.width]));
  return {
    sheet: { name: heading.name, title: heading.title, widths, frozenRows: HEADER_ROW, staticCells },
    table: {
      key: table.key,
      label: table.label,
      sheet: heading.name,
      headerRow: HEADER_ROW,
      firstDataRow: FIRST_DATA_ROW,
      templateRows: table.templateRows,
      maxRows: table.maxRows,
      columns,
    },
  };
}

/**
 * A list of fixed rows, each with read-only describing cells and one input: the yearly report's
 * indicators. Each input is a field of its own, so its address is known and described.
 */
export function layoutFixedRowSheet(
  heading: SheetHeading,
  headers: readonly { column: string; text: string; width: number }[],
  rows: readonly { describing: readonly string[]; field: FieldDraft }[],
): { sheet: SheetSpec; fields: FieldSpec[]; keyedRows: KeyedRowsSpec } {
  const inputColumn = columnNumberToLetter(headers.length);
  const staticCells: StaticCell[] = [
    ...headingCells(heading, inputColumn),
    ...headers.map((header): StaticCell => ({
      cell: toA1(header.column, HEADER_ROW),
      text: header.text,
      style: "header",
    })),
  ];
  const fields = rows.map((row, index): FieldSpec => {
    const rowNumber = FIRST_DATA_ROW + index;
    row.describing.forEach((text, column) => {
      staticCells.push({
        cell: toA1(columnNumberToLetter(column + 1), rowNumber),
        text,
        style: column === 0 ? "code" : "label",
      });
    });
    return { ...row.field, sheet: heading.name, cell: toA1(inputColumn, rowNumber) };
  });
  const widths = Object.fromEntries(headers.map((header) => [header.column, header.width]));
  return {
    sheet: { name: heading.name, title: heading.title, widths, frozenRows: HEADER_ROW, staticCells },
    fields,
    keyedRows: {
      keyKind: "indicatorCode",
      sheet: heading.name,
      headerRow: HEADER_ROW,
      headers: headers.map(({ column, text }) => ({ column, text })),
      keyColumn: "A",
      inputColumn,
      rows: rows.map((row) => ({ code: row.describing[0] ?? "", fieldKey: row.field.key })),
    },
  };
}
