import type { LocalizedText } from "../catalogue/types";

export type TemplateKind = "KH" | "BC" | "DN-KT";
/** The registry of units is read with the same machinery but is not a submission. */
export type WorkbookKind = TemplateKind | "DS-DV";

export type EnumCatalogueName =
  "unitType" | "content" | "criterion" | "award" | "round" | "nomineeKind" | "individualGroup";

export type ValueType =
  | { readonly type: "text"; readonly maxLength: number }
  | { readonly type: "integer"; readonly min: number; readonly max: number }
  | { readonly type: "percent" }
  | { readonly type: "date" }
  | { readonly type: "year"; readonly min: number; readonly max: number }
  | { readonly type: "enum"; readonly catalogue: EnumCatalogueName }
  | { readonly type: "email" }
  /** A Vietnamese document number such as 45/KH-UBND: number / document type - issuing body. */
  | { readonly type: "docNumber"; readonly docTypes: readonly string[] };

export interface FieldSpec {
  readonly key: string;
  readonly label: LocalizedText;
  readonly sheet: string;
  readonly cell: string;
  readonly value: ValueType;
  readonly required: boolean;
  /** An example or hint shown beside the input. */
  readonly hint?: LocalizedText;
}

export interface ColumnSpec {
  readonly key: string;
  readonly label: LocalizedText;
  readonly column: string;
  readonly value: ValueType;
  readonly required: boolean;
  readonly width: number;
}

export interface TableSpec {
  readonly key: string;
  readonly label: LocalizedText;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Rows prepared in the template (validations, unlocked cells); bounded on purpose (see PITFALLS). */
  readonly templateRows: number;
  /** Rows a reader accepts before reporting TABLE_TOO_LONG. */
  readonly maxRows: number;
  readonly columns: readonly ColumnSpec[];
}

/**
 * Rows of a sheet that each carry their own code in a key column (the yearly report's indicators):
 * a reader finds each row by its code, so a row deleted or inserted above never shifts a value
 * onto the next code.
 */
export interface KeyedRowsSpec {
  /** What identifies a row: an indicator code (Chỉ tiêu) or a field's label (Thông tin). */
  readonly keyKind: "indicatorCode" | "fieldLabel";
  readonly sheet: string;
  readonly headerRow: number;
  /** The header labels, by column, as the template writes them. */
  readonly headers: readonly { readonly column: string; readonly text: string }[];
  readonly keyColumn: string;
  readonly inputColumn: string;
  /** Each row's code and the field its input is; the field's cell is where the template puts it. */
  readonly rows: readonly { readonly code: string; readonly fieldKey: string }[];
}

export type StaticCellStyle = "title" | "instruction" | "header" | "label" | "code";

/** Text the template carries and the officer must not change (locked under protection). */
export interface StaticCell {
  readonly cell: string;
  readonly text: string;
  readonly style: StaticCellStyle;
  /** Merge from `cell` to this address, for titles and instructions. */
  readonly mergeTo?: string;
}

export interface SheetSpec {
  readonly name: string;
  readonly title: LocalizedText;
  /** Column widths in characters, by letter. */
  readonly widths: Readonly<Record<string, number>>;
  /** Rows above this stay in view when scrolling (0 for none). */
  readonly frozenRows: number;
  readonly staticCells: readonly StaticCell[];
}

export interface TemplateSpec {
  readonly kind: WorkbookKind;
  readonly version: string;
  /** Versions that were issued once and are no longer accepted. */
  readonly retiredVersions: readonly string[];
  readonly title: LocalizedText;
  readonly fileName: string;
  readonly sheets: readonly SheetSpec[];
  readonly fields: readonly FieldSpec[];
  readonly tables: readonly TableSpec[];
  /** Field rows found by their code or label rather than by their row (see KeyedRowsSpec). */
  readonly keyedRows?: readonly KeyedRowsSpec[];
}
