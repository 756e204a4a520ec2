import type { Style } from "exceljs";
import { BRAND_COLOURS, SEVERITY_COLOURS, STATUS_COLOURS } from "../labels";

export type CellStyle = Partial<Style>;

// Styles are shared objects: exceljs recognises a style it has seen by identity, which keeps
// writing 30,000 rows cheap. Never mutate one through cell.font/fill/... setters.
const THIN = { style: "thin", color: { argb: "FFD0D5DD" } } as const;
const GRID = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: "Calibri", size: 11 } as const;

/** An opaque ARGB colour from RRGGBB. */
export const argb = (hex: string): { argb: string } => ({ argb: `FF${hex}` });
const solid = (hex: string): Style["fill"] => ({ type: "pattern", pattern: "solid", fgColor: argb(hex) });

/** Every style of the consolidated workbook, by name. */
export const STYLE = {
  title: {
    font: { ...FONT, size: 13, bold: true, color: argb(BRAND_COLOURS.navy) },
    alignment: { vertical: "middle", wrapText: true },
  },
  subtitle: {
    font: { ...FONT, size: 10, italic: true, color: argb("595959") },
    alignment: { vertical: "top", wrapText: true },
  },
  blockTitle: {
    font: { ...FONT, size: 12, bold: true, color: argb(BRAND_COLOURS.navy) },
    alignment: { vertical: "middle" },
  },
  header: {
    font: { ...FONT, bold: true, color: argb(BRAND_COLOURS.navy) },
    fill: solid(BRAND_COLOURS.headerFill),
    border: GRID,
    alignment: { wrapText: true, vertical: "middle", horizontal: "center" },
  },
  text: { font: FONT, border: GRID, alignment: { vertical: "top" } },
  code: { font: { ...FONT, color: argb(BRAND_COLOURS.navy) }, border: GRID, alignment: { vertical: "top" } },
  integer: { font: FONT, border: GRID, numFmt: "#,##0", alignment: { vertical: "top" } },
  decimal: { font: FONT, border: GRID, numFmt: "0.0", alignment: { vertical: "top" } },
  dateTime: {
    font: FONT,
    border: GRID,
    numFmt: "dd/mm/yyyy hh:mm",
    alignment: { vertical: "top", horizontal: "left" },
  },
  date: {
    font: FONT,
    border: GRID,
    numFmt: "dd/mm/yyyy",
    alignment: { vertical: "top", horizontal: "left" },
  },
  label: { font: { ...FONT, bold: true } },
  value: { font: FONT, alignment: { horizontal: "left" } },
  groupText: {
    font: { ...FONT, bold: true, color: argb(BRAND_COLOURS.navy) },
    fill: solid(BRAND_COLOURS.groupFill),
    border: GRID,
  },
  strongText: { font: { ...FONT, bold: true }, border: GRID, alignment: { vertical: "top" } },
  strongInteger: { font: { ...FONT, bold: true }, border: GRID, numFmt: "#,##0" },
  strongDecimal: { font: { ...FONT, bold: true }, border: GRID, numFmt: "0.0" },
} satisfies Record<string, CellStyle>;

function colouredStyle(colour: { fill: string; text: string }): CellStyle {
  return {
    font: { ...FONT, bold: true, color: argb(colour.text) },
    fill: solid(colour.fill),
    border: GRID,
    alignment: { vertical: "top" },
  };
}

export const STATUS_STYLES = Object.fromEntries(
  Object.entries(STATUS_COLOURS).map(([status, colour]) => [status, colouredStyle(colour)]),
) as Record<keyof typeof STATUS_COLOURS, CellStyle>;
export const SEVERITY_STYLES = Object.fromEntries(
  Object.entries(SEVERITY_COLOURS).map(([severity, colour]) => [severity, colouredStyle(colour)]),
) as Record<keyof typeof SEVERITY_COLOURS, CellStyle>;
