import type { UnitTypeCode } from "./catalogue/unit-types";
import { createProblem, type Problem } from "./problems";
import { findSheet, type WorkbookSnapshot } from "./snapshot";
import { REGISTRY_SPEC } from "./template-spec/registry";
import { findColumn, groupCellsByRow, locatedTable, readDocument } from "./validate/read-document";
import { parseA1, toA1 } from "./values/a1";
import { joinEmailList, parseEmailList } from "./values/email-list";
import { classifyRegistryRows, keepUnitRows } from "./registry-rows";
import type { TemplateSpec } from "./template-spec/types";
import { locateTable } from "./validate/locate-table";

/** A unit expected to submit, as Sở Nội vụ lists it. Name, cluster and e-mail are "" when the row lacks them. */
export interface RegistryUnit {
  readonly code: string;
  readonly name: string;
  /** Null when the row's type is blank or not in the catalogue (its problem is listed). */
  readonly type: UnitTypeCode | null;
  readonly cluster: string;
  /** Its valid addresses joined by "; " (core/values/email-list.ts): reminders go to every one. */
  readonly email: string;
}

export interface Registry {
  readonly units: readonly RegistryUnit[];
  readonly byCode: ReadonlyMap<string, RegistryUnit>;
}

/**
 * Unit codes compare without case or spaces: "snv " is SNV and "XA 010" is XA010 (Sở Nội vụ and
 * the units type codes by hand; a space inside a code never tells two units apart).
 */
export function normaliseUnitCode(code: string): string {
  return code.replace(/\s+/gu, "").toUpperCase();
}

/** What a unit code may be once normalised: a code names a unit in files and file names alike. */
const UNIT_CODE = /^[A-Z0-9][A-Z0-9._/-]{0,19}$/;

export function isValidUnitCode(normalisedCode: string): boolean {
  return UNIT_CODE.test(normalisedCode);
}

/**
 * A code as it stands in a file name. "/" would open a folder, so it is written "+", a character no
 * code holds: "XA/010" and "XA-010" never share a file name (a "-" would make them one, and one
 * unit's send would replace the other's file). The consolidation reads "+" back as "/".
 */
export const FILE_NAME_SLASH = "+";

export function unitCodeInFileName(normalisedCode: string): string {
  return normalisedCode.replace(/\//g, FILE_NAME_SLASH);
}
export function createRegistry(units: readonly RegistryUnit[]): Registry {
  return { units, byCode: new Map(units.map((unit) => [normaliseUnitCode(unit.code), unit])) };
}

/**
 * Sở Nội vụ may keep the list in a workbook of its own: when no sheet has the template's name, the
 * one visible sheet whose rows hold the template's headers is the list (read under its header).
 */
function withRegistrySheet(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const table = REGISTRY_SPEC.tables[0];
  if (!table || findSheet(snapshot, table.sheet)) return snapshot;
  const candidates = snapshot.sheets.filter(
    (sheet) => sheet.state === "visible" && locateTable(sheet.name, groupCellsByRow(sheet), table).ok,
  );
  const [only] = candidates;
  if (candidates.length !== 1 || !only) return snapshot;
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => (sheet === only ? { ...sheet, name: table.sheet } : sheet)),
  };
}

/** The registry's columns as read: the e-mail cell is a list, split and checked by parseEmailList. */
const READ_SPEC: TemplateSpec = {
  ...REGISTRY_SPEC,
  tables: REGISTRY_SPEC.tables.map((table) => ({
    ...table,
    columns: table.columns.map((column) =>
      column.key === "email" ? { ...column, value: { type: "text", maxLength: 2000 } } : column,
    ),
  })),
};

