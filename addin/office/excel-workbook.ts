/// <reference types="office-js" />
import type { Problem, WorkbookSnapshot } from "../../core/index";
import { buildWorkbookSnapshot, type WorksheetRead } from "./snapshot-from-ranges";

/**
 * The only code that touches Office.js. Everything it reads is turned into plain data at once
 * (snapshot-from-ranges.ts) and validated by the same core as the CLI.
 *
 * Requirement sets: ExcelApi 1.13 for the in-workbook check (merged areas); 1.9 (getRanges,
 * getSpecialCells), 1.7 (getRangeByIndexes), 1.6 (conditional formats) and 1.2 (protection,
 * worksheet functions) are below it. An Excel below 1.13 that the manifest still admits checks a
 * chosen file instead (see README).
 */
export const IN_WORKBOOK_REQUIREMENT = { set: "ExcelApi", version: "1.13" } as const;

/**
 * The most one read's response should weigh. Excel on the web refuses responses above 5 MB
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * 2 MB leaves room for an estimate that is off by half.
 */
export const READ_BUDGET_BYTES = 2 * 1024 * 1024;

/** Before a sheet's first block is measured: a guess per cell (value, type, format)... */
const FIRST_GUESS_BYTES_PER_CELL = 160;
/** ...and a first block small enough that long texts cannot make it big (it is then measured). */
const FIRST_BLOCK_ROWS = 250;

/** A conditional format rule only thidua writes: TRUE always, recognisable when removing marks. */
export const MARK_FORMULA = '=N("thidua")=0';
export const MARK_FILL = "#FFC7CE";
export const MARK_FONT = "#9C0006";

const SERIAL_OF_2000_01_01 = { system1900: 36526, system1904: 35064 } as const;

/** What the read could not do, said in the pane; the check goes on without it. */
export interface ReadNotes {
  /** Sheets whose merged areas Excel would not list (above 512): merged input cells unchecked there. */
  readonly mergesUnread: readonly string[];
}

export interface OpenWorkbookRead {
  readonly snapshot: WorkbookSnapshot;
  readonly notes: ReadNotes;
}

interface SheetPlan {
  readonly name: string;
  readonly visibility: WorksheetRead["visibility"];
  readonly used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null;
  readonly hasFormulas: boolean;
}

type Grid = unknown[][];

interface SheetRows {
  values: Grid;
  valueTypes: string[][];
  numberFormat: Grid;
  formulas: Grid;
}

function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

/** The response's size as Excel would send it (JSON), so the next blocks are sized on it. */
function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Sync 1: the sheets in tab order (hidden ones too), and DATE(2000,1,1) to tell the date system. */
async function listSheets(
  context: Excel.RequestContext,
): Promise<{ names: string[]; visibility: string[]; date1904: boolean }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const dateProbe = context.workbook.functions.date(2000, 1, 1);
  dateProbe.load("value");
  await context.sync();
  return {
    names: worksheets.items.map((sheet) => sheet.name),
    visibility: worksheets.items.map((sheet) => sheet.visibility),
    date1904: dateProbe.value === SERIAL_OF_2000_01_01.system1904,
  };
}

/** Sync 2: each sheet's used range (its size only) and whether it holds any formula. */
async function planSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  visibility: readonly string[],
): Promise<SheetPlan[]> {
  const queued = names.map((name) => {
    // valuesOnly: formatting past the last value does not make the read bigger.
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const formulas = used.getSpecialCellsOrNullObject("Formulas");
    formulas.load("cellCount");
    return { used, formulas };
  });
  await context.sync();
  return queued.map(({ used, formulas }, index) => ({
    name: names[index]!,
    visibility: visibility[index] as WorksheetRead["visibility"],
    used: used.isNullObject
      ? null
      : {
          rowIndex: used.rowIndex,
          columnIndex: used.columnIndex,
          rowCount: used.rowCount,
          columnCount: used.columnCount,
        },
    hasFormulas: !used.isNullObject && !formulas.isNullObject,
  }));
}

/**
 * Merged areas in their own call: Excel refuses to list more than 512 in one range, and such a
 * sheet must not fail the whole read. All sheets in one sync first; if it fails, one per sheet.
 */
