import type { Workbook, Worksheet, DataValidation, Cell, Style } from "exceljs";
import {
  ENUM_CATALOGUES,
  LISTS_SHEET,
  STAMP,
  formatEnumOption,
  listNameFor,
  type ColumnSpec,
  type EnumCatalogueName,
  type FieldSpec,
  type StaticCell,
  type TemplateSpec,
  type ValueType,
  columnNumberToLetter,
  toA1,
} from "../../core/index";
import { loadExcelJs } from "./load-exceljs";
import { writeWorkbookBytes } from "./zip-repack";

/** What a filled-in cell may hold when a workbook is written with data (samples, tests). */
export type RawCellValue =
  | string
  | number
  | boolean
  | Date
  | null
  | { formula: string; result?: string | number | { error: string } }
  | { text: string; hyperlink: string };

export interface TemplateFill {
  readonly fields?: Readonly<Record<string, RawCellValue>>;
  readonly tables?: Readonly<Record<string, readonly Readonly<Record<string, RawCellValue>>[]>>;
}

export interface TemplateWriteOptions {
  /** Stamp another version (old-template samples and tests). */
  readonly version?: string;
  readonly fill?: TemplateFill;
}

/** A fixed moment keeps generated files identical from run to run. */
const GENERATED_AT = new Date(Date.UTC(2026, 0, 1));
const INPUT_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } } as const;
const THIN = { style: "thin", color: { argb: "FFB4B4B4" } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const DATE_FORMAT = "dd/mm/yyyy";
const DATE_RANGE = [new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2035, 11, 31))];

const STATIC_STYLES: Readonly<Record<StaticCell["style"], Partial<Style>>> = {
  title: {
    font: { bold: true, size: 14, color: { argb: "FF1F3864" } },
    alignment: { vertical: "middle", horizontal: "center" },
  },
  instruction: {
    font: { italic: true, size: 10, color: { argb: "FF595959" } },
    alignment: { wrapText: true, vertical: "top" },
  },
  header: {
    font: { bold: true },
    fill: HEADER_FILL,
    border: BORDER,
    alignment: { wrapText: true, vertical: "middle", horizontal: "center" },
  },
  label: { font: { bold: false }, border: BORDER, alignment: { wrapText: true, vertical: "top" } },
  code: { font: { bold: true, color: { argb: "FF1F3864" } }, border: BORDER, alignment: { vertical: "top" } },
};

function validationFor(value: ValueType, label: string): DataValidation | null {
  const prompt = {
    showErrorMessage: true,
    errorTitle: "Giá trị không hợp lệ",
    promptTitle: label.slice(0, 32),
  };
  switch (value.type) {
    case "enum":
      return {
        type: "list",
        allowBlank: true,
        formulae: [listNameFor(value.catalogue)],
        ...prompt,
        error: "Hãy chọn một giá trị trong danh sách.",
      };
    case "integer":
      return {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [value.min, value.max],
        ...prompt,
        error: `Nhập số nguyên từ ${value.min} đến ${value.max}.`,
      };
    case "year":
      return {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [value.min, value.max],
        ...prompt,
        error: `Nhập năm từ ${value.min} đến ${value.max}.`,
      };
    case "percent":
      return {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [0, 100],
        ...prompt,
        error: "Nhập tỷ lệ từ 0 đến 100.",
      };
    case "date":
      // A warning, not a stop: a date typed as text in another locale is still read by thidua.
      return {
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: DATE_RANGE,
        ...prompt,
        errorStyle: "warning",
        error: "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 20/05/2026.",
      };
    case "text":
      return {
        type: "textLength",
        operator: "lessThanOrEqual",
        allowBlank: true,
        formulae: [value.maxLength],
        ...prompt,
        error: `Tối đa ${value.maxLength} ký tự.`,
      };
    case "email":
    case "docNumber":
      return null;
  }
}

function styleInput(cell: Cell, value: ValueType): void {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  cell.border = BORDER;
  cell.alignment = { wrapText: value.type === "text", vertical: "top" };
  if (value.type === "date") cell.numFmt = DATE_FORMAT;
}

function writeValue(cell: Cell, raw: RawCellValue | undefined): void {
  if (raw === undefined || raw === null) return;
  cell.value = raw as Cell["value"];
}

function addListsSheet(workbook: Workbook): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  (Object.keys(ENUM_CATALOGUES) as EnumCatalogueName[]).forEach((catalogue, index) => {
    const column = columnNumberToLetter(index + 1);
    const entries = ENUM_CATALOGUES[catalogue];
    sheet.getCell(toA1(column, 1)).value = catalogue;
    entries.forEach((entry, row) => {
      sheet.getCell(toA1(column, row + 2)).value = formatEnumOption(entry);
    });
    // Lists go through names: inline lists stop at 255 characters and cross-sheet references are lost by exceljs.
    workbook.definedNames.add(
      `'${LISTS_SHEET}'!$${column}$2:$${column}$${entries.length + 1}`,
      listNameFor(catalogue),
    );
  });
}

