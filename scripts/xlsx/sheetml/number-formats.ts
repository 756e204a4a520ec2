import { excelSerialToIsoDate } from "../../../core/values/calendar";

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30) that matter for reading values: the ones
 * that make a number a date or time, and the percentages. Ids 27–36 and 50–58 are the East
 * Asian locale dates; Excel writes them as ids, never as codes.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  9: "0%", 10: "0.00%",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  27: "yyyy/m/d", 28: "m/d", 29: "m/d", 30: "m-d-yy", 31: "yyyy/m/d", 32: "h:mm", 33: "h:mm:ss", 34: "h:mm", 35: "h:mm:ss", 36: "yyyy/m/d",
  50: "yyyy/m/d", 51: "m/d", 52: "yyyy/m", 53: "m/d", 54: "m/d", 55: "yyyy/m", 56: "m/d", 57: "yyyy/m", 58: "m/d",
};

export function builtInFormatCode(id: number): string | undefined {
  return BUILT_IN_FORMATS[id];
}

/** Whether a format code shows a number as a date or time: date letters outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    // "_x" pads by the width of x and "*x" repeats x: neither x is shown as a date part.
    .replace(/[_*]./g, "");
  // "General" and scientific "E+" contain none of these letters.
  return /[ymdhsb]/i.test(bare.replace(/general/gi, ""));
}

export function isPercentFormat(code: string): boolean {
  return code.replace(/"[^"]*"/g, "").replace(/\\./g, "").includes("%");
}

const MS_PER_DAY = 86_400_000;

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
  let timeMs = Math.round((serial - whole) * MS_PER_DAY);
  if (timeMs >= MS_PER_DAY) {
    whole += 1;
    timeMs -= MS_PER_DAY;
  }
  const day = whole === 0 ? (date1904 ? "1904-01-01" : "1899-12-30") : excelSerialToIsoDate(whole, date1904);
  if (day === null) return null;
  const seconds = Math.floor(timeMs / 1000);
  if (seconds === 0) return day;
  return `${day}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