async function readMerges(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
): Promise<{ merges: (string | null)[]; unread: string[] }> {
  const queue = (plan: SheetPlan) => {
    const areas = context.workbook.worksheets
      .getItem(plan.name)
      .getUsedRangeOrNullObject(true)
      .getMergedAreasOrNullObject();
    areas.load("address");
    return areas;
  };
  const withUsed = plans.filter((plan) => plan.used !== null);
  const merges = new Map<string, string | null>();
  const unread: string[] = [];
  try {
    const all = withUsed.map(queue);
    await context.sync();
    withUsed.forEach((plan, index) =>
      merges.set(plan.name, all[index]!.isNullObject ? null : all[index]!.address),
    );
  } catch {
    for (const plan of withUsed) {
      try {
        const areas = queue(plan);
        await context.sync();
        merges.set(plan.name, areas.isNullObject ? null : areas.address);
      } catch {
        unread.push(plan.name);
      }
    }
  }
  return { merges: plans.map((plan) => merges.get(plan.name) ?? null), unread };
}

interface Block {
  readonly sheet: number;
  readonly firstRow: number;
  readonly rows: number;
}

/**
 * The used ranges in row blocks, each sync's blocks weighing about READ_BUDGET_BYTES by the last
 * measured bytes per row of their sheet (a first guess before). A response Excel still refuses
 * as too large is asked again at half the budget.
 */
async function readRows(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  budgetBytes: number,
): Promise<SheetRows[]> {
  const rows: SheetRows[] = plans.map(() => ({ values: [], valueTypes: [], numberFormat: [], formulas: [] }));
  const next = plans.map(() => 0);
  const bytesPerRow = plans.map((plan) => (plan.used?.columnCount ?? 0) * FIRST_GUESS_BYTES_PER_CELL);
  const remaining = () =>
    plans.some((plan, index) => plan.used !== null && next[index]! < plan.used.rowCount);
  let budget = budgetBytes;
  while (remaining()) {
    const blocks: Block[] = [];
    let left = budget;
    plans.forEach((plan, index) => {
      if (plan.used === null || left <= 0) return;
      const rest = plan.used.rowCount - next[index]!;
      if (rest <= 0) return;
      const fit = Math.floor(left / Math.max(1, bytesPerRow[index]!));
      // Always one row at least, so the read moves on whatever the estimate.
      const first = next[index] === 0 ? FIRST_BLOCK_ROWS : Infinity;
      const take = Math.min(rest, first, Math.max(blocks.length === 0 ? 1 : 0, fit));
      if (take === 0) return;
      blocks.push({ sheet: index, firstRow: next[index]!, rows: take });
      left -= take * bytesPerRow[index]!;
    });
    const ranges = blocks.map((block) => {
      const plan = plans[block.sheet]!;
      const used = plan.used!;
      const range = context.workbook.worksheets
        .getItem(plan.name)
        .getRangeByIndexes(used.rowIndex + block.firstRow, used.columnIndex, block.rows, used.columnCount);
      range.load(
        plan.hasFormulas ? "values,valueTypes,numberFormat,formulas" : "values,valueTypes,numberFormat",
      );
      return range;
    });
    try {
      await context.sync();
    } catch (error) {
      if (errorCode(error) !== "RequestPayloadSizeLimitExceeded" || blocks.every((block) => block.rows <= 1))
        throw error;
      budget = Math.max(1, Math.floor(budget / 2));
      blocks.forEach((block) => (bytesPerRow[block.sheet] = bytesPerRow[block.sheet]! * 2));
      continue;
    }
    budget = budgetBytes;
    blocks.forEach((block, i) => {
      const range = ranges[i]!;
      const plan = plans[block.sheet]!;
      const target = rows[block.sheet]!;
      const part = {
        values: range.values,
        valueTypes: range.valueTypes as string[][],
        numberFormat: range.numberFormat,
        formulas: plan.hasFormulas ? range.formulas : [],
      };
      target.values.push(...part.values);
      target.valueTypes.push(...part.valueTypes);
      target.numberFormat.push(...part.numberFormat);
      target.formulas.push(...part.formulas);
      // A quarter more than measured: the next rows may hold longer text.
      bytesPerRow[block.sheet] = Math.max(1, Math.ceil((1.25 * jsonBytes(part)) / block.rows));
      next[block.sheet] = next[block.sheet]! + block.rows;
    });
  }
  return rows;
}

