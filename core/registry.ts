import type { UnitTypeCode } from "./catalogue/unit-types";
import { createProblem, type Problem } from "./problems";
import type { WorkbookSnapshot } from "./snapshot";
import { REGISTRY_SPEC } from "./spec/registry";
import { readDocument } from "./validate/read-document";

/** A unit expected to submit, as Sở Nội vụ lists it. Name, cluster and e-mail are "" when the row lacks them. */
export interface RegistryUnit {
  readonly code: string;
  readonly name: string;
  readonly type: UnitTypeCode;
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
 * Reads the registry workbook. Every problem is reported, at its cell. A row with a code and a
 * unit type is a unit, expected to submit, even when its name, cluster or e-mail is missing or
 * wrong (left ""): dropping it would hide the unit from the figures and turn its files into
 * unknown ones. A row without a usable code or type cannot be expected and is left out; a repeated
 * code keeps its first row.
 */
export function readRegistry(snapshot: WorkbookSnapshot): { registry: Registry; problems: Problem[] } {
  const { document, problems } = readDocument(snapshot, REGISTRY_SPEC);
  const units: RegistryUnit[] = [];
  const seen = new Set<string>();
  const table = REGISTRY_SPEC.tables[0];
  const textOr = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);
  for (const row of document.tables.units ?? []) {
    const { code, type } = row.values;
    if (typeof code !== "string" || typeof type !== "string") continue;
    const key = normaliseUnitCode(code);
    if (seen.has(key)) {
      problems.push(
        createProblem(
          "REGISTRY_DUPLICATE_CODE",
          "error",
          { sheet: table?.sheet ?? null, cell: `A${row.row}` },
          { found: code },
        ),
      );
      continue;
    }
    seen.add(key);
    units.push({
      code: key,
      name: textOr(row.values.name, key),
      type: type as UnitTypeCode,
      cluster: textOr(row.values.cluster, ""),
      email: textOr(row.values.email, ""),
    });
  }
  return { registry: createRegistry(units), problems };
}
