import { AWARDS, ROUNDS, DEPARTMENTS } from "../catalogue/awards";
import { CONTENTS } from "../catalogue/contents";
import { CRITERIA } from "../catalogue/criteria";
import { INDIVIDUAL_GROUPS, NOMINEE_KINDS, UNIT_TYPES } from "../catalogue/unit-types";
import type { CatalogueEntry } from "../catalogue/types";
import type { EnumCatalogueName } from "./types";

export { DEPARTMENTS };

/** The catalogue behind each dropdown. Individual criteria (CN*) are chosen through the group, not mapped by units. */
export const ENUM_CATALOGUES: Readonly<Record<EnumCatalogueName, readonly CatalogueEntry[]>> = {
  unitType: UNIT_TYPES,
  content: CONTENTS,
  criterion: CRITERIA.filter((criterion) => criterion.subject !== "CN"),
  award: AWARDS,
  round: ROUNDS,
  nomineeKind: NOMINEE_KINDS,
  individualGroup: INDIVIDUAL_GROUPS,
};

/** Defined name of the list that feeds each dropdown (lists longer than 255 characters must be ranges). */
export function listNameFor(catalogue: EnumCatalogueName): string {
  return `DS_${catalogue.toUpperCase()}`;
}

/** The text a dropdown offers: the code first, so that the code survives any relabelling. */
export function formatEnumOption(entry: CatalogueEntry): string {
  return `${entry.code} - ${entry.short}`;
}

function normalise(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
}

/** Resolves what an officer typed or picked to a catalogue code: the code, "CODE - label", or a label. */
export function resolveEnumValue(catalogue: EnumCatalogueName, raw: string): string | null {
  const entries = ENUM_CATALOGUES[catalogue];
  const text = normalise(raw);
  const head = normalise(text.split(/\s+[-–—:]\s+|\s*[-–—:]\s+/)[0] ?? "");
  for (const entry of entries) {
    const code = normalise(entry.code);
    if (text === code || head === code) return entry.code;
  }
  for (const entry of entries) {
    if ([entry.short, entry.vi, entry.en].some((label) => normalise(label) === text)) return entry.code;
  }
  return null;
}