/**
 * Reads what the rules need from the open workbook, in responses Excel on the web accepts
 * whatever the row count: the sheets and the date system; each used range's size and whether it
 * has formulas; merged areas (failing soft); then the cells in row blocks of about
 * `budgetBytes` (values, value types, number formats, and formulas only where a sheet has them).
 */
export async function readOpenWorkbook(
  context: Excel.RequestContext,
  budgetBytes: number = READ_BUDGET_BYTES,
): Promise<OpenWorkbookRead> {
  const { names, visibility, date1904 } = await listSheets(context);
  const plans = await planSheets(context, names, visibility);
  const { merges, unread } = await readMerges(context, plans);
  const rows = await readRows(context, plans, budgetBytes);
  const reads: WorksheetRead[] = plans.map((plan, index) => ({
    name: plan.name,
    visibility: plan.visibility,
    used:
      plan.used === null
        ? null
        : { rowIndex: plan.used.rowIndex, columnIndex: plan.used.columnIndex, ...rows[index]! },
    mergedAreas: merges[index] ?? null,
  }));
  return { snapshot: buildWorkbookSnapshot(reads, date1904), notes: { mergesUnread: unread } };
}

/** What became of a click on a problem: its sheet may have been hidden or renamed since the check. */
export type SelectOutcome = "selected" | "hidden" | "veryHidden" | "missing";

/** Takes the officer to a problem: its sheet, and its cell when it has one. */
export async function selectProblem(context: Excel.RequestContext, problem: Problem): Promise<SelectOutcome> {
  if (problem.sheet === null) return "selected";
  const sheet = context.workbook.worksheets.getItemOrNullObject(problem.sheet);
  sheet.load("visibility");
  await context.sync();
  // Excel activates visible sheets only; the pane says where the cell went instead of failing.
  if (sheet.isNullObject) return "missing";
  if (sheet.visibility === "Hidden") return "hidden";
  if (sheet.visibility === "VeryHidden") return "veryHidden";
  sheet.activate();
  if (problem.cell !== null) sheet.getRange(problem.cell).select();
  await context.sync();
  return "selected";
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

/** "C5","C6","C7","E5" → "C5:C7,E5": one address for getRanges, runs down a column joined. */
export function cellsToAddress(cells: readonly string[]): string {
  const parsed = cells
    .map((cell) => /^([A-Z]{1,3})(\d+)$/.exec(cell))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ column: match[1]!, row: Number(match[2]) }))
    .sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column) || a.row - b.row);
  const areas: string[] = [];
  for (let i = 0; i < parsed.length;) {
    let j = i;
    while (
      j + 1 < parsed.length &&
      parsed[j + 1]!.column === parsed[i]!.column &&
      parsed[j + 1]!.row === parsed[j]!.row + 1
    )
      j += 1;
    const first = `${parsed[i]!.column}${parsed[i]!.row}`;
    areas.push(i === j ? first : `${first}:${parsed[j]!.column}${parsed[j]!.row}`);
    i = j + 1;
  }
  return areas.join(",");
}

/** The rule as Excel may spell it back (case, spaces): compared without them. */
function normaliseRule(formula: string): string {
  return formula.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
}

const OUR_RULE = normaliseRule(MARK_FORMULA);

interface SheetMarks {
  readonly name: string;
  readonly protection: { protected: boolean; options: Excel.WorksheetProtectionOptions };
  readonly ours: Excel.ConditionalFormat[];
}

/** Each sheet's protection and thidua's marks on it (three syncs, whatever the sheet count). */
async function findMarks(context: Excel.RequestContext): Promise<SheetMarks[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const queued = worksheets.items.map((sheet) => {
    sheet.protection.load("protected,options");
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type");
    return { sheet, formats };
  });
  await context.sync();
  // A rule is read only from custom formats: other types have no custom rule to load.
  const custom = queued.map(({ formats }) => formats.items.filter((format) => format.type === "Custom"));
  for (const format of custom.flat()) format.custom.rule.load("formula");
  if (custom.some((list) => list.length > 0)) await context.sync();
  return queued.map(({ sheet }, index) => ({
    name: sheet.name,
    protection: { protected: sheet.protection.protected, options: sheet.protection.options },
    ours: custom[index]!.filter((format) => normaliseRule(format.custom.rule.formula) === OUR_RULE),
  }));
}

