import {
  AWARDS,
  type ConsolidationResult,
  DEPARTMENTS,
  INDIVIDUAL_GROUPS,
  NOMINEE_KINDS,
  ROUNDS,
} from "../../../core/index";
import { LOG_LABELS } from "../labels";
import { type ColumnSpec, entryLabel, tableSheet, titleLines, type WorkbookContext } from "./context";
import type { TableSheet } from "./engine";
import { registeredUnit, unitColumns } from "./shared-columns";
import { STYLE } from "./styles";

/** Khen thưởng: every nomination received, with the columns of the DN-KT template. */
type NominationRow = ConsolidationResult["nominations"][number];

const nomination = (column: string): ColumnSpec<NominationRow>["header"] => ({
  kind: "DN-KT",
  table: "nominations",
  column,
});

const COLUMNS: readonly ColumnSpec<NominationRow>[] = [
  ...unitColumns<NominationRow>((row, context) => registeredUnit(context, row.unitCode, row.unitName)),
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
  const round = context.result.config.round;
  return tableSheet("nominations", context, COLUMNS, context.result.nominations, {
    preamble: titleLines(
      "nominations",
      context,
      `${LOG_LABELS[language].round}: ${entryLabel(ROUNDS, round, language) ?? round}`,
    ),
  });
}
