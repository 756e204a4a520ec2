import {
  CONTENTS,
  type ConsolidationResult,
  describePeriod,
  parsePeriodKey,
  type ContentCode,
  formatVietnamDateTime,
  formatVietnameseDate,
  INDICATORS,
  type Indicator,
  isValidCalendarDate,
  type Language,
  MOVEMENT_TIME_ZONE,
  normaliseUnitCode,
  parseIsoDate,
  type RegistryUnit,
  SUBMISSION_SPECS,
  type TemplateKind,
  UNIT_TYPES,
} from "../../../core/index";
import {
  HEADERS,
  type HeaderKey,
  KIND_LABELS,
  NO_CLUSTER_LABELS,
  NO_UNIT_TYPE_LABELS,
  REPORT_TEXTS,
  SHEET_NAMES,
  SHEET_TITLES,
  type SheetKey,
} from "../labels";
import type { CellInput, Column, Line, TableSheet } from "./engine";
import { STYLE, type CellStyle } from "./styles";

/** Facts every sheet needs, computed once. */
export interface WorkbookContext {
  readonly result: ConsolidationResult;
  readonly language: Language;
  readonly unitsByCode: ReadonlyMap<string, RegistryUnit>;
  readonly asOfLine: string;
}

export function createContext(result: ConsolidationResult, language: Language): WorkbookContext {
  const unitsByCode = new Map<string, RegistryUnit>();
  for (const entry of result.statuses) unitsByCode.set(normaliseUnitCode(entry.unit.code), entry.unit);
  const texts = REPORT_TEXTS[language];
  return {
    result,
    language,
    unitsByCode,
    asOfLine: `${texts.asOf} ${formatVietnamDateTime(result.asOf)} (${texts.vietnamTime}) · ${texts.reportYear} ${result.year}`,
  };
}

/** A column header: a word of the workbook's catalogue, or a column label of the template the data comes from. */
export type HeaderRef =
  HeaderKey | { readonly kind: TemplateKind; readonly table: string; readonly column: string };

/** A column as data: header, width bounds in characters, style, and how a row fills it. */
export interface ColumnSpec<Row> {
  readonly header: HeaderRef;
  readonly width: readonly [min: number, max: number];
  readonly style: CellStyle | ((row: Row) => CellStyle);
  readonly value: (row: Row, context: WorkbookContext) => CellInput;
}

/** A column header of a province-wide sheet taken from the template it comes from (one source of truth). */
function specHeader(kind: TemplateKind, table: string, column: string, language: Language): string {
  const label = SUBMISSION_SPECS[kind].tables
    .find((candidate) => candidate.key === table)
    ?.columns.find((candidate) => candidate.key === column)?.label[language];
  if (label === undefined) throw new Error(`no column ${column} in the ${kind} table ${table}`);
  return label;
}

export function headerText(header: HeaderRef, language: Language): string {
  return typeof header === "string"
    ? HEADERS[language][header]
    : specHeader(header.kind, header.table, header.column, language);
}

/** Columns in the words of the run's language, their getters bound to the run's facts. */
export function resolveColumns<Row>(
  specs: readonly ColumnSpec<Row>[],
  context: WorkbookContext,
): Column<Row>[] {
  return specs.map((spec) => ({
    header: headerText(spec.header, context.language),
    min: spec.width[0],
    max: spec.width[1],
    value: (row) => spec.value(row, context),
    style: spec.style,
  }));
}

/** What a sheet adds to its table: lines of its own before it (else its title and as-of line), a tab colour, blocks after. */
export interface SheetExtras {
  readonly preamble?: readonly Line[];
  readonly tabColour?: string;
  readonly after?: readonly Line[];
  readonly minWidths?: readonly number[];
}

/** A sheet of the workbook in the run's language: its name, its lines, its columns resolved, its rows. */
export function tableSheet<Row>(
  key: SheetKey,
  context: WorkbookContext,
  columns: readonly ColumnSpec<Row>[],
  rows: readonly Row[],
  extras: SheetExtras = {},
): TableSheet<Row> {
  return {
    ...extras,
    name: SHEET_NAMES[context.language][key],
    preamble: extras.preamble ?? titleLines(key, context),
    columns: resolveColumns(columns, context),
    rows,
  };
}

