import { type ConsolidatedFile, formatVietnamDateTime, formatVietnameseDate } from "../../../core/index";
import { ATTRIBUTION_LABELS, KIND_LABELS, LOG_LABELS, OUTCOME_LABELS, SHEET_TITLES } from "../labels";
import {
  type ColumnSpec,
  deadlineWords,
  kindLabel,
  periodLabel,
  periodsOfKind,
  tableSheet,
  toVietnamCellDate,
  type WorkbookContext,
} from "./context";
import type { CellInput, Line, TableSheet } from "./engine";
import { STATUS_STYLES, STYLE } from "./styles";

/** Nhật ký: the run's facts (source, registry, config, versions), then every file received. */
const COLUMNS: readonly ColumnSpec<ConsolidatedFile>[] = [
  { header: "file", width: [20, 50], style: STYLE.text, value: (row) => row.file },
  { header: "sizeBytes", width: [11, 14], style: STYLE.integer, value: (row) => row.sizeBytes },
  { header: "sha256", width: [66, 66], style: STYLE.code, value: (row) => row.sha256 },
  {
    header: "receivedAt",
    width: [17, 17],
    style: STYLE.dateTime,
    value: (row) => toVietnamCellDate(row.receivedAt),
  },
  {
    header: "kind",
    width: [16, 28],
    style: STYLE.text,
    value: (row, context) => kindLabel(row.kind, context.language),
  },
  {
    header: "period",
    width: [12, 26],
    style: STYLE.text,
    value: (row, context) => periodLabel(row.period, context.language),
  },
  { header: "version", width: [10, 12], style: STYLE.code, value: (row) => row.version },
  {
    header: "outcome",
    width: [14, 30],
    style: (row) =>
      row.outcome === "on_time" || row.outcome === "late" || row.outcome === "invalid"
        ? STATUS_STYLES[row.outcome]
        : STYLE.text,
    value: (row, context) => OUTCOME_LABELS[context.language][row.outcome],
  },
  { header: "unitCode", width: [10, 16], style: STYLE.code, value: (row) => row.unitCode },
  {
    header: "attribution",
    width: [12, 20],
    style: STYLE.text,
    value: (row, context) =>
      row.attribution === null ? null : ATTRIBUTION_LABELS[context.language][row.attribution],
  },
  { header: "pointsTo", width: [12, 16], style: STYLE.code, value: (row) => row.pointsTo },
  { header: "supersededBy", width: [16, 40], style: STYLE.text, value: (row) => row.supersededBy },
  { header: "errors", width: [8, 10], style: STYLE.integer, value: (row) => row.errors },
  { header: "warnings", width: [10, 11], style: STYLE.integer, value: (row) => row.warnings },
];

/** From OneDrive: who uploaded the version read, and where it is (a unit that says it sent a file). */
const ONEDRIVE_COLUMNS: readonly ColumnSpec<ConsolidatedFile>[] = [
  {
    header: "uploadedBy",
    width: [16, 40],
    style: STYLE.text,
    value: (row) => row.origin?.uploadedBy ?? null,
  },
  {
    // Receiving staff edited the file after the unit's version (the one judged): who and when.
    header: "editedLater",
    width: [16, 50],
    style: STYLE.text,
    value: (row) =>
      row.origin?.editedLater
        ? `${row.origin.editedLater.by ?? "?"}, ${formatVietnamDateTime(row.origin.editedLater.at)}`
        : null,
  },
  { header: "oneDriveItem", width: [16, 40], style: STYLE.code, value: (row) => row.origin?.itemId ?? null },
  { header: "oneDriveUrl", width: [20, 60], style: STYLE.text, value: (row) => row.origin?.url ?? null },
];

function runFacts(context: WorkbookContext): Line[] {
  const { result, language } = context;
  const { config } = result;
  const labels = LOG_LABELS[language];
  const kinds = KIND_LABELS[language];
  const keyValue = (label: string, value: CellInput): Line => ({
    cells: [label, value],
    styles: [STYLE.label, STYLE.value],
  });
  const date = (value: string | null): string => (value ? formatVietnameseDate(value) : labels.notSet);
  return [
    { cells: [SHEET_TITLES[language].log], styles: [STYLE.title], span: true },
    keyValue(labels.asOf, formatVietnamDateTime(result.asOf)),
    keyValue(labels.source, result.source),
    ...(result.receivedTimes === "modification_time"
      ? [keyValue(labels.receivedTimes, labels.receivedTimesNote)]
      : []),
    ...(result.sourceProblems.length > 0
      ? [keyValue(labels.sourceProblems, result.sourceProblems.length)]
      : []),
    ...(result.registry
      ? [
          keyValue(labels.registry, result.registry.file),
          keyValue(labels.registrySha256, result.registry.sha256),
          keyValue(labels.registryUnits, result.registry.units),
          keyValue(labels.registryProblems, result.registry.problems.length),
        ]
      : []),
    keyValue(
      labels.kindsFilter,
      result.kindsFilter ? result.kindsFilter.map((kind) => kinds[kind]).join("; ") : labels.allKinds,
    ),
    keyValue(labels.reportYear, result.year),
    keyValue(labels.provincialPlanDate, date(config.provincialPlanDate)),
    keyValue(labels.round, periodsOfKind(result, "DN-KT", language)),
    keyValue(labels.nominationDeadline, date(config.nominationDeadline)),
    keyValue(labels.expectedKinds, config.expectedKinds.map((kind) => kinds[kind]).join("; ")),
    keyValue(labels.deadlines, deadlineWords(result, language) || labels.notSet),
    keyValue(labels.templateVersion, result.templateVersion),
    keyValue(labels.ruleVersion, result.ruleVersion),
    keyValue(labels.files, result.files.length),
    { cells: [labels.filesHeading], styles: [STYLE.blockTitle] },
  ];
}

export function logSheet(context: WorkbookContext): TableSheet<ConsolidatedFile> {
  const { result, language } = context;
  const columns = result.files.some((file) => file.origin) ? [...COLUMNS, ...ONEDRIVE_COLUMNS] : COLUMNS;
  return tableSheet("log", context, columns, result.files, {
    preamble: runFacts(context),
    minWidths: [Math.max(...Object.values(LOG_LABELS[language]).map((label) => label.length)) + 2],
  });
}
