import type { RowUnit, UnitKindStatus } from "../../../core/index";
import { STATUS_LABELS } from "../labels";
import {
  type ColumnSpec,
  kindLabel,
  periodLabel,
  toVietnamCellDate,
  unitTypeLabel,
  type WorkbookContext,
} from "./context";
import { STATUS_STYLES, STYLE } from "./styles";

/** A unit as the unit columns show it. */
export interface UnitFacts {
  readonly code: string;
  readonly name: string;
  readonly type: string | null;
  readonly cluster: string;
}

/** Code, name, type and cluster of the unit a row is about. */
export function unitColumns<Row>(
  unitOf: (row: Row, context: WorkbookContext) => UnitFacts,
): ColumnSpec<Row>[] {
  return [
    { header: "unitCode", width: [10, 16], style: STYLE.code, value: (row, c) => unitOf(row, c).code },
    { header: "unitName", width: [24, 48], style: STYLE.text, value: (row, c) => unitOf(row, c).name },
    {
      header: "unitType",
      width: [14, 28],
      style: STYLE.text,
      value: (row, c) => unitTypeLabel(unitOf(row, c).type, c.language),
    },
    { header: "cluster", width: [16, 34], style: STYLE.text, value: (row, c) => unitOf(row, c).cluster },
  ];
}

/** The registry's facts a province-wide row carries (the core puts them on every row). */
export function rowUnit(row: RowUnit): UnitFacts {
  return { code: row.unitCode, name: row.unitName, type: row.unitType, cluster: row.cluster };
}

/** The period a row or a status is for, by name. */
export function periodColumn<Row extends { readonly period: string | null }>(): ColumnSpec<Row> {
  return {
    header: "period",
    width: [12, 26],
    style: STYLE.text,
    value: (row, context) => periodLabel(row.period, context.language),
  };
}

export function receivedAtColumn<Row extends { receivedAt: number | null }>(): ColumnSpec<Row> {
  return {
    header: "receivedAt",
    width: [17, 17],
    style: STYLE.dateTime,
    value: (row) => (row.receivedAt === null ? null : toVietnamCellDate(row.receivedAt)),
  };
}

/** A submission's status, coloured. */
export const STATUS_COLUMN: ColumnSpec<UnitKindStatus> = {
  header: "status",
  width: [13, 16],
  style: (row) => STATUS_STYLES[row.status],
  value: (row, context) => STATUS_LABELS[context.language][row.status],
};

export const KIND_COLUMN: ColumnSpec<UnitKindStatus> = {
  header: "kind",
  width: [16, 28],
  style: STYLE.text,
  value: (row, context) => kindLabel(row.kind, context.language),
};
