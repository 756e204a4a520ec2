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

export function parseA1(address: string): { column: string; columnNumber: number; row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  const column = match[1].toUpperCase();
  return { column, columnNumber: columnLetterToNumber(column), row: Number(match[2]) };
}

/** Whether the cell lies inside a range such as "B4:C5". */
export function isCellInRange(cell: string, range: string): boolean {
  const [from, to] = range.split(":");
  const target = parseA1(cell);
  const start = from ? parseA1(from) : null;
  const end = to ? parseA1(to) : start;
  if (!target || !start || !end) return false;
  return (
    target.row >= Math.min(start.row, end.row) && target.row <= Math.max(start.row, end.row) &&
    target.columnNumber >= Math.min(start.columnNumber, end.columnNumber) &&
    target.columnNumber <= Math.max(start.columnNumber, end.columnNumber)
  );
}
