import { VALUE_BOUNDS } from "../catalogue/bounds";
import type { CellValue } from "../snapshot";
import { resolveEnumValue } from "../template-spec/enums";
import type { EnumCatalogueName, ValueType } from "../template-spec/types";
import type { ProblemCode, ProblemParam } from "../problems";
import {
  excelSerialToIsoDate,
  formatIsoDate,
  formatVietnameseDate,
  isoDateToExcelSerial,
  isValidCalendarDate,
  type IsoDate,
} from "./calendar";
import { readNumberText } from "./parse-number";

/** A value read from a cell and typed by its spec: text, number, calendar date or catalogue code. */
export type ParsedValue = string | number;

/** A value that was read but looks unlike what was meant: a warning at its cell, the value kept. */
export interface ParseNotice {
  readonly code: ProblemCode;
  readonly params: Record<string, ProblemParam>;
}

export type ParseOutcome =
  | { readonly ok: true; readonly value: ParsedValue | null; readonly notice?: ParseNotice }
  | { readonly ok: false; readonly code: ProblemCode; readonly params: Record<string, ProblemParam> };

/** One e-mail address (the registry's lists are split by core/values/email-list.ts first). */
export const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/;
/** 45/KH-UBND, 12a/BC-SNV, 03/TTr-UBND.VP: number, optional letter, type, then one or more issuer parts. */
const DOC_NUMBER = /^(\d{1,5}[a-zA-Z]?)\/([A-Za-zĐđ]+)((?:-[A-Za-zĐđ0-9&.]+)+)$/u;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_MONTH_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * Dropdown values repeat from row to row, and resolving one normalises every label of its
 * catalogue: remember what each text resolved to. Bounded, as a consolidation reads many files.
 */
const enumMemo = new Map<string, string | null>();
const ENUM_MEMO_LIMIT = 5000;

function resolveEnumMemoised(catalogue: EnumCatalogueName, raw: string): string | null {
  const key = `${catalogue}\u0000${raw}`;
  const known = enumMemo.get(key);
  if (known !== undefined) return known;
  if (enumMemo.size >= ENUM_MEMO_LIMIT) enumMemo.clear();
  const code = resolveEnumValue(catalogue, raw);
  enumMemo.set(key, code);
  return code;
}

function fail(code: ProblemCode, params: Record<string, ProblemParam> = {}): ParseOutcome {
  return { ok: false, code, params };
}

function ok(value: ParsedValue | null): ParseOutcome {
  return { ok: true, value };
}

