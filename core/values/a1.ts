/** A1 addresses: the only place that turns row/column numbers into letters and back. */

export function columnLetterToNumber(letters: string): number {
  let value = 0;
  for (const char of letters.toUpperCase()) value = value * 26 + (char.charCodeAt(0) - 64);
  return value;
}

export function columnNumberToLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export function toA1(column: string, row: number): string {
  return `${column}${row}`;
}

const CODE_DOLLAR = 36;
const CODE_0 = 48;
const CODE_9 = 57;
const CODE_A = 65;
const CODE_Z = 90;
const CASE_BIT = 32;

/**
 * "B12", "$B$12" or "b12" to its parts, or null. Scans characters rather than matching a regular
 * expression: it runs once per cell of every table read (12,000 times for a 2,000-row plan).
 */
export function parseA1(address: string): { column: string; columnNumber: number; row: number } | null {
  let index = address.charCodeAt(0) === CODE_DOLLAR ? 1 : 0;
  const columnStart = index;
  let columnNumber = 0;
  for (; index < address.length; index += 1) {
    const upper = address.charCodeAt(index) & ~CASE_BIT;
    if (upper < CODE_A || upper > CODE_Z) break;
    columnNumber = columnNumber * 26 + (upper - CODE_A + 1);
  }
  const columnEnd = index;
  if (columnEnd === columnStart || columnEnd - columnStart > 3) return null;
  if (address.charCodeAt(index) === CODE_DOLLAR) index += 1;
  const rowStart = index;
  let row = 0;
  for (; index < address.length; index += 1) {
    const code = address.charCodeAt(index);
    if (code < CODE_0 || code > CODE_9) return null;
    row = row * 10 + (code - CODE_0);
  }
  if (index === rowStart) return null;
  return { column: address.slice(columnStart, columnEnd).toUpperCase(), columnNumber, row };
}

/** Whether the cell lies inside a range such as "B4:C5". */
export function isCellInRange(cell: string, range: string): boolean {
  const [from, to] = range.split(":");
  const target = parseA1(cell);
  const start = from ? parseA1(from) : null;
  const end = to ? parseA1(to) : start;
  if (!target || !start || !end) return false;
  return (
    target.row >= Math.min(start.row, end.row) &&
    target.row <= Math.max(start.row, end.row) &&
    target.columnNumber >= Math.min(start.columnNumber, end.columnNumber) &&
    target.columnNumber <= Math.max(start.columnNumber, end.columnNumber)
  );
}
