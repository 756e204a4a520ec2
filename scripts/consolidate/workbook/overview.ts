import type { Totals } from "../../../core/index";
import {
  BRAND_COLOURS,
  KIND_LABELS,
  LOG_LABELS,
  OUTCOME_LABELS,
  SCOPE_LABELS,
  WORKBOOK_PHRASES,
} from "../labels";
import {
  type ColumnSpec,
  deadlineWords,
  groupLabel,
  headerText,
  periodLabel,
  tableSheet,
  titleLines,
  type WorkbookContext,
} from "./context";
import type { Line, TableSheet } from "./engine";
import { STYLE } from "./styles";

/** Tổng quan: the province's figures, then by kind, unit type and cluster, then files by outcome. */
interface OverviewRow {
  readonly scope: string;
  readonly group: string;
  readonly totals: Totals;
  readonly strong: boolean;
}

const figure = (
  header: ColumnSpec<OverviewRow>["header"],
  pick: (totals: Totals) => number,
  decimal = false,
): ColumnSpec<OverviewRow> => ({
  header,
  width: [decimal ? 11 : 10, 14],
  style: (row) =>
    decimal
      ? row.strong
        ? STYLE.strongDecimal
        : STYLE.decimal
      : row.strong
        ? STYLE.strongInteger
        : STYLE.integer,
  value: (row) => pick(row.totals),
});

const COLUMNS: readonly ColumnSpec<OverviewRow>[] = [
  {
    header: "scope",
    width: [16, 20],
    style: (row) => (row.strong ? STYLE.strongText : STYLE.text),
    value: (row) => row.scope,
  },
  {
    header: "group",
    width: [30, 48],
    style: (row) => (row.strong ? STYLE.strongText : STYLE.text),
    value: (row) => row.group,
  },
  figure("expected", (totals) => totals.expected),
  figure("received", (totals) => totals.received),
  figure("onTime", (totals) => totals.onTime),
  figure("late", (totals) => totals.late),
  figure("invalid", (totals) => totals.invalid),
  figure("missing", (totals) => totals.missing),
  figure("notDue", (totals) => totals.notDue),
  figure("reportingRate", (totals) => totals.reportingRate, true),
  figure("onTimeRate", (totals) => totals.onTimeRate, true),
];

export function overviewSheet(context: WorkbookContext): TableSheet<OverviewRow> {
  const { result, language } = context;
  const scopes = SCOPE_LABELS[language];
  const rows: OverviewRow[] = [
    { scope: scopes.province, group: scopes.province, totals: result.totals, strong: true },
    ...result.totalsByKind.map(({ kind, totals }) => ({
      scope: scopes.kind,
      group: KIND_LABELS[language][kind],
      totals,
      strong: false,
    })),
    // A kind with more than one period this year (two rounds in 2027, the plan and the report): each on its own.
    ...result.totalsByPeriod.map(({ period, kind, totals }) => ({
      scope: scopes.period,
      group: `${KIND_LABELS[language][kind]}: ${periodLabel(period, language)}`,
      totals,
      strong: false,
    })),
    ...result.byUnitType.map((group) => ({
      scope: scopes.unitType,
      group: groupLabel(group.key, true, language),
      totals: group.totals,
      strong: false,
    })),
    ...result.byCluster.map((group) => ({
      scope: scopes.cluster,
      group: groupLabel(group.key, false, language),
      totals: group.totals,
      strong: false,
    })),
  ];
  const after: Line[] = [
    {
      cells: (["scope", "outcome", "fileCount"] as const).map((key) => headerText(key, language)),
      styles: [STYLE.header, STYLE.header, STYLE.header],
    },
    ...result.outcomeCounts.map(({ outcome, count }) => ({
      cells: [scopes.files, OUTCOME_LABELS[language][outcome], count],
      styles: [STYLE.text, STYLE.text, STYLE.integer],
    })),
    {
      cells: [scopes.files, WORKBOOK_PHRASES[language].totalFiles, result.files.length],
      styles: [STYLE.strongText, STYLE.strongText, STYLE.strongInteger],
    },
  ];
  const log = LOG_LABELS[language];
  return tableSheet("overview", context, COLUMNS, rows, {
    tabColour: BRAND_COLOURS.navy,
    preamble: titleLines(
      "overview",
      context,
      [
        ...(result.deadlines.length > 0 ? [`${log.deadlines}: ${deadlineWords(result, language)}`] : []),
        ...(result.receivedTimes === "modification_time" ? [log.receivedTimesNote] : []),
      ].join(" · "),
    ),
    after,
  });
}
