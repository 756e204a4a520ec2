import {
  AWARDS,
  type ConsolidationResult,
  DEPARTMENTS,
  INDIVIDUAL_GROUPS,
  NOMINEE_KINDS,
} from "../../../core/index";
import { LOG_LABELS } from "../labels";
import {
  type ColumnSpec,
  entryLabel,
  headerText,
  periodLabel,
  periodsOfKind,
  tableSheet,
  titleLines,
  type WorkbookContext,
} from "./context";
import type { Line, TableSheet } from "./engine";
import { periodColumn, rowUnit, unitColumns } from "./shared-columns";
import { STYLE } from "./styles";

/** Khen thưởng: every nomination received, with the columns of the DN-KT template. */
type NominationRow = ConsolidationResult["nominations"][number];

const nomination = (column: string): ColumnSpec<NominationRow>["header"] => ({
  kind: "DN-KT",
  table: "nominations",
  column,
});

const COLUMNS: readonly ColumnSpec<NominationRow>[] = [
  ...unitColumns<NominationRow>((row) => rowUnit(row)),
  periodColumn(),
  { header: "file", width: [16, 40], style: STYLE.text, value: (row) => row.file },
  { header: "row", width: [6, 8], style: STYLE.integer, value: (row) => row.row },
  {
    header: nomination("nomineeKind"),
    width: [10, 12],
    style: STYLE.text,
    value: (row, context) => entryLabel(NOMINEE_KINDS, row.nomineeKind, context.language),
  },
  { header: nomination("nomineeName"), width: [24, 44], style: STYLE.text, value: (row) => row.nomineeName },
  { header: nomination("position"), width: [18, 36], style: STYLE.text, value: (row) => row.position },
  {
    header: nomination("individualGroup"),
    width: [16, 30],
    style: STYLE.text,
    value: (row, context) => entryLabel(INDIVIDUAL_GROUPS, row.individualGroup, context.language),
  },
  {
    header: nomination("award"),
    width: [24, 36],
    style: STYLE.text,
    value: (row, context) => entryLabel(AWARDS, row.award, context.language),
  },
  { header: nomination("content"), width: [10, 10], style: STYLE.code, value: (row) => row.content },
  { header: nomination("achievement"), width: [30, 60], style: STYLE.text, value: (row) => row.achievement },
  { header: nomination("evidence"), width: [20, 40], style: STYLE.text, value: (row) => row.evidence },
  {
    header: "department",
    width: [12, 16],
    style: STYLE.strongText,
    value: (row, context) => entryLabel(DEPARTMENTS, row.department, context.language),
  },
];

export function nominationsSheet(context: WorkbookContext): TableSheet<NominationRow> {
  const { language } = context;
  return tableSheet("nominations", context, COLUMNS, context.result.nominations, {
    preamble: titleLines(
      "nominations",
      context,
      `${LOG_LABELS[language].round}: ${periodsOfKind(context.result, "DN-KT", language)}`,
    ),
    after: roundTotalsBlock(context),
  });
}

/** Each round of the year on its own: files, nominations, and nominations per award and per department. */
function roundTotalsBlock(context: WorkbookContext): Line[] {
  const { language, result } = context;
  if (result.roundTotals.length === 0) return [];
  const header: Line = {
    cells: [
      headerText("period", language),
      headerText("fileCount", language),
      headerText("nominationCount", language),
      ...AWARDS.map((award) => award.code),
      ...DEPARTMENTS.map((department) => entryLabel(DEPARTMENTS, department.code, language)),
    ],
    styles: Array.from({ length: 3 + AWARDS.length + DEPARTMENTS.length }, () => STYLE.header),
  };
  const rows: Line[] = result.roundTotals.map((round) => ({
    cells: [
      periodLabel(round.period, language),
      round.files,
      round.nominations,
      ...round.byAward.map((entry) => entry.count),
      ...round.byDepartment.map((entry) => entry.count),
    ],
    styles: [
      STYLE.strongText,
      ...Array.from({ length: 2 + round.byAward.length + round.byDepartment.length }, () => STYLE.integer),
    ],
  }));
  return [{ cells: [], styles: [] }, header, ...rows];
}
