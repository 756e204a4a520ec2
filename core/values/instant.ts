import { MOVEMENT_TIME_ZONE } from "../catalogue/schedule";
import { isValidCalendarDate } from "./calendar";

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a moment typed on the command line (`--as-of`): a full date (YYYY-MM-DD, meaning the end
 * of that day), or a date and time to the minute, with an optional offset (without one it is
 * Vietnam time). An impossible date (30 February, 31 November), an hour past 23 or a partial
 * date ("2026", "2026-11") gives null: JavaScript's Date would roll it over to another day.
 */
export function parseInstant(text: string): number | null {
  const match = INSTANT.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isValidCalendarDate(year, month, day)) return null;
  const dateOnly = h === undefined;
  const hour = dateOnly ? 23 : Number(h);
  const minute = dateOnly ? 59 : Number(mi);
  const second = dateOnly ? 59 : s === undefined ? 0 : Number(s);
  const millisecond = ms === undefined ? 0 : Number(ms.padEnd(3, "0"));
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = MOVEMENT_TIME_ZONE.utcOffsetMinutes;
  if (zone !== undefined && zone.toUpperCase() === "Z") offsetMinutes = 0;
  else if (zone !== undefined) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = Number(digits.slice(2));
    if (zoneHours > 14 || zoneMinutes > 59) return null;
    offsetMinutes = sign * (zoneHours * 60 + zoneMinutes);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
}
