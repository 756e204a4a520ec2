import type { Cell, CellValue as ExcelCellValue } from "exceljs";
import type { CellValue } from "../../core/snapshot";

/** exceljs ValueType numbers (enums.js); imported as numbers so the module need not load to convert. */
const VALUE_TYPE = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** A date cell is a calendar date: read its UTC fields, never the local time zone (see PITFALLS). */
function convertDate(date: Date): CellValue | null {
  if (Number.isNaN(date.getTime())) return null;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return { t: "d", v: hasTime ? `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` : day };
}

function textOfRichText(value: { richText: { text: string }[] }): string {
  return value.richText.map((run) => run.text).join("");
}

/** Every shape exceljs gives a cell value, as a plain core value; the one place that knows them. */
export function convertValue(value: ExcelCellValue | undefined, numFmt: string | undefined): CellValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return { t: "s", v: value };
  if (typeof value === "number") return numFmt?.includes("%") ? { t: "n", v: value, percent: true } : { t: "n", v: value };
  if (typeof value === "boolean") return { t: "b", v: value };
  if (value instanceof Date) return convertDate(value);
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText)) return { t: "s", v: textOfRichText(value) };
  if ("error" in value && typeof value.error === "string") return { t: "e", v: value.error };
  if ("hyperlink" in value) {
    // Only the text shown: the link target never reaches an output.
    const text = (value as { text?: unknown }).text;
    if (typeof text === "string") return { t: "s", v: text };
    if (text && typeof text === "object" && "richText" in text) return { t: "s", v: textOfRichText(text as { richText: { text: string }[] }) };
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

/** Converts one exceljs cell; a non-master cell of a merge returns null (its master holds the value). */
export function convertCell(cell: Cell): CellValue | null {
  if (cell.type === VALUE_TYPE.Merge || cell.type === VALUE_TYPE.Null) return null;
  return convertValue(cell.value, cell.numFmt);
}
