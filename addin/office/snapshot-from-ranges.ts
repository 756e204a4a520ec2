import {
  columnLetterToNumber,
  columnNumberToLetter,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../core/index";
import { classifyFormatCode, excelSerialToDateText } from "../../xlsx-read/index";

/**
 * What Office.js hands back for one worksheet, plain data only (no Office.js object), so the
 * conversion into the core's snapshot is tested without Excel. Arrays are those of
 * `Range.values`, `valueTypes`, `numberFormat` and `formulas` over the used range.
 */
export interface WorksheetRead {
  readonly name: string;
  readonly visibility: "Visible" | "Hidden" | "VeryHidden";
  readonly used: {
    /** 0-based row and column of the used range's top-left cell. */
    readonly rowIndex: number;
    readonly columnIndex: number;
    readonly values: readonly (readonly unknown[])[];
    readonly valueTypes: readonly (readonly string[])[];
    readonly numberFormat: readonly (readonly unknown[])[];
    readonly formulas: readonly (readonly unknown[])[];
  } | null;
  /** `RangeAreas.address` of the merged areas ("'Nhiệm vụ'!A1:B2,'Nhiệm vụ'!D4:E4"), or null. */
  readonly mergedAreas: string | null;
}

const VISIBILITY: Readonly<Record<WorksheetRead["visibility"], SheetSnapshot["state"]>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

interface Area {
  readonly range: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const AREA_PATTERN = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

/** "Sheet!A1:B2,Sheet!D4" → areas; the sheet part (quoted or not) is dropped. */
export function parseMergedAreas(address: string | null): Area[] {
  if (address === null || address.trim() === "") return [];
  // A quoted sheet name may hold commas, so cut at the "!" before each area, not at every comma.
  const areas = address.match(/![^,!]+/g) ?? [];
  return areas.flatMap((withBang) => {
    const match = AREA_PATTERN.exec(withBang.slice(1).trim().toUpperCase());
    if (!match) return [];
    const [left, top] = [columnLetterToNumber(match[1]!), Number(match[2])];
    const [right, bottom] = match[3] ? [columnLetterToNumber(match[3]), Number(match[4])] : [left, top];
    return [
      {
        range: `${columnNumberToLetter(left)}${top}:${columnNumberToLetter(right)}${bottom}`,
        top,
        left,
        bottom,
        right,
      },
    ];
  });
}

/** A cell as Excel reports it, turned into the value the file reader gives for the same cell. */
export function toCellValue(
  value: unknown,
  valueType: string,
  numberFormat: unknown,
  formula: unknown,
  date1904: boolean,
): CellValue | null {
  const hasFormula = typeof formula === "string" && formula.startsWith("=");
  const withFormula = (cell: CellValue): CellValue => (hasFormula ? { ...cell, formula: true } : cell);
  switch (valueType) {
    case "Empty":
      // A formula Excel has not calculated (manual calculation): no result yet, as in the file.
      return hasFormula ? { t: "z", formula: true } : null;
    case "String":
      return withFormula({ t: "s", v: String(value) });
    case "Boolean":
      return withFormula({ t: "b", v: value === true });
    case "Error":
      return withFormula({ t: "e", v: String(value) });
    case "Double":
    case "Integer": {
      const number = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(number)) return null;
      const display = classifyFormatCode(typeof numberFormat === "string" ? numberFormat : "");
      if (display === "date") {
        const date = excelSerialToDateText(number, date1904);
        if (date !== null) return withFormula({ t: "d", v: date });
      }
      return withFormula(
        display === "percent" ? { t: "n", v: number, percent: true } : { t: "n", v: number },
      );
    }
    default:
      // Rich values (entities, images in cells) have no place in a template: read as their text.
      return value === null || value === undefined || value === ""
        ? null
        : withFormula({ t: "s", v: String(value) });
  }
}

function isHiddenByMerge(row: number, column: number, areas: readonly Area[]): boolean {
  return areas.some(
    (area) =>
      row >= area.top &&
      row <= area.bottom &&
      column >= area.left &&
      column <= area.right &&
      (row !== area.top || column !== area.left),
  );
}

export function buildSheetSnapshot(sheet: WorksheetRead, date1904: boolean): SheetSnapshot {
  const areas = parseMergedAreas(sheet.mergedAreas);
  const cells: Record<string, CellValue> = {};
  const used = sheet.used;
  if (used !== null) {
    used.values.forEach((rowValues, r) => {
      const row = used.rowIndex + r + 1;
      rowValues.forEach((value, c) => {
        const column = used.columnIndex + c + 1;
        const cell = toCellValue(
          value,
          used.valueTypes[r]?.[c] ?? "Empty",
          used.numberFormat[r]?.[c],
          used.formulas[r]?.[c],
          date1904,
        );
        // A merge shows its top-left cell only, as the file reader keeps it.
        if (cell !== null && !isHiddenByMerge(row, column, areas))
          cells[`${columnNumberToLetter(column)}${row}`] = cell;
      });
    });
  }
  return {
    name: sheet.name,
    state: VISIBILITY[sheet.visibility],
    cells,
    merges: areas.map((area) => area.range),
  };
}

/** The same snapshot xlsx-read builds from the file, from what Excel reports of the open workbook. */
export function buildWorkbookSnapshot(sheets: readonly WorksheetRead[], date1904: boolean): WorkbookSnapshot {
  return { sheets: sheets.map((sheet) => buildSheetSnapshot(sheet, date1904)), date1904 };
}
