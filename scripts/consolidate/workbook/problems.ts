import {
  type ConsolidatedFile,
  formatProblem,
  normaliseUnitCode,
  paramsOf,
  type Problem,
} from "../../../core/index";
import { LOG_LABELS, OUTCOME_LABELS, SEVERITY_LABELS, STATUS_COLOURS } from "../labels";
import { type ColumnSpec, tableSheet, type WorkbookContext } from "./context";
import type { TableSheet } from "./engine";
import { SEVERITY_STYLES, STYLE } from "./styles";

/** Lỗi: every problem found, the registry's and the source's first, then each file's. */
interface ProblemRow {
  readonly unitCode: string | null;
  readonly unitName: string | null;
  readonly file: string;
  readonly outcome: string;
  readonly problem: Problem;
}

const COLUMNS: readonly ColumnSpec<ProblemRow>[] = [
  { header: "unitCode", width: [10, 16], style: STYLE.code, value: (row) => row.unitCode },
  { header: "unitName", width: [24, 44], style: STYLE.text, value: (row) => row.unitName },
  { header: "file", width: [16, 44], style: STYLE.text, value: (row) => row.file },
  { header: "outcome", width: [14, 30], style: STYLE.text, value: (row) => row.outcome },
  { header: "sheet", width: [12, 20], style: STYLE.text, value: (row) => row.problem.sheet },
  { header: "cell", width: [6, 8], style: STYLE.code, value: (row) => row.problem.cell },
  { header: "code", width: [20, 32], style: STYLE.code, value: (row) => row.problem.code },
  {
    header: "severity",
    width: [10, 11],
    style: (row) => SEVERITY_STYLES[row.problem.severity],
    value: (row, context) => SEVERITY_LABELS[context.language][row.problem.severity],
  },
  {
    header: "message",
    width: [50, 80],
    style: STYLE.text,
    value: (row, context) => formatProblem(row.problem, context.language),
  },
];

function problemRows(context: WorkbookContext): ProblemRow[] {
  const { result, language } = context;
  const log = LOG_LABELS[language];
  const nameOf = (file: ConsolidatedFile): string | null =>
    file.unitCode !== null
      ? (context.unitsByCode.get(normaliseUnitCode(file.unitCode))?.name ?? file.unitName)
      : file.unitName;
  const registry = result.registry;
  // The registry's own problems come first: a row left out there changes every figure below.
  return [
    ...(registry?.problems ?? []).map((problem) => ({
      unitCode: null,
      unitName: null,
      file: registry?.file ?? "",
      outcome: log.registry,
      problem,
    })),
    ...result.sourceProblems.map((problem) => ({
      unitCode: null,
      unitName: null,
      file: paramsOf(problem, "FOLDER_UNREADABLE")?.folder ?? result.source,
      outcome: log.source,
      problem,
    })),
    ...result.files.flatMap((file) =>
      file.problems.map((problem) => ({
        unitCode: file.unitCode,
        unitName: nameOf(file),
        file: file.file,
        outcome: OUTCOME_LABELS[language][file.outcome],
        problem,
      })),
    ),
  ];
}

export function problemsSheet(context: WorkbookContext): TableSheet<ProblemRow> {
  return tableSheet("problems", context, COLUMNS, problemRows(context), {
    tabColour: STATUS_COLOURS.invalid.strong,
  });
}