function addStampSheet(workbook: Workbook, kind: string, version: string): void {
  const sheet = workbook.addWorksheet(STAMP.sheet, { state: "veryHidden" });
  sheet.getCell("A1").value = "kind";
  sheet.getCell(STAMP.kindCell).value = kind;
  sheet.getCell("A2").value = "version";
  sheet.getCell(STAMP.versionCell).value = version;
  sheet.getCell("A3").value = "generator";
  sheet.getCell("B3").value = "thidua";
  workbook.definedNames.add(`'${STAMP.sheet}'!$B$1`, STAMP.kindName);
  workbook.definedNames.add(`'${STAMP.sheet}'!$B$2`, STAMP.versionName);
}

function writeStaticCells(sheet: Worksheet, cells: readonly StaticCell[]): void {
  for (const staticCell of cells) {
    const cell = sheet.getCell(staticCell.cell);
    cell.value = staticCell.text;
    cell.style = { ...STATIC_STYLES[staticCell.style], protection: { locked: true } };
    if (staticCell.mergeTo) sheet.mergeCells(`${staticCell.cell}:${staticCell.mergeTo}`);
  }
  sheet.getRow(1).height = 28;
  sheet.getRow(2).height = 42;
}

/** exceljs has `dataValidations` at run time but not in its typings. */
function addValidation(sheet: Worksheet, address: string, validation: DataValidation): void {
  (
    sheet as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }
  ).dataValidations.add(address, validation);
}

function prepareField(sheet: Worksheet, field: FieldSpec, raw: RawCellValue | undefined): void {
  const cell = sheet.getCell(field.cell);
  styleInput(cell, field.value);
  const validation = validationFor(field.value, field.label.vi);
  if (validation) addValidation(sheet, field.cell, validation);
  writeValue(cell, raw);
}

function prepareTableColumn(sheet: Worksheet, column: ColumnSpec, firstRow: number, lastRow: number): void {
  // A column style unlocks and formats the cells officers add below the prepared rows too,
  // and costs one entry instead of one styled cell per row (per-cell styles tripled write time).
  sheet.getColumn(column.column).style = {
    protection: { locked: false },
    alignment: { wrapText: column.value.type === "text", vertical: "top" },
    ...(column.value.type === "date" ? { numFmt: DATE_FORMAT } : {}),
  };
  // Bounded ranges only: whole-column validations make exceljs take minutes to read a file back.
  const validation = validationFor(column.value, column.label.vi);
  if (validation) addValidation(sheet, `${column.column}${firstRow}:${column.column}${lastRow}`, validation);
}

/** Builds a template workbook from its spec, blank or filled, with dropdowns, protection and the stamp. */
export function buildTemplateWorkbook(spec: TemplateSpec, options: TemplateWriteOptions = {}): Workbook {
  const ExcelJS = loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "thidua";
  workbook.created = GENERATED_AT;
  workbook.modified = GENERATED_AT;
  workbook.title = spec.title.vi;
  for (const sheetSpec of spec.sheets) {
    const sheet = workbook.addWorksheet(sheetSpec.name, {
      views: sheetSpec.frozenRows > 0 ? [{ state: "frozen", ySplit: sheetSpec.frozenRows, xSplit: 0 }] : [],
    });
    for (const [column, width] of Object.entries(sheetSpec.widths)) sheet.getColumn(column).width = width;
    writeStaticCells(sheet, sheetSpec.staticCells);
    for (const field of spec.fields.filter((candidate) => candidate.sheet === sheetSpec.name)) {
      prepareField(sheet, field, options.fill?.fields?.[field.key]);
    }
    for (const table of spec.tables.filter((candidate) => candidate.sheet === sheetSpec.name)) {
      const rows = options.fill?.tables?.[table.key] ?? [];
      const lastRow = table.firstDataRow + Math.max(table.templateRows, rows.length) - 1;
      for (const column of table.columns) prepareTableColumn(sheet, column, table.firstDataRow, lastRow);
      rows.forEach((values, index) => {
        for (const column of table.columns)
          writeValue(sheet.getCell(toA1(column.column, table.firstDataRow + index)), values[column.key]);
      });
    }
    // No password: the protection guards the labels against slips, it is not a secret.
    void sheet.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  addListsSheet(workbook);
  addStampSheet(workbook, spec.kind, options.version ?? spec.version);
  return workbook;
}

export async function writeTemplateBuffer(
  spec: TemplateSpec,
  options: TemplateWriteOptions = {},
): Promise<Buffer> {
  return writeWorkbookBytes(buildTemplateWorkbook(spec, options));
}
