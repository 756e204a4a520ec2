import type { UnitTypeCode } from "./catalogue/unit-types";
import { createProblem, type Problem } from "./problems";
import { findSheet, type WorkbookSnapshot } from "./snapshot";
import { REGISTRY_SPEC } from "./spec/registry";
import { findColumn, groupCellsByRow, locatedTable, readDocument } from "./validate/read-document";
import { toA1 } from "./values/a1";
import { locateTable } from "./validate/locate-table";

/** A unit expected to submit, as Sở Nội vụ lists it. Name, cluster and e-mail are "" when the row lacks them. */
export interface RegistryUnit {
  readonly code: string;
  readonly name: string;
  /** Null when the row's type is blank or not in the catalogue (its problem is listed). */
  readonly type: UnitTypeCode | null;
  readonly cluster: string;
  readonly email: string;
}

export interface Registry {
  readonly units: readonly RegistryUnit[];
  readonly byCode: ReadonlyMap<string, RegistryUnit>;
}

/** Unit codes compare without case or surrounding spaces: "snv " is SNV. */
export function normaliseUnitCode(code: string): string {
  return code.trim().toUpperCase();
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

/**
 * Reads the registry workbook. Every problem is reported, at its cell. A row with a code is a
 * unit, expected to submit, even when its name, type, cluster or e-mail is missing or wrong (type
 * null, the others ""): dropping it would hide the unit from the figures and turn its files into
 * unknown ones. A row without a usable code cannot be expected and is left out; a repeated code
 * keeps its first row. The header is found by its labels, so a list with its rows or columns moved
 * is read where it is, or refused with the header that is missing.
 */
export function readRegistry(snapshot: WorkbookSnapshot): { registry: Registry; problems: Problem[] } {
  const { document, problems } = readDocument(withRegistrySheet(snapshot), REGISTRY_SPEC);
  const units: RegistryUnit[] = [];
  const seen = new Set<string>();
  const table = locatedTable(document, "units");
  const textOr = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);
  for (const row of document.tables.units ?? []) {
    const { code, type } = row.values;
    if (typeof code !== "string") continue;
    const key = normaliseUnitCode(code);
    if (seen.has(key)) {
      problems.push(
        createProblem(
          "REGISTRY_DUPLICATE_CODE",
          "error",
          { sheet: table.sheet, cell: toA1(findColumn(table, "code").column, row.row) },
          { found: code },
        ),
      );
      continue;
    }
    seen.add(key);
    units.push({
      code: key,
      name: textOr(row.values.name, key),
      type: typeof type === "string" ? (type as UnitTypeCode) : null,
      cluster: textOr(row.values.cluster, ""),
      email: textOr(row.values.email, ""),
    });
  }
  return { registry: createRegistry(units), problems };
}
