import { VALUE_BOUNDS } from "../catalogue/bounds";
import { listCriteriaForSubject } from "../catalogue/criteria";
import type { UnitTypeCode } from "../catalogue/unit-types";
import { computePlanDeadline, isDatedAfter } from "../deadlines";
import { createProblem, type Problem } from "../problems";
import { KH_SPEC } from "../template-spec/kh";
import { formatVietnameseDate } from "../values/calendar";
import { toA1 } from "../values/a1";
import { findColumn, findFieldSpec, locatedTable } from "./read-document";
import { textField, type Rule } from "./rule-context";

/** A plan without a single task plans nothing. */
export const ruleKhHasTasks: Rule = (context) => {
  if ((context.document.tables.tasks ?? []).length > 0) return [];
  const tasksTable = locatedTable(context.document, "tasks");
  return [
    createProblem("KH_NO_TASKS", "error", {
      sheet: tasksTable.sheet,
      cell: toA1(tasksTable.columns[0]?.column ?? "A", tasksTable.firstDataRow),
    }),
  ];
};

/** Task deadlines fall inside the movement (2026–2030): the unit plan implements it to 2030. */
export const ruleKhTaskDeadlinesInMovement: Rule = (context) => {
  const { from, to } = VALUE_BOUNDS.taskDeadline;
  const tasksTable = locatedTable(context.document, "tasks");
  const column = findColumn(tasksTable, "deadline");
  return (context.document.tables.tasks ?? []).flatMap((row) => {
    const deadline = row.values.deadline;
    if (typeof deadline !== "string" || (deadline >= from && deadline <= to)) return [];
    return [
      createProblem(
        "KH_TASK_DEADLINE_OUT_OF_RANGE",
        "error",
        { sheet: tasksTable.sheet, cell: toA1(column.column, row.row) },
        {
          found: formatVietnameseDate(deadline),
          from: formatVietnameseDate(from),
          to: formatVietnameseDate(to),
          row: row.row,
        },
      ),
    ];
  });
};

/** Units map their criteria only to the provincial criteria of their own type. */
export const ruleKhCriteriaOfOwnType: Rule = (context) => {
  const unitType = textField(context, "unitType") as UnitTypeCode | null;
  if (unitType === null) return [];
  const allowed = new Set(listCriteriaForSubject(unitType).map((criterion) => criterion.code as string));
  const criteriaTable = locatedTable(context.document, "criteria");
  const column = findColumn(criteriaTable, "provincialCriterion");
  return (context.document.tables.criteria ?? []).flatMap((row) => {
    const criterion = row.values.provincialCriterion;
    if (typeof criterion !== "string" || allowed.has(criterion)) return [];
    return [
      createProblem(
        "KH_CRITERION_OTHER_TYPE",
        "error",
        { sheet: criteriaTable.sheet, cell: toA1(column.column, row.row) },
        {
          found: criterion,
          unitType,
          expected: [...allowed].join(", "),
          row: row.row,
        },
      ),
    ];
  });
};

/** Every provincial criterion of the unit's type should be taken up by at least one of its own. */
export const ruleKhCriteriaCovered: Rule = (context) => {
  const unitType = textField(context, "unitType") as UnitTypeCode | null;
  if (unitType === null) return [];
  const covered = new Set(
    (context.document.tables.criteria ?? []).map((row) => row.values.provincialCriterion),
  );
  const criteriaTable = locatedTable(context.document, "criteria");
  const column = findColumn(criteriaTable, "provincialCriterion");
  return listCriteriaForSubject(unitType)
    .filter((criterion) => !covered.has(criterion.code))
    .map((criterion): Problem =>
      createProblem(
        "KH_CRITERION_UNCOVERED",
        "warning",
        { sheet: criteriaTable.sheet, cell: toA1(column.column, criteriaTable.headerRow) },
        {
          criterion: criterion.code,
          criterionLabel: { vi: criterion.short, en: criterion.en },
        },
      ),
    );
};

/** A plan dated after its deadline is late even if the file came in time. */
export const ruleKhIssuedInTime: Rule = (context) => {
  const issueDate = textField(context, "issueDate");
  if (issueDate === null) return [];
  const deadline = computePlanDeadline(context.config);
  if (!isDatedAfter(issueDate, deadline)) return [];
  const field = findFieldSpec(KH_SPEC, "issueDate");
  const code = deadline.basis === "provincialPlan" ? "KH_ISSUED_AFTER_DEADLINE" : "KH_ISSUED_AFTER_PHASE1";
  return [
    createProblem(
      code,
      "warning",
      { sheet: field.sheet, cell: field.cell },
      {
        found: formatVietnameseDate(issueDate),
        lastDay: formatVietnameseDate(deadline.lastDay),
        provincialPlanDate: context.config.provincialPlanDate
          ? formatVietnameseDate(context.config.provincialPlanDate)
          : null,
      },
    ),
  ];
};

export const KH_RULES: readonly Rule[] = [
  ruleKhHasTasks,
  ruleKhTaskDeadlinesInMovement,
  ruleKhCriteriaOfOwnType,
  ruleKhCriteriaCovered,
  ruleKhIssuedInTime,
];
