import type { UnitKindStatus } from "../../../core/index";
import { type ColumnSpec, tableSheet, type WorkbookContext } from "./context";
import type { TableSheet } from "./engine";
import { KIND_COLUMN, periodColumn, receivedAtColumn, STATUS_COLUMN, unitColumns } from "./shared-columns";
import { STYLE } from "./styles";

/** Tình hình nộp: every expected (unit, kind) and where it stands. */
const COLUMNS: readonly ColumnSpec<UnitKindStatus>[] = [
  ...unitColumns<UnitKindStatus>((row) => row.unit),
  KIND_COLUMN,
  periodColumn<UnitKindStatus>(),
  STATUS_COLUMN,
  { header: "file", width: [16, 48], style: STYLE.text, value: (row) => row.file },
  receivedAtColumn<UnitKindStatus>(),
  { header: "errors", width: [8, 10], style: STYLE.integer, value: (row) => row.errors },
  { header: "warnings", width: [10, 11], style: STYLE.integer, value: (row) => row.warnings },
  { header: "duplicates", width: [8, 10], style: STYLE.integer, value: (row) => row.duplicates },
];

export function statusesSheet(context: WorkbookContext): TableSheet<UnitKindStatus> {
  return tableSheet("statuses", context, COLUMNS, context.result.statuses);
}
