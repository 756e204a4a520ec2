import type { UnitTypeCode } from "./catalogue/unit-types";
import { createProblem, type Problem } from "./problems";
import type { WorkbookSnapshot } from "./snapshot";
import { REGISTRY_SPEC } from "./spec/registry";
import { readDocument } from "./validate/read-document";

/** A unit expected to submit, as Sở Nội vụ lists it. */
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

/** Reads the registry workbook; rows with problems are reported and left out, duplicates keep the first. */
export function readRegistry(snapshot: WorkbookSnapshot): { registry: Registry; problems: Problem[] } {
  const { document, problems } = readDocument(snapshot, REGISTRY_SPEC);
  const units: RegistryUnit[] = [];
  const seen = new Set<string>();
  const table = REGISTRY_SPEC.tables[0];
  for (const row of document.tables.units ?? []) {
    const { code, name, type, cluster, email } = row.values;
    if (typeof code !== "string" || typeof name !== "string" || typeof type !== "string" || typeof cluster !== "string" || typeof email !== "string") continue;
    const key = normaliseUnitCode(code);
    if (seen.has(key)) {
      problems.push(createProblem("REGISTRY_DUPLICATE_CODE", "error", { sheet: table?.sheet ?? null, cell: `A${row.row}` }, { found: code }));
      continue;
    }
    seen.add(key);
    units.push({ code: key, name, type: type as UnitTypeCode, cluster, email });
  }
  return { registry: createRegistry(units), problems };
}
