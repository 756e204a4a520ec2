import { MOVEMENT_TIME_ZONE } from "../catalogue/schedule";

/** A calendar date written YYYY-MM-DD: a day in Vietnam, not an instant. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = MOVEMENT_TIME_ZONE.utcOffsetMinutes * 60_000;

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number);
  return { year: year ?? NaN, month: month ?? NaN, day: day ?? NaN };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY);
  return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The first instant (epoch ms) of the given day in Vietnam. */
export function startOfVietnamDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) - OFFSET_MS;
}

/** The calendar day in Vietnam at which an instant falls. */
export function toVietnamDate(epochMs: number): IsoDate {
  const local = new Date(epochMs + OFFSET_MS);
  return formatIsoDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** "dd/mm/yyyy HH:mm" in Vietnam time, as officers write it. */
export function formatVietnamDateTime(epochMs: number): string {
  const local = new Date(epochMs + OFFSET_MS);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "dd/mm/yyyy" for a calendar date. */
export function formatVietnameseDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** A calendar date back to the Excel serial day number it is stored as (the inverse of the next function). */
export function isoDateToExcelSerial(date: IsoDate, date1904: boolean): number {
  const { year, month, day } = parseIsoDate(date);
  const days = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  if (date1904) return days - Date.UTC(1904, 0, 1) / MS_PER_DAY;
  // Before the phantom 29/02/1900, serials count from 31/12/1899; after it, from 30/12/1899.
  const fromLastDayOf1899 = days - Date.UTC(1899, 11, 31) / MS_PER_DAY;
  return fromLastDayOf1899 < 60 ? fromLastDayOf1899 : days - Date.UTC(1899, 11, 30) / MS_PER_DAY;
}

/** Excel serial day number to a calendar date, in the 1900 (with its phantom 29/02/1900) or 1904 system. */
export function excelSerialToIsoDate(serial: number, date1904: boolean): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const whole = Math.floor(serial);
  // 1900 system: day 1 is 1900-01-01 and day 60 is the non-existent 1900-02-29.
  if (!date1904 && whole === 60) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, whole < 60 ? 31 : 30);
  const value = new Date(epoch + whole * MS_PER_DAY);
  const year = value.getUTCFullYear();
  if (year > 9999) return null;
  return formatIsoDate(year, value.getUTCMonth() + 1, value.getUTCDate());
}
