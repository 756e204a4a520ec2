import { computeReportDeadline, isDatedAfter } from "../deadlines";
import { createProblem } from "../problems";
import { BC_SPEC } from "../template-spec/bc";
import { formatVietnameseDate } from "../values/calendar";
import { findFieldSpec } from "./read-document";
import { numberField, textField, type Rule } from "./rule-context";

/**
 * A report is sent in its year or after it: one written for a year that had not begun when it was
 * received has its year mistyped. It is counted for the year it was received in (periodOfDocument),
 * as invalid, so that the unit corrects the year rather than being shown as not having sent.
 */
export const ruleBcYearMatches: Rule = (context) => {
  const year = numberField(context, "reportYear");
  const period = context.period.period;
  if (year === null || context.period.source === "document" || period.kind !== "BC" || year <= period.year)
    return [];
  const field = findFieldSpec(BC_SPEC, "reportYear");
  return [
    createProblem(
      "BC_YEAR_MISMATCH",
      "error",
      { sheet: field.sheet, cell: field.cell },
      { found: year, expected: period.year },
    ),
  ];
};

/** A report dated on or after 15/11 of its year is late. */
export const ruleBcDatedBeforeDeadline: Rule = (context) => {
  const date = textField(context, "reportDate");
  const period = context.period.period;
  const year = period.kind === "BC" ? period.year : context.config.reportYear;
  if (date === null) return [];
  const deadline = computeReportDeadline(year);
  if (!isDatedAfter(date, deadline)) return [];
  const field = findFieldSpec(BC_SPEC, "reportDate");
  return [
    createProblem(
      "BC_DATED_AFTER_DEADLINE",
      "warning",
      { sheet: field.sheet, cell: field.cell },
      {
        found: formatVietnameseDate(date),
        lastDay: formatVietnameseDate(deadline.lastDay),
      },
    ),
  ];
};

/** A report with no figure and no activity reports nothing. */
export const ruleBcReportsSomething: Rule = (context) => {
  const anyIndicator = BC_SPEC.fields.some(
    (field) => field.key.startsWith("indicator:") && context.document.fields[field.key] !== null,
  );
  const anyActivity = (context.document.tables.activities ?? []).length > 0;
  if (anyIndicator || anyActivity) return [];
  const first = BC_SPEC.fields.find((field) => field.key.startsWith("indicator:"));
  return [
    createProblem("BC_NO_INDICATORS", "warning", { sheet: first?.sheet ?? null, cell: first?.cell ?? null }),
  ];
};

export const BC_RULES: readonly Rule[] = [
  ruleBcYearMatches,
  ruleBcDatedBeforeDeadline,
  ruleBcReportsSomething,
];
