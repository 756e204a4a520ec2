import type { CellValue, SheetSnapshot } from "./snapshot";
import type { TableSpec } from "./template-spec/types";
import type { CellRows } from "./validate/locate-table";
import { parseA1 } from "./values/a1";
import { removeVietnameseMarks } from "./values/remove-marks";

/**
 * What a row under the registry's header is. Sở Nội vụ's own lists carry section headings
 * ("KHỐI SỞ, BAN, NGÀNH", "Cụm 1 – Các xã", often merged across the row), a footer ("Tổng số: 40",
 * "Người lập biểu" and the signature under it) and blank rows between sections: none is a unit.
 */
export type RegistryRowRole =
  | { readonly role: "unit" }
  | { readonly role: "blank" }
  | { readonly role: "heading" | "footer"; readonly text: string };

// Compared without marks and case: "Tổng số", "TONG SO", "Người lập biểu", "(Ký, ghi rõ họ tên)".
const FOOTER_START =
  /^(tong so|tong cong(?! ty)|cong:|nguoi lap|lap bieu|ghi chu|xac nhan|thu truong|giam doc|ky ten|\(ky|[^,]{0,30}, ngay\b)/;
// "KHỐI SỞ", "Cụm 1 – …", "Nhóm II", "I. Khối huyện", "A. CÁC SỞ", "1) Doanh nghiệp".
const HEADING_START = /^(khoi|cum|nhom|[ivx]+\s*[.)\-–]|[a-z]\s*[.)]|\d{1,2}\s*[.)])(\s|$)/;

function textOf(value: CellValue | undefined): string {
  if (value === undefined || value.t === "z") return "";
  return String(value.v).trim();
}

function comparable(text: string): string {
  return removeVietnameseMarks(text).toLowerCase().replace(/\s+/g, " ");
}

/** Merges that start in a row and span two or more of the table's columns: a heading written across. */
function rowsMergedAcross(sheet: SheetSnapshot, table: TableSpec): Map<number, string> {
  const columns = table.columns.map((column) => parseA1(`${column.column}1`)?.columnNumber ?? 0);
  const merged = new Map<number, string>();
  for (const range of sheet.merges) {
    const [from, to] = range.split(":").map((address) => parseA1(address));
    if (!from || !to || from.row < table.firstDataRow) continue;
    const spanned = columns.filter(
      (column) => column >= from.columnNumber && column <= to.columnNumber,
    ).length;
    if (spanned >= 2) merged.set(from.row, `${from.column}${from.row}`);
  }
  return merged;
}

/**
 * Sorts every row under the header: a unit row is read as one (its problems reported), the others
 * are listed and never counted. A row with a type or an e-mail is always a unit row; a row with one
 * text only is a heading when it reads as one or cannot be a code; once a footer starts, the rows
 * under it without a type or an e-mail (the signature) belong to it.
 */
export function classifyRegistryRows(
  sheet: SheetSnapshot,
  rows: CellRows,
  table: TableSpec,
  isCode: (text: string) => boolean,
): Map<number, RegistryRowRole> {
  const column = (key: string): string => table.columns.find((entry) => entry.key === key)?.column ?? "";
  const [codeColumn, typeColumn, emailColumn] = [column("code"), column("type"), column("email")];
  const merged = rowsMergedAcross(sheet, table);
  const roles = new Map<number, RegistryRowRole>();
  const dataRows = [...rows.keys()].filter((row) => row >= table.firstDataRow).sort((a, b) => a - b);
  const last = dataRows.at(-1) ?? table.firstDataRow - 1;
  let inFooter = false;
  for (let row = table.firstDataRow; row <= last; row += 1) {
    const cells = rows.get(row);
    const texts = table.columns
      .map((entry) => ({ column: entry.column, text: textOf(cells?.get(entry.column)) }))
      .filter((entry) => entry.text !== "");
    const first = texts[0];
    if (!first) {
      roles.set(row, { role: "blank" });
      continue;
    }
    // A merge across the row is written once: a reader that repeats its value in every cell under
    // it would otherwise make the heading look like a unit with a type and an e-mail.
    const mergedAcross = merged.has(row);
    const looksLikeUnit =
      !mergedAcross && (textOf(cells?.get(typeColumn)) !== "" || textOf(cells?.get(emailColumn)) !== "");
    if (looksLikeUnit) {
      roles.set(row, { role: "unit" });
      continue;
    }
    const text = mergedAcross ? first.text : texts.map((entry) => entry.text).join(" ");
    if (inFooter || FOOTER_START.test(comparable(first.text))) {
      inFooter = true;
      roles.set(row, { role: "footer", text });
      continue;
    }
    const single = texts.length === 1;
    const heading =
      mergedAcross ||
      (single && HEADING_START.test(comparable(first.text))) ||
      (single && first.column === codeColumn && !isCode(first.text));
    roles.set(row, heading ? { role: "heading", text } : { role: "unit" });
  }
  return roles;
}

/** The sheet without the cells and merges of rows that are not units: what is left is read as units. */
export function keepUnitRows(
  sheet: SheetSnapshot,
  roles: ReadonlyMap<number, RegistryRowRole>,
): SheetSnapshot {
  const dropped = (row: number): boolean => {
    const role = roles.get(row)?.role;
    return role === "heading" || role === "footer";
  };
  const cells: Record<string, CellValue> = {};
  for (const address in sheet.cells) {
    const value = sheet.cells[address];
    const row = parseA1(address)?.row;
    if (value && (row === undefined || !dropped(row))) cells[address] = value;
  }
  const merges = sheet.merges.filter((range) => {
    const row = parseA1(range.split(":")[0] ?? "")?.row;
    return row === undefined || !dropped(row);
  });
  return { ...sheet, cells, merges };
}