/** The title and the as-of line every sheet opens with. */
export function titleLines(key: SheetKey, context: WorkbookContext, extra?: string): Line[] {
  return [
    { cells: [SHEET_TITLES[context.language][key]], styles: [STYLE.title], span: true },
    {
      cells: [extra ? `${context.asOfLine} · ${extra}` : context.asOfLine],
      styles: [STYLE.subtitle],
      span: true,
    },
  ];
}

const OFFSET_MS = MOVEMENT_TIME_ZONE.utcOffsetMinutes * 60_000;

/** A Vietnamese wall-clock time as an Excel date: Excel has no zone, so the serial is the local time. */
export function toVietnamCellDate(epochMs: number): Date {
  return new Date(epochMs + OFFSET_MS);
}

/** A YYYY-MM-DD calendar day as an Excel date (built in UTC so that no zone shifts it). */
export function toCalendarCellDate(isoDate: string | null): CellInput {
  if (isoDate === null) return null;
  const { year, month, day } = parseIsoDate(isoDate);
  return isValidCalendarDate(year, month, day) ? new Date(Date.UTC(year, month - 1, day)) : isoDate;
}

/** A catalogue entry's name in the run's language (the short Vietnamese one, made for columns), or its code. */
export function entryLabel<Code extends string>(
  entries: readonly { code: Code; short: string; en: string }[],
  code: Code | null,
  language: Language,
): string | null {
  if (code === null) return null;
  const entry = entries.find((candidate) => candidate.code === code);
  return entry === undefined ? code : language === "vi" ? entry.short : entry.en;
}

export function unitTypeLabel(code: string | null, language: Language): string {
  if (code === null) return "";
  return entryLabel(UNIT_TYPES, code as (typeof UNIT_TYPES)[number]["code"], language) ?? "";
}

export function contentLabel(code: ContentCode | null, language: Language): string | null {
  return entryLabel(CONTENTS, code, language);
}

/** A period's name ("Năm 2027", "Sơ kết 2027", "Giai đoạn 1 (2026 - 2027)"), or its key if it is not one. */
export function periodLabel(key: string | null, language: Language): string | null {
  if (key === null) return null;
  const period = parsePeriodKey(key);
  return period ? describePeriod(period, language) : key;
}

/** The names of the year's periods of one kind, joined ("Hằng năm 2027; Sơ kết 2027"). */
export function periodsOfKind(result: ConsolidationResult, kind: TemplateKind, language: Language): string {
  return result.periods
    .filter((facts) => facts.kind === kind)
    .map((facts) => periodLabel(facts.period, language))
    .join("; ");
}

export function kindLabel(kind: TemplateKind | null, language: Language): string | null {
  return kind === null ? null : KIND_LABELS[language][kind];
}

export function indicatorOf(code: string): Indicator | undefined {
  return INDICATORS.find((indicator) => indicator.code === code);
}

export function indicatorName(indicator: Indicator, language: Language): string {
  return language === "vi" ? indicator.vi : indicator.en;
}

export function indicatorMeasureUnit(indicator: Indicator, language: Language): string {
  return language === "vi" ? indicator.unitVi : indicator.unitEn;
}

/** A group of the overview: a unit type or a cluster, or the group of units the registry left without one. */
export function groupLabel(key: string, byType: boolean, language: Language): string {
  if (byType) return key === "" ? NO_UNIT_TYPE_LABELS[language] : unitTypeLabel(key, language);
  return key || NO_CLUSTER_LABELS[language];
}

/** The deadlines the core computed, in words: "KH hết ngày 19/05/2026; BC hết ngày 14/11/2026". */
export function deadlineWords(result: ConsolidationResult, language: Language): string {
  const texts = REPORT_TEXTS[language];
  return result.deadlines
    .map(
      ({ kind, period, lastDay }) =>
        `${kind} (${periodLabel(period, language)}) ${lastDay ? `${texts.lastDay} ${formatVietnameseDate(lastDay)}` : texts.noDeadline}`,
    )
    .join("; ");
}