/**
 * Replaces thidua's marks on each sheet by `cells` (none: removes them). A protected sheet is
 * unprotected, changed and protected again with the same options in ONE batch; one protected
 * with a password (the officer's own) fails to unprotect and is left as it was, and named.
 */
async function rewriteMarks(
  context: Excel.RequestContext,
  cellsBySheet: ReadonlyMap<string, readonly string[]>,
): Promise<{ changed: Map<string, number>; removed: number; skipped: string[] }> {
  const sheets = await findMarks(context);
  const changed = new Map<string, number>();
  const skipped: string[] = [];
  const work = sheets.filter(
    (sheet) => sheet.ours.length > 0 || (cellsBySheet.get(sheet.name)?.length ?? 0) > 0,
  );
  const queue = (sheet: SheetMarks) => {
    const worksheet = context.workbook.worksheets.getItem(sheet.name);
    if (sheet.protection.protected) worksheet.protection.unprotect();
    for (const format of sheet.ours) format.delete();
    const cells = cellsBySheet.get(sheet.name) ?? [];
    if (cells.length > 0) {
      // One rule per sheet over all its problem cells (ExcelApi 1.9).
      const format = worksheet.getRanges(cellsToAddress(cells)).conditionalFormats.add("Custom");
      format.custom.rule.formula = MARK_FORMULA;
      format.custom.format.fill.color = MARK_FILL;
      format.custom.format.font.color = MARK_FONT;
    }
    if (sheet.protection.protected) worksheet.protection.protect(sheet.protection.options);
    return cells.length;
  };
  // Unprotected sheets together; each protected one alone, so a password fails that sheet only.
  const open = work.filter((sheet) => !sheet.protection.protected);
  if (open.length > 0) {
    const counts = open.map(queue);
    await context.sync();
    open.forEach((sheet, index) => changed.set(sheet.name, counts[index]!));
  }
  for (const sheet of work.filter((candidate) => candidate.protection.protected)) {
    const count = queue(sheet);
    try {
      await context.sync();
      changed.set(sheet.name, count);
    } catch (error) {
      await restoreProtection(context, sheet);
      if (errorCode(error) === "InvalidArgument" || errorCode(error) === "AccessDenied")
        skipped.push(sheet.name);
      else throw error;
    }
  }
  const removed = sheets
    .filter((sheet) => changed.has(sheet.name))
    .reduce((sum, sheet) => sum + sheet.ours.length, 0);
  return { changed, removed, skipped };
}

/** After a failed batch: a sheet left unprotected half-way is protected again as it was. */
async function restoreProtection(context: Excel.RequestContext, sheet: SheetMarks): Promise<void> {
  const protection = context.workbook.worksheets.getItem(sheet.name).protection;
  protection.load("protected");
  await context.sync();
  if (protection.protected) return;
  protection.protect(sheet.protection.options);
  await context.sync();
}

export interface MarkResult {
  /** Problem cells marked. */
  readonly marked: number;
  /** Sheets protected with a password: left unmarked. */
  readonly skipped: readonly string[];
}

/**
 * Marks every problem cell with a conditional format (red fill and font), one per sheet, never
 * touching the cells' own formats, so that removing the marks leaves the workbook exactly as it
 * was. Any marks of an earlier check are replaced in the same batch.
 */
export async function markProblems(
  context: Excel.RequestContext,
  problems: readonly Problem[],
): Promise<MarkResult> {
  const { changed, skipped } = await rewriteMarks(context, problemCells(problems));
  return { marked: [...changed.values()].reduce((sum, count) => sum + count, 0), skipped };
}

/**
 * Removes every mark thidua made, on every sheet, and nothing else: only custom conditional
 * formats whose rule is MARK_FORMULA (however Excel spells it back).
 */
export async function unmarkProblems(
  context: Excel.RequestContext,
): Promise<{ removed: number; skipped: string[] }> {
  const { removed, skipped } = await rewriteMarks(context, new Map());
  return { removed, skipped };
}

/** Excel.run that waits while the officer is editing a cell, rather than failing. */
export function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}
