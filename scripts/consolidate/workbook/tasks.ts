import type { ConsolidationResult } from "../../../core/index";
import {
  type ColumnSpec,
  contentLabel,
  tableSheet,
  toCalendarCellDate,
  type WorkbookContext,
} from "./context";
import type { TableSheet } from "./engine";
import { periodColumn, rowUnit, unitColumns } from "./shared-columns";
import { STYLE } from "./styles";

/** Nhiệm vụ: every task of every plan received, with the columns of the KH template. */
type TaskRow = ConsolidationResult["tasks"][number];

const plan = (column: string): ColumnSpec<TaskRow>["header"] => ({ kind: "KH", table: "tasks", column });

const COLUMNS: readonly ColumnSpec<TaskRow>[] = [
  ...unitColumns<TaskRow>((row) => rowUnit(row)),
  periodColumn(),
  { header: "file", width: [16, 40], style: STYLE.text, value: (row) => row.file },
  { header: "row", width: [6, 8], style: STYLE.integer, value: (row) => row.row },
  { header: plan("content"), width: [10, 10], style: STYLE.code, value: (row) => row.content },
  {
    header: "contentLabel",
    width: [20, 34],
    style: STYLE.text,
    value: (row, context) => contentLabel(row.content, context.language),
  },
  { header: plan("task"), width: [30, 60], style: STYLE.text, value: (row) => row.task },
  { header: plan("target"), width: [20, 40], style: STYLE.text, value: (row) => row.target },
  { header: plan("lead"), width: [16, 30], style: STYLE.text, value: (row) => row.lead },
  {
    header: plan("deadline"),
    width: [11, 12],
    style: STYLE.date,
    value: (row) => toCalendarCellDate(row.deadline),
  },
  { header: plan("expectedResult"), width: [20, 50], style: STYLE.text, value: (row) => row.expectedResult },
];

export function tasksSheet(context: WorkbookContext): TableSheet<TaskRow> {
  return tableSheet("tasks", context, COLUMNS, context.result.tasks);
}
