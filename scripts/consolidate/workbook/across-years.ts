import { type AcrossYears, INDICATORS, type Language } from "../../../core/index";
import { HEADERS, SHEET_NAMES, STATUS_LABELS } from "../labels";
import {
  type ColumnSpec,
  headerText,
  indicatorMeasureUnit,
  indicatorName,
  resolveColumns,
  titleLines,
  type WorkbookContext,
} from "./context";
import type { Column, Line, TableSheet } from "./engine";
import { unitColumns } from "./shared-columns";
import { STATUS_STYLES, STYLE } from "./styles";

/** Qua các năm: one row per unit and year (its report's status and figures); the province per year below. */
type UnitYear = AcrossYears["units"][number]["years"][number] & {
  readonly unit: AcrossYears["units"][number]["unit"];
};

const COLUMNS: readonly ColumnSpec<UnitYear>[] = [
  ...unitColumns<UnitYear>((row) => row.unit),
  { header: "year", width: [6, 8], style: STYLE.code, value: (row) => row.year },
  {
    header: "status",
    width: [13, 16],
    style: (row) => STATUS_STYLES[row.status],
    value: (row, context) => STATUS_LABELS[context.language][row.status],
  },
  { header: "file", width: [16, 40], style: STYLE.text, value: (row) => row.file },
];

/** One column per indicator, headed by its code (the block below the table names each one). */
function indicatorColumns(): Column<UnitYear>[] {
  return INDICATORS.map((indicator) => ({
    header: indicator.code,
    min: 10,
    max: 14,
    style: indicator.measure === "percent" ? STYLE.decimal : STYLE.integer,
    value: (row) => row.indicators[indicator.code] ?? null,
  }));
}

function provinceByYearBlock(acrossYears: AcrossYears, language: Language): Line[] {
  const headers = HEADERS[language];
  const years = acrossYears.years;
  const header: Line = {
    cells: [headers.indicatorCode, headers.indicator, headers.measureUnit, ...years.map(String)],
    styles: [STYLE.header, STYLE.header, STYLE.header, ...years.map(() => STYLE.header)],
  };
  const rows: Line[] = acrossYears.indicators.map((entry) => {
    const indicator = INDICATORS.find((candidate) => candidate.code === entry.code);
    return {
      cells: [
        entry.code,
        indicator ? indicatorName(indicator, language) : entry.code,
        indicator ? indicatorMeasureUnit(indicator, language) : "",
        ...entry.byYear.map((year) => year.province),
      ],
      styles: [
        STYLE.code,
        STYLE.text,
        STYLE.text,
        ...entry.byYear.map(() => (entry.measure === "percent" ? STYLE.decimal : STYLE.integer)),
      ],
    };
  });
  const totalsHeader: Line = {
    cells: [
      headerText("year", language),
      headers.expected,
      headers.received,
      headers.onTime,
      headers.late,
      headers.invalid,
      headers.missing,
      headers.notDue,
    ],
    styles: Array.from({ length: 8 }, () => STYLE.header),
  };
  const totals: Line[] = acrossYears.totals.map(({ year, totals: figures }) => ({
    cells: [
      year,
      figures.expected,
      figures.received,
      figures.onTime,
      figures.late,
      figures.invalid,
      figures.missing,
      figures.notDue,
    ],
    styles: [STYLE.code, ...Array.from({ length: 7 }, () => STYLE.integer)],
  }));
  return [{ cells: [], styles: [] }, header, ...rows, { cells: [], styles: [] }, totalsHeader, ...totals];
}

export function acrossYearsSheet(context: WorkbookContext): TableSheet<UnitYear> {
  const { acrossYears } = context.result;
  const rows: UnitYear[] = acrossYears.units.flatMap((entry) =>
    entry.years.map((year) => ({ ...year, unit: entry.unit })),
  );
  return {
    name: SHEET_NAMES[context.language].acrossYears,
    preamble: titleLines("acrossYears", context),
    columns: [...resolveColumns(COLUMNS, context), ...indicatorColumns()],
    rows,
    after: provinceByYearBlock(acrossYears, context.language),
  };
}
