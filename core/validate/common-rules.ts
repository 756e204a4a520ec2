import { computePeriodDeadline, isReceivedLate } from "../deadlines";
import { createProblem } from "../problems";
import { normaliseUnitCode } from "../registry";
import { formatVietnamDateTime, formatVietnameseDate } from "../values/calendar";
import { findFieldSpec } from "./read-document";
import { textField, type Rule } from "./rule-context";
import { isTemplateKind } from "../template-spec/index";
import { ruleUnitNameMatchesCode } from "./unit-identity";

/** The unit must be one that the registry knows, of the type the registry gives it. */
export const ruleUnitIsRegistered: Rule = (context) => {
  const code = textField(context, "unitCode");
  if (!context.registry || code === null) return [];
  const unit = context.registry.byCode.get(normaliseUnitCode(code));
  const codeField = findFieldSpec(context.document.spec, "unitCode");
  if (!unit)
    return [
      createProblem(
        "UNIT_UNKNOWN",
        "error",
        { sheet: codeField.sheet, cell: codeField.cell },
        { found: code },
      ),
    ];
  // "XA 010" or "xa010" for XA010 is credited to it, said at the code's cell: the unit should fix it.
  const normalised =
    code.trim() === unit.code
      ? []
      : [
          createProblem(
            "UNIT_CODE_NORMALISED",
            "warning",
            { sheet: codeField.sheet, cell: codeField.cell },
            { found: code, code: unit.code },
          ),
        ];
  const type = textField(context, "unitType");
  // A registry row without a type of the catalogue has its own problem in the registry.
  if (type === null || unit.type === null || type === unit.type) return normalised;
  const typeField = findFieldSpec(context.document.spec, "unitType");
  return [
    ...normalised,
    createProblem(
      "UNIT_TYPE_MISMATCH",
      "error",
      { sheet: typeField.sheet, cell: typeField.cell },
      { found: type, expected: unit.type, unit: unit.code },
    ),
  ];
};

/** A file received at or after the deadline's first late instant (Vietnam time) is late. */
export const ruleReceivedBeforeDeadline: Rule = (context) => {
  const kind = context.document.spec.kind;
  if (context.receivedAt === null || !isTemplateKind(kind)) return [];
  // The deadline of the file's own period: a 2026 report sent in 2027 is late by 14/11/2026.
  const deadline = computePeriodDeadline(context.period.period, context.config);
  if (!deadline || !isReceivedLate(context.receivedAt, deadline)) return [];
  return [
    createProblem(
      "SUBMISSION_LATE",
      "warning",
      {},
      {
        receivedAt: formatVietnamDateTime(context.receivedAt),
        lastDay: formatVietnameseDate(deadline.lastDay),
      },
    ),
  ];
};

export const COMMON_RULES: readonly Rule[] = [
  ruleUnitIsRegistered,
  ruleUnitNameMatchesCode,
  ruleReceivedBeforeDeadline,
];