/** Headings, footers and blank runs found under the header, each listed at its row; the sheet to read as units. */
function setAsideNonUnitRows(snapshot: WorkbookSnapshot): {
  snapshot: WorkbookSnapshot;
  problems: Problem[];
} {
  const table = READ_SPEC.tables[0];
  const sheet = table ? findSheet(snapshot, table.sheet) : undefined;
  if (!table || !sheet) return { snapshot, problems: [] };
  const rows = groupCellsByRow(sheet);
  const location = locateTable(sheet.name, rows, table);
  if (!location.ok) return { snapshot, problems: [] };
  const located = location.table;
  const roles = classifyRegistryRows(sheet, rows, located, (text) =>
    isValidUnitCode(normaliseUnitCode(text)),
  );
  const problems: Problem[] = [];
  const codeColumn = findColumn(located, "code").column;
  let blankFrom: number | null = null;
  for (const [row, role] of roles) {
    if (role.role === "blank") {
      blankFrom ??= row;
      continue;
    }
    if (blankFrom !== null) {
      problems.push(
        createProblem(
          "REGISTRY_ROWS_BLANK",
          "warning",
          { sheet: sheet.name, cell: toA1(codeColumn, blankFrom) },
          { from: blankFrom, to: row - 1 },
        ),
      );
      blankFrom = null;
    }
    if (role.role === "unit") continue;
    problems.push(
      createProblem(
        role.role === "heading" ? "REGISTRY_ROW_HEADING" : "REGISTRY_ROW_FOOTER",
        "warning",
        { sheet: sheet.name, cell: toA1(codeColumn, row) },
        { found: role.text, row },
      ),
    );
  }
  const kept = keepUnitRows(sheet, roles);
  return {
    snapshot: { ...snapshot, sheets: snapshot.sheets.map((entry) => (entry === sheet ? kept : entry)) },
    problems,
  };
}

/**
 * Reads the registry workbook. Every problem is reported, at its cell. A row with a code is a
 * unit, expected to submit, even when its name, type, cluster or e-mail is missing or wrong (type
 * null, the others ""): dropping it would hide the unit from the figures and turn its files into
 * unknown ones. A code typed with spaces or in lower case is normalised ("XA 010" is XA010, with a
 * warning); a code that is still not one refuses its row, named. Headings, footers and blank rows
 * are listed and never counted; a repeated code keeps its first row. The header is found by its
 * labels, so a list with its rows or columns moved is read where it is, or refused with the header
 * that is missing. An e-mail cell may hold several addresses, each checked; the valid ones are kept.
 */
export function readRegistry(snapshot: WorkbookSnapshot): { registry: Registry; problems: Problem[] } {
  const setAside = setAsideNonUnitRows(withRegistrySheet(snapshot));
  const { document, problems } = readDocument(setAside.snapshot, READ_SPEC);
  const units: RegistryUnit[] = [];
  const seen = new Set<string>();
  const table = locatedTable(document, "units");
  const textOr = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);
  const at = (key: string, row: number) => ({
    sheet: table.sheet,
    cell: toA1(findColumn(table, key).column, row),
  });
  for (const row of document.tables.units ?? []) {
    const { code, type, email } = row.values;
    if (typeof code !== "string") continue;
    const key = normaliseUnitCode(code);
    if (!isValidUnitCode(key)) {
      problems.push(
        createProblem("REGISTRY_CODE_INVALID", "error", at("code", row.row), { found: code, row: row.row }),
      );
      continue;
    }
    if (key !== code.trim())
      problems.push(
        createProblem("UNIT_CODE_NORMALISED", "warning", at("code", row.row), { found: code, code: key }),
      );
    if (seen.has(key)) {
      problems.push(createProblem("REGISTRY_DUPLICATE_CODE", "error", at("code", row.row), { found: code }));
      continue;
    }
    seen.add(key);
    const emails = parseEmailList(textOr(email, ""));
    for (const found of emails.invalid)
      problems.push(
        createProblem("EMAIL_INVALID", "error", at("email", row.row), {
          field: findColumn(table, "email").label,
          row: row.row,
          found,
        }),
      );
    units.push({
      code: key,
      name: textOr(row.values.name, key),
      type: typeof type === "string" ? (type as UnitTypeCode) : null,
      cluster: textOr(row.values.cluster, ""),
      email: joinEmailList(emails.addresses),
    });
  }
  const sorted = [...setAside.problems, ...problems].sort(compareByCell);
  return { registry: createRegistry(units), problems: sorted };
}

/** Registry problems in the order of the list's cells (a header problem first), as the officer reads it. */
function compareByCell(a: Problem, b: Problem): number {
  const at = (problem: Problem) => (problem.cell ? parseA1(problem.cell) : null);
  const [first, second] = [at(a), at(b)];
  return (first?.row ?? 0) - (second?.row ?? 0) || (first?.columnNumber ?? 0) - (second?.columnNumber ?? 0);
}
