import { VALUE_BOUNDS } from "../catalogue/bounds";
import type { LocalizedText } from "../catalogue/types";
import { ENUM_CATALOGUES, formatEnumOption } from "./enums";
import type { TemplateSpec, ValueType } from "./types";

/** The public description of a template (`thidua describe --json`). Keep it stable: other tools read it. */
export interface ValueDescription {
  readonly type: ValueType["type"];
  readonly required: boolean;
  readonly allowedValues?: readonly { code: string; label: string; option: string }[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly docTypes?: readonly string[];
}

export interface FieldDescription extends ValueDescription {
  readonly key: string;
  readonly label: LocalizedText;
  readonly sheet: string;
  readonly cell: string;
}

export interface ColumnDescription extends ValueDescription {
  readonly key: string;
  readonly label: LocalizedText;
  readonly column: string;
}

export interface TemplateDescription {
  readonly kind: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly fileName: string;
  readonly sheets: readonly string[];
  readonly fields: readonly FieldDescription[];
  readonly tables: readonly {
    readonly key: string;
    readonly label: LocalizedText;
    readonly sheet: string;
    readonly headerRow: number;
    readonly firstDataRow: number;
    readonly maxRows: number;
    readonly columns: readonly ColumnDescription[];
  }[];
}

function describeValue(value: ValueType, required: boolean): ValueDescription {
  switch (value.type) {
    case "enum":
      return {
        type: value.type,
        required,
        allowedValues: ENUM_CATALOGUES[value.catalogue].map((entry) => ({
          code: entry.code,
          label: entry.short,
          option: formatEnumOption(entry),
        })),
      };
    case "integer":
    case "year":
      return { type: value.type, required, min: value.min, max: value.max };
    case "percent":
      return { type: value.type, required, ...VALUE_BOUNDS.percent };
    case "text":
      return { type: value.type, required, maxLength: value.maxLength };
    case "docNumber":
      return { type: value.type, required, docTypes: value.docTypes };
    case "date":
    case "email":
      return { type: value.type, required };
  }
}

export function describeTemplate(spec: TemplateSpec): TemplateDescription {
  return {
    kind: spec.kind,
    version: spec.version,
    title: spec.title,
    fileName: spec.fileName,
    sheets: spec.sheets.map((sheet) => sheet.name),
    fields: spec.fields.map((field) => ({
      key: field.key,
      label: field.label,
      sheet: field.sheet,
      cell: field.cell,
      ...describeValue(field.value, field.required),
    })),
    tables: spec.tables.map((table) => ({
      key: table.key,
      label: table.label,
      sheet: table.sheet,
      headerRow: table.headerRow,
      firstDataRow: table.firstDataRow,
      maxRows: table.maxRows,
      columns: table.columns.map((column) => ({
        key: column.key,
        label: column.label,
        column: column.column,
        ...describeValue(column.value, column.required),
      })),
    })),
  };
}
