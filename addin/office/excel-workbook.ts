/// <reference types="office-js" />
import type { Problem, WorkbookSnapshot } from "../../core/index";
import { buildWorkbookSnapshot, type WorksheetRead } from "./snapshot-from-ranges";

/**
 * The only code that touches Office.js. Everything it reads is turned into plain data at once
 * (snapshot-from-ranges.ts) and validated by the same core as the CLI.
 *
 * Requirement sets: ExcelApi 1.13 for the in-workbook check (merged areas); 1.5 (sheet walk),
 * 1.6 (conditional formats, for the marks) and 1.2 (worksheet functions) are below it. The
 * manifest asks for 1.7 so the pane still opens on older Excel, where it checks a chosen file
 * instead (see README).
 */
export const IN_WORKBOOK_REQUIREMENT = { set: "ExcelApi", version: "1.13" } as const;

/** Sheets read in the one batch; a workbook with more needs a second batch for the rest. */
export const SHEETS_PER_BATCH = 16;

/** A conditional format rule only thidua writes: TRUE always, recognisable when removing marks. */
export const MARK_FORMULA = '=N("thidua")=0';
export const MARK_FILL = "#FFC7CE";
export const MARK_FONT = "#9C0006";

const SERIAL_OF_2000_01_01 = { system1900: 36526, system1904: 35064 } as const;

interface QueuedSheet {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly merged: Excel.RangeAreas;
}

function queueSheet(sheet: Excel.Worksheet): QueuedSheet {
  sheet.load("name,visibility");
  // valuesOnly: formatting past the last value does not make the read bigger.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,values,valueTypes,numberFormat,formulas");
  const merged = used.getMergedAreasOrNullObject();
  merged.load("address");
  return { sheet, used, merged };
}

function toRead(queued: QueuedSheet): WorksheetRead {
  const { sheet, used, merged } = queued;
  return {
    name: sheet.name,
    visibility: sheet.visibility as WorksheetRead["visibility"],
    used: used.isNullObject
      ? null
      : {
          rowIndex: used.rowIndex,
          columnIndex: used.columnIndex,
          values: used.values,
          valueTypes: used.valueTypes as string[][],
          numberFormat: used.numberFormat,
          formulas: used.formulas,
        },
    mergedAreas: merged.isNullObject ? null : merged.address,
  };
}

/**
 * Reads what the rules need from the open workbook in ONE `context.sync()` whatever the row
 * count: the sheets are walked with getFirst/getNextOrNullObject (tab order, hidden ones too)
 * and each sheet's used range (values, value types, number formats, formulas) and merged areas
 * are queued in the same batch, with DATE(2000,1,1) to tell the date system. Only a workbook
 * with more than SHEETS_PER_BATCH sheets costs a second batch.
 */
export async function readOpenWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const queued: QueuedSheet[] = [];
  let sheet = worksheets.getFirst();
  for (let index = 0; index < SHEETS_PER_BATCH; index += 1) {
    queued.push(queueSheet(sheet));
    sheet = sheet.getNextOrNullObject();
  }
  const dateProbe = context.workbook.functions.date(2000, 1, 1);
  dateProbe.load("value");
  await context.sync();

  const found = queued.filter((entry) => !entry.sheet.isNullObject);
  const reads = found.map(toRead);
  const names = worksheets.items.map((item) => item.name);
  if (names.length > found.length) {
    const rest = names.slice(found.length).map((name) => queueSheet(worksheets.getItem(name)));
    await context.sync();
    reads.push(...rest.map(toRead));
  }
  const date1904 = dateProbe.value === SERIAL_OF_2000_01_01.system1904;
  return buildWorkbookSnapshot(reads, date1904);
}

/** Takes the officer to a problem: its sheet, and its cell when it has one. */
export async function selectProblem(context: Excel.RequestContext, problem: Problem): Promise<void> {
  if (problem.sheet === null) return;
  const sheet = context.workbook.worksheets.getItem(problem.sheet);
  sheet.activate();
  if (problem.cell !== null) sheet.getRange(problem.cell).select();
  await context.sync();
}

/** The distinct cells of the problems, by sheet. */
function problemCells(problems: readonly Problem[]): Map<string, string[]> {
  const bySheet = new Map<string, Set<string>>();
  for (const problem of problems) {
    if (problem.sheet === null || problem.cell === null) continue;
    const cells = bySheet.get(problem.sheet) ?? new Set<string>();
    cells.add(problem.cell);
    bySheet.set(problem.sheet, cells);
  }
  return new Map([...bySheet].map(([sheet, cells]) => [sheet, [...cells]]));
}

/**
 * Marks every problem cell with a conditional format (red fill and font), never touching the
 * cells' own formats, so that removing the marks leaves the workbook's formats exactly as they
 * were. Any marks of an earlier check are removed first, in the same batch.
 */
export async function markProblems(
  context: Excel.RequestContext,
  problems: readonly Problem[],
): Promise<number> {
  await unmarkProblems(context);
  let marked = 0;
  for (const [sheetName, cells] of problemCells(problems)) {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    for (const cell of cells) {
      const format = sheet.getRange(cell).conditionalFormats.add("Custom");
      format.custom.rule.formula = MARK_FORMULA;
      format.custom.format.fill.color = MARK_FILL;
      format.custom.format.font.color = MARK_FONT;
      marked += 1;
    }
  }
  await context.sync();
  return marked;
}

/**
 * Removes every mark thidua made, on every sheet, and nothing else: only custom conditional
 * formats whose rule is MARK_FORMULA. Returns how many were removed.
 */
export async function unmarkProblems(context: Excel.RequestContext): Promise<number> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const collections = worksheets.items.map((sheet) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type");
    return formats;
  });
  await context.sync();
  // A rule is read only from custom formats: other types have no custom rule to load.
  const custom = collections.flatMap((formats) => formats.items.filter((format) => format.type === "Custom"));
  for (const format of custom) format.custom.rule.load("formula");
  if (custom.length > 0) await context.sync();
  const ours = custom.filter((format) => format.custom.rule.formula === MARK_FORMULA);
  for (const format of ours) format.delete();
  if (ours.length > 0) await context.sync();
  return ours.length;
}

/** Excel.run that waits while the officer is editing a cell, rather than failing. */
export function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}
