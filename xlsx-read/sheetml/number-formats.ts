import { excelSerialToIsoDate } from "../../core/index";

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30) that matter for reading values: the ones
 * that make a number a date or time, and the percentages. Ids 27–36 and 50–58 are the East
 * Asian locale dates; Excel writes them as ids, never as codes.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  27: "yyyy/m/d",
  28: "m/d",
  29: "m/d",
  30: "m-d-yy",
  31: "yyyy/m/d",
  32: "h:mm",
  33: "h:mm:ss",
  34: "h:mm",
  35: "h:mm:ss",
  36: "yyyy/m/d",
  50: "yyyy/m/d",
  51: "m/d",
  52: "yyyy/m",
  53: "m/d",
  54: "m/d",
  55: "yyyy/m",
  56: "m/d",
  57: "yyyy/m",
  58: "m/d",
};

export function builtInFormatCode(id: number): string | undefined {
  return BUILT_IN_FORMATS[id];
}

/** How a cell format shows a number: as a calendar date or time, a percentage, or a plain number (durations included). */
export type NumberDisplay = "number" | "percent" | "date";

/** Excel refuses format codes longer than this; a longer one is not Excel's, and is not read. */
const MAX_FORMAT_CODE_LENGTH = 255;
const DATE_LETTERS = new Set("ymdhsbYMDHSB");
/** [h], [mm], [ss]…: elapsed time, a duration such as 36:00, not a moment. */
const ELAPSED_TIME = /^(h+|m+|s+)$/i;

/**
 * Reads a format code in one pass, left to right: text in quotes, escaped and padding characters
 * and bracketed colours, conditions and locales are skipped; what remains decides. Linear in the
 * code's length, whatever it holds.
 */
export function classifyFormatCode(code: string): NumberDisplay {
  if (code.length > MAX_FORMAT_CODE_LENGTH || /^general$/i.test(code.trim())) return "number";
  let hasDatePart = false;
  let hasPercent = false;
  for (let i = 0; i < code.length; i += 1) {
    const char = code[i]!;
    if (char === '"') {
      const end = code.indexOf('"', i + 1);
      i = end === -1 ? code.length : end;
    } else if (char === "[") {
      const end = code.indexOf("]", i + 1);
      if (end === -1) break;
      if (ELAPSED_TIME.test(code.slice(i + 1, end))) return "number";
      i = end;
    } else if (char === "\\" || char === "_" || char === "*") {
      // "\x" shows x as is, "_x" pads by the width of x, "*x" repeats x: never a date part.
      i += 1;
    } else if (char === "%") {
      hasPercent = true;
    } else if (DATE_LETTERS.has(char)) {
      hasDatePart = true;
    } else if (char === ";") {
      // The first section (positive numbers) decides, as it does for Excel's own reading.
      break;
    }
  }
  return hasDatePart ? "date" : hasPercent ? "percent" : "number";
}

const SECONDS_PER_DAY = 86_400;

/** The date a time-only value stands on: serial 0 of each date system. */
export function dayZero(date1904: boolean): string {
  return date1904 ? "1904-01-01" : "1899-12-30";
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * An Excel serial as the calendar date (and time) it shows, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS;
 * null when Excel itself shows no date (negative, the phantom 29/02/1900, past 9999).
 * Time-only values (below 1) sit on the system's day zero, as Excel's own arithmetic does.
 */
export function excelSerialToDateText(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  let whole = Math.floor(serial);
  // Excel shows the nearest second (10:30:59.6 shows 10:31:00).
  let seconds = Math.round((serial - whole) * SECONDS_PER_DAY);
  if (seconds >= SECONDS_PER_DAY) {
    whole += 1;
    seconds -= SECONDS_PER_DAY;
  }
  const day = whole === 0 ? dayZero(date1904) : excelSerialToIsoDate(whole, date1904);
  if (day === null) return null;
  if (seconds === 0) return day;
  return `${day}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
