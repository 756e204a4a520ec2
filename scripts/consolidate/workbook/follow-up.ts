import type { UnitKindStatus } from "../../../core/index";
import { FOLLOW_UP_LABELS, STATUS_COLOURS } from "../labels";
import { type ColumnSpec, tableSheet, type WorkbookContext } from "./context";
import type { TableSheet } from "./engine";
import { KIND_COLUMN, periodColumn, receivedAtColumn, STATUS_COLUMN, unitColumns } from "./shared-columns";
import { STYLE } from "./styles";

/** Chưa nộp: the units not on time, with their e-mail and what to do next. */
const COLUMNS: readonly ColumnSpec<UnitKindStatus>[] = [
  ...unitColumns<UnitKindStatus>((row) => row.unit),
  { header: "email", width: [22, 40], style: STYLE.text, value: (row) => row.unit.email },
  KIND_COLUMN,
  periodColumn<UnitKindStatus>(),
  STATUS_COLUMN,
  {
    header: "followUp",
    width: [20, 30],
    style: STYLE.text,
    value: (row, context) =>
      row.status === "on_time" || row.status === "not_due"
        ? null
        : FOLLOW_UP_LABELS[context.language][row.status],
  },
  { header: "file", width: [16, 48], style: STYLE.text, value: (row) => row.file },
  receivedAtColumn<UnitKindStatus>(),
  { header: "errors", width: [8, 10], style: STYLE.integer, value: (row) => row.errors },
  {
    header: "underReview",
    width: [16, 48],
    style: STYLE.text,
    value: (row) => (row.underReview.length === 0 ? null : row.underReview.join("; ")),
  },
];

export function followUpSheet(context: WorkbookContext): TableSheet<UnitKindStatus> {
  return tableSheet("followUp", context, COLUMNS, context.result.followUp, {
    tabColour: STATUS_COLOURS.late.strong,
  });
}