/** Text of a cell for display in a message: what the officer sees, shortened. */
export function describeCellValue(cell: CellValue | undefined): string {
  if (!cell || cell.t === "z") return "";
  const text = String(cell.v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isBlank(cell: CellValue | undefined): boolean {
  return !cell || (cell.t === "s" && cell.v.trim() === "");
}

function parseDateText(text: string): ParseOutcome {
  const trimmed = text.trim();
  const dmy = DAY_MONTH_YEAR.exec(trimmed);
  const ymd = dmy ? null : YEAR_MONTH_DAY.exec(trimmed);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : null;
  if (!parts) return fail("DATE_EXPECTED", { found: trimmed, shownAs: null });
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (!isValidCalendarDate(year, month, day)) return fail("DATE_IMPOSSIBLE", { found: trimmed });
  return ok(formatIsoDate(year, month, day));
}

const EARLIEST_PLAUSIBLE_DATE: IsoDate = VALUE_BOUNDS.earliestPlausibleDate;
const PERCENT = VALUE_BOUNDS.percent;

function parseDate(cell: CellValue, date1904: boolean): ParseOutcome {
  switch (cell.t) {
    case "d": {
      const date: IsoDate = cell.v.slice(0, 10);
      // Show what the officer typed (2026), not what Excel made of it (18/07/1905).
      return date >= EARLIEST_PLAUSIBLE_DATE
        ? ok(date)
        : fail("DATE_EXPECTED", {
            found: isoDateToExcelSerial(date, date1904),
            shownAs: formatVietnameseDate(date),
          });
    }
    case "n": {
      const date = excelSerialToIsoDate(cell.v, date1904);
      return date && date >= EARLIEST_PLAUSIBLE_DATE
        ? ok(date)
        : fail("DATE_EXPECTED", { found: cell.v, shownAs: null });
    }
    case "s":
      return parseDateText(cell.v);
    default:
      return fail("DATE_EXPECTED", { found: describeCellValue(cell), shownAs: null });
  }
}

function readNumber(cell: CellValue): { value: number; percentSign: boolean } | ParseOutcome {
  if (cell.t === "n") return { value: cell.v, percentSign: cell.percent === true };
  if (cell.t !== "s") return fail("NUMBER_EXPECTED", { found: describeCellValue(cell) });
  const reading = readNumberText(cell.v);
  if (reading.kind === "ambiguous") return fail("NUMBER_AMBIGUOUS", { found: cell.v.trim() });
  if (reading.kind === "not-a-number") return fail("NUMBER_EXPECTED", { found: describeCellValue(cell) });
  return { value: reading.value, percentSign: reading.percentSign };
}

function parseInteger(cell: CellValue, min: number, max: number): ParseOutcome {
  const read = readNumber(cell);
  if ("ok" in read) return read;
  const { value } = read;
  if (!Number.isInteger(value)) return fail("INTEGER_EXPECTED", { found: describeCellValue(cell) });
  if (value < min) return fail("NUMBER_NEGATIVE", { found: value, min });
  if (value > max) return fail("NUMBER_TOO_LARGE", { found: value, max });
  return ok(value);
}

/** A fraction as the percentage it stands for, without floating-point noise: 0.765 is 76.5. */
function toPercentage(fraction: number): number {
  return Math.round(fraction * 1e10) / 1e8;
}

function parsePercent(cell: CellValue): ParseOutcome {
  const read = readNumber(cell);
  if ("ok" in read) return read;
  // A cell formatted as % holds a fraction (85% is 0.85); typed "85%" in text means 85.
  const value = cell.t === "n" && read.percentSign ? toPercentage(read.value) : read.value;
  if (value < PERCENT.min || value > PERCENT.max)
    return fail("PERCENT_OUT_OF_RANGE", { found: value, min: PERCENT.min, max: PERCENT.max });
  // 0.765 with no % anywhere (a General cell, "0,765" typed as text, =G10/H10 left unformatted) is
  // most likely the fraction 76.5 %: kept as written, but the officer is asked.
  if (!read.percentSign && value > 0 && value < 1)
    return {
      ok: true,
      value,
      notice: {
        code: "PERCENT_LOOKS_LIKE_FRACTION",
        params: { found: value, suggested: toPercentage(value) },
      },
    };
  return ok(value);
}

/** What a text field holds, as the officer saw it: a date as dd/mm/yyyy (and hh:mm), a number as typed. */
function textOfCell(cell: Exclude<CellValue, { t: "z" }>): string {
  if (cell.t !== "d") return String(cell.v);
  const [day = cell.v, time] = cell.v.split("T");
  return time === undefined ? formatVietnameseDate(day) : `${formatVietnameseDate(day)} ${time.slice(0, 5)}`;
}

function parseText(cell: Exclude<CellValue, { t: "z" }>, maxLength: number): ParseOutcome {
  // TRUE/FALSE is never a name, a task or a target: a checkbox or a formula went into the wrong cell.
  if (cell.t === "b") return fail("TEXT_EXPECTED", { found: cell.v ? "TRUE" : "FALSE" });
  const trimmed = textOfCell(cell).trim();
  if (trimmed.length > maxLength) return fail("TEXT_TOO_LONG", { length: trimmed.length, max: maxLength });
  return ok(trimmed);
}

/** Reads one cell as the spec says it should be. A blank cell reads as null; the caller decides whether that is allowed. */
export function parseCellValue(
  cell: CellValue | undefined,
  type: ValueType,
  date1904: boolean,
): ParseOutcome {
  if (isBlank(cell) || cell === undefined) return ok(null);
  if (cell.t === "e") return fail("FORMULA_ERROR", { found: cell.v });
  if (cell.t === "z") return fail("FORMULA_NO_RESULT");
  switch (type.type) {
    case "text":
      return parseText(cell, type.maxLength);
    case "integer":
      return parseInteger(cell, type.min, type.max);
    case "percent":
      return parsePercent(cell);
    case "date":
      return parseDate(cell, date1904);
    case "year": {
      const parsed = parseInteger(cell, 0, 9999);
      if (!parsed.ok)
        return fail("YEAR_EXPECTED", { found: describeCellValue(cell), min: type.min, max: type.max });
      const year = parsed.value as number;
      return year >= type.min && year <= type.max
        ? parsed
        : fail("YEAR_EXPECTED", { found: year, min: type.min, max: type.max });
    }
    case "enum": {
      const code = resolveEnumMemoised(type.catalogue, String(cell.v));
      return code
        ? ok(code)
        : fail("ENUM_UNKNOWN", { found: describeCellValue(cell), catalogue: type.catalogue });
    }
    case "email": {
      const text = String(cell.v).trim();
      return EMAIL.test(text) ? ok(text) : fail("EMAIL_INVALID", { found: describeCellValue(cell) });
    }
    case "docNumber": {
      const text = String(cell.v).trim();
      const match = DOC_NUMBER.exec(text);
      const docType = match?.[2];
      const expected = type.docTypes.join(", ");
      if (!docType || !type.docTypes.some((allowed) => allowed.toLowerCase() === docType.toLowerCase())) {
        return fail("DOC_NUMBER_INVALID", {
          found: describeCellValue(cell),
          expected,
          example: `45/${type.docTypes[0] ?? "KH"}-UBND`,
        });
      }
      return ok(text);
    }
  }
}
