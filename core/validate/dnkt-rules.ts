import { AWARDS, ROUNDS, isAwardAllowedInRound, type RoundCode } from "../catalogue/awards";
import { createProblem } from "../problems";
import { DNKT_SPEC } from "../template-spec/dnkt";
import { toA1 } from "../values/a1";
import {
  findColumn,
  findFieldSpec,
  locatedTable,
  type ParsedDocument,
  type ParsedRow,
} from "./read-document";
import { textField, type Rule, type RuleContext } from "./rule-context";

function nominationRows(context: RuleContext): readonly ParsedRow[] {
  return context.document.tables.nominations ?? [];
}

function at(document: ParsedDocument, columnKey: string, row: ParsedRow): { sheet: string; cell: string } {
  const table = locatedTable(document, "nominations");
  return { sheet: table.sheet, cell: toA1(findColumn(table, columnKey).column, row.row) };
}

export const ruleDnktHasNominations: Rule = (context) => {
  if (nominationRows(context).length > 0) return [];
  const table = locatedTable(context.document, "nominations");
  return [
    createProblem("DNKT_NO_NOMINATIONS", "error", {
      sheet: table.sheet,
      cell: toA1(table.columns[0]?.column ?? "A", table.firstDataRow),
    }),
  ];
};

/**
 * A review round has its own year (sơ kết 2027, tổng kết 2030): a submission dated in another
 * year is probably for another round. The file still counts for the round written in it.
 */
export const ruleDnktRoundIsCollected: Rule = (context) => {
  const round = textField(context, "round");
  const roundYear = ROUNDS.find((entry) => entry.code === round)?.year ?? null;
  const date = textField(context, "docDate");
  if (round === null || roundYear === null || date === null) return [];
  const dated = Number(date.slice(0, 4));
  if (dated === roundYear) return [];
  const field = findFieldSpec(DNKT_SPEC, "round");
  return [
    createProblem(
      "DNKT_ROUND_MISMATCH",
      "warning",
      { sheet: field.sheet, cell: field.cell },
      { found: round, expected: dated },
    ),
  ];
};

/** Each award only in the rounds the plan lists it for (III.2.1). */
export const ruleDnktAwardInRound: Rule = (context) => {
  const round = textField(context, "round") as RoundCode | null;
  if (round === null) return [];
  return nominationRows(context).flatMap((row) => {
    const award = AWARDS.find((candidate) => candidate.code === row.values.award);
    if (!award || isAwardAllowedInRound(award, round)) return [];
    const allowed = AWARDS.filter((candidate) => isAwardAllowedInRound(candidate, round))
      .map((candidate) => candidate.code)
      .join(", ");
    return [
      createProblem("DNKT_AWARD_NOT_IN_ROUND", "error", at(context.document, "award", row), {
        found: award.code,
        round,
        expected: allowed,
        row: row.row,
      }),
    ];
  });
};

/** Flags (Cờ thi đua) are for collectives only. */
export const ruleDnktNoFlagForIndividual: Rule = (context) =>
  nominationRows(context).flatMap((row) => {
    const award = AWARDS.find((candidate) => candidate.code === row.values.award);
    if (!award || row.values.nomineeKind !== "CANHAN" || award.forIndividual) return [];
    return [
      createProblem("DNKT_FLAG_FOR_INDIVIDUAL", "error", at(context.document, "award", row), {
        found: award.code,
        awardLabel: { vi: award.vi, en: award.en },
        row: row.row,
      }),
    ];
  });

/** An individual belongs to one of the three groups of III.1.d. */
export const ruleDnktIndividualHasGroup: Rule = (context) =>
  nominationRows(context).flatMap((row) =>
    row.values.nomineeKind === "CANHAN" && row.values.individualGroup === null
      ? [
          createProblem("DNKT_GROUP_REQUIRED", "error", at(context.document, "individualGroup", row), {
            row: row.row,
          }),
        ]
      : [],
  );

/** "Other" individuals need a written recognition by a competent authority (III.1.d, CN3). */
export const ruleDnktOtherNeedsEvidence: Rule = (context) =>
  nominationRows(context).flatMap((row) =>
    row.values.nomineeKind === "CANHAN" &&
    row.values.individualGroup === "KHAC" &&
    row.values.evidence === null
      ? [
          createProblem("DNKT_KHAC_NEEDS_EVIDENCE", "error", at(context.document, "evidence", row), {
            row: row.row,
          }),
        ]
      : [],
  );

export const DNKT_RULES: readonly Rule[] = [
  ruleDnktHasNominations,
  ruleDnktRoundIsCollected,
  ruleDnktAwardInRound,
  ruleDnktNoFlagForIndividual,
  ruleDnktIndividualHasGroup,
  ruleDnktOtherNeedsEvidence,
];
