import { AWARDS, ROUNDS } from "../catalogue/awards";
import { CONTENTS } from "../catalogue/contents";
import { CRITERIA } from "../catalogue/criteria";
import { INDICATORS } from "../catalogue/indicators";
import { INDIVIDUAL_GROUPS, NOMINEE_KINDS, UNIT_TYPES } from "../catalogue/unit-types";
import type { Language } from "./types";

/**
 * The catalogue entries a message may mention, by the code a problem carries, with the words an
 * officer reads: the award's full name (as on the certificate), the round's, content's,
 * criterion's and unit type's short label (their full ones are paragraphs of the plan), the
 * indicator's label. Messages give the name, with the code in brackets where the template shows
 * it (its dropdowns read "CODE - label", the report's indicator rows carry their code).
 */
export type NamedCatalogue =
  "award" | "round" | "content" | "criterion" | "unitType" | "individualGroup" | "nomineeKind" | "indicator";

interface Names {
  readonly vi: string;
  readonly en: string;
}

function index(
  entries: readonly { code: string; vi: string; en: string; short?: string }[],
  useShort: boolean,
): ReadonlyMap<string, Names> {
  return new Map(
    entries.map((entry) => [
      entry.code,
      { vi: useShort && entry.short ? entry.short : entry.vi, en: entry.en },
    ]),
  );
}

const NAMES: Readonly<Record<NamedCatalogue, ReadonlyMap<string, Names>>> = {
  award: index(AWARDS, false),
  round: index(ROUNDS, true),
  content: index(CONTENTS, true),
  criterion: index(CRITERIA, true),
  unitType: index(UNIT_TYPES, true),
  individualGroup: index(INDIVIDUAL_GROUPS, true),
  nomineeKind: index(NOMINEE_KINDS, true),
  indicator: index(INDICATORS, false),
};

/** Every code a message must never show bare (for the test that holds the catalogues to it). */
export const NAMED_CODES: readonly string[] = Object.values(NAMES).flatMap((names) => [...names.keys()]);

/** The entry's name alone: "Giấy khen". A code the catalogue lacks is shown as it came. */
export function nameOf(catalogue: NamedCatalogue, code: string, language: Language): string {
  return NAMES[catalogue].get(code)?.[language] ?? `"${code}"`;
}

/** The name with its code in brackets: "Cờ thi đua của UBND tỉnh (CTDT)". */
export function nameWithCode(catalogue: NamedCatalogue, code: string, language: Language): string {
  const names = NAMES[catalogue].get(code);
  return names === undefined ? `"${code}"` : `${names[language]} (${code})`;
}

/** A comma-separated list of codes ("BKTTG, BKCT, GK"), named: with codes where the template shows them. */
export function namesOf(
  catalogue: NamedCatalogue,
  codes: string,
  language: Language,
  withCode = false,
): string {
  const name = withCode ? nameWithCode : nameOf;
  const names = codes
    .split(",")
    .map((code) => code.trim())
    .filter((code) => code !== "")
    .map((code) => name(catalogue, code, language));
  // Labels with commas of their own ("Cơ quan, đơn vị, địa phương") are kept apart by semicolons.
  return names.join(names.some((text) => text.includes(",")) ? "; " : ", ");
}
