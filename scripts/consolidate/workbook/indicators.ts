import {
  CONTENTS,
  type ConsolidationResult,
  type ContentCode,
  UNIT_TYPES,
  type UnitTypeCode,
} from "../../../core/index";
import { AGGREGATION_LABELS, HEADERS, WORKBOOK_PHRASES } from "../labels";
import {
  type ColumnSpec,
  entryLabel,
  indicatorMeasureUnit,
  indicatorName,
  indicatorOf,
  tableSheet,
  titleLines,
  unitTypeLabel,
  type WorkbookContext,
} from "./context";
import type { Line, TableSheet } from "./engine";
import { STYLE, type CellStyle } from "./styles";

/** Chỉ tiêu: every indicator of every report received, then the province's totals by content and unit type. */
type IndicatorRow = ConsolidationResult["indicators"][number];

/** Rows 1–2 carry the title and the as-of line; the table's header is on row 3. */
const TABLE_HEADER_ROW = 3;

function indicatorValueStyle(code: string, strong = false): CellStyle {
  const percent = indicatorOf(code)?.measure === "percent";
  if (strong) return percent ? STYLE.strongDecimal : STYLE.strongInteger;
  return percent ? STYLE.decimal : STYLE.integer;
}

const COLUMNS: readonly ColumnSpec<IndicatorRow>[] = [
  {
    header: "content",
    width: [10, 10],
    style: STYLE.code,
    value: (row) => indicatorOf(row.code)?.content ?? null,
  },
  { header: "indicatorCode", width: [24, 30], style: STYLE.code, value: (row) => row.code },
  {
    header: "indicator",
    width: [40, 60],
    style: STYLE.text,
    value: (row, context) => {
      const indicator = indicatorOf(row.code);
      return indicator ? indicatorName(indicator, context.language) : row.code;
    },
  },
  {
    header: "measureUnit",
    width: [12, 14],
    style: STYLE.text,
    value: (row, context) => {
      const indicator = indicatorOf(row.code);
      return indicator ? indicatorMeasureUnit(indicator, context.language) : null;
    },
  },
  {
    header: "value",
    width: [12, 14],
    style: (row) => indicatorValueStyle(row.code),
    value: (row) => row.value,
  },
  { header: "unitCode", width: [12, 16], style: STYLE.code, value: (row) => row.unitCode },
  { header: "unitName", width: [24, 48], style: STYLE.text, value: (row) => row.unitName },
  {
    header: "unitType",
    width: [16, 28],
    style: STYLE.text,
    value: (row, context) => unitTypeLabel(row.unitType, context.language),
  },
  {
    header: "cluster",
    width: [16, 34],
    style: STYLE.text,
    value: (row) => row.cluster,
  },
  { header: "file", width: [16, 40], style: STYLE.text, value: (row) => row.file },
];

/** Province totals: one group per content (in catalogue order), one column per unit type. */
function indicatorTotalsBlock(context: WorkbookContext): Line[] {
  const { language } = context;
  const { indicatorTotals } = context.result;
  const headers = HEADERS[language];
  const phrases = WORKBOOK_PHRASES[language];
  const unitTypes = UNIT_TYPES.map((type) => type.code);
  const header: Line = {
    cells: [
      headers.content,
      headers.indicatorCode,
      headers.indicator,
      headers.measureUnit,
      headers.province,
      headers.reporting,
      headers.aggregation,
      ...unitTypes.map((type) => unitTypeLabel(type, language)),
    ],
    styles: Array.from({ length: 7 + unitTypes.length }, () => STYLE.header),
  };
  const groups: { code: ContentCode | null; label: string }[] = [
    ...CONTENTS.map((content) => ({
      code: content.code as ContentCode | null,
      label: `${content.code} — ${entryLabel(CONTENTS, content.code, language) ?? content.code}`,
    })),
    { code: null, label: phrases.commonIndicators },
  ];
  const lines: Line[] = [
    { cells: [phrases.indicatorTotalsTitle], styles: [STYLE.blockTitle], span: true },
    { cells: [phrases.indicatorTotalsNote], styles: [STYLE.subtitle], span: true },
    header,
  ];
  for (const group of groups) {
    const members = indicatorTotals.filter((total) => total.content === group.code);
    if (members.length === 0) continue;
    lines.push({
      cells: [group.label],
      styles: Array.from({ length: header.cells.length }, () => STYLE.groupText),
    });
    for (const total of members) {
      const indicator = indicatorOf(total.code);
      lines.push({
        cells: [
          total.content ?? "",
          total.code,
          indicator ? indicatorName(indicator, language) : total.code,
          indicator ? indicatorMeasureUnit(indicator, language) : "",
          total.province,
          total.reporting,
          AGGREGATION_LABELS[language][total.measure],
          ...unitTypes.map((type: UnitTypeCode) => total.byUnitType[type]),
        ],
        styles: [
          STYLE.code,
          STYLE.code,
          STYLE.text,
          STYLE.text,
          indicatorValueStyle(total.code, true),
          STYLE.integer,
          STYLE.text,
          ...unitTypes.map(() => indicatorValueStyle(total.code)),
        ],
      });
    }
  }
  return lines;
}

export function indicatorsSheet(context: WorkbookContext): TableSheet<IndicatorRow> {
  const rows = context.result.indicators;
  // Title (1), as-of (2), header (3), rows, one blank row: the totals block starts after them.
  const totalsRow = TABLE_HEADER_ROW + rows.length + 2;
  return tableSheet("indicators", context, COLUMNS, rows, {
    preamble: titleLines(
      "indicators",
      context,
      WORKBOOK_PHRASES[context.language].indicatorTotalsFrom(totalsRow),
    ),
    after: indicatorTotalsBlock(context),
  });
}
