import { z } from "zod";

/**
 * The plain picture of a workbook that every adapter (exceljs in scripts/, Office.js in the
 * add-in) hands to the core. Values only: a formula arrives as its cached result with
 * `formula: true`, never as the formula text.
 */
export const cellValueSchema = z.discriminatedUnion("t", [
  z.object({ t: z.literal("s"), v: z.string(), formula: z.literal(true).optional() }),
  z.object({
    t: z.literal("n"),
    v: z.number(),
    percent: z.literal(true).optional(),
    formula: z.literal(true).optional(),
  }),
  z.object({ t: z.literal("b"), v: z.boolean(), formula: z.literal(true).optional() }),
  /** A date cell: the calendar date (and time, if any) as written, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS. */
  z.object({
    t: z.literal("d"),
    v: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?$/),
    formula: z.literal(true).optional(),
  }),
  /** An error value such as #REF! or #DIV/0!. */
  z.object({ t: z.literal("e"), v: z.string(), formula: z.literal(true).optional() }),
  /** A formula with no cached result (the file was never calculated). */
  z.object({ t: z.literal("z"), formula: z.literal(true) }),
]);
export type CellValue = z.infer<typeof cellValueSchema>;

export const sheetSnapshotSchema = z.object({
  name: z.string(),
  state: z.enum(["visible", "hidden", "veryHidden"]),
  /** A1 address → value; empty cells are absent. */
  cells: z.record(z.string(), cellValueSchema),
  /** Merged ranges such as "B4:C5". */
  merges: z.array(z.string()),
});
export type SheetSnapshot = z.infer<typeof sheetSnapshotSchema>;

export const workbookSnapshotSchema = z.object({
  sheets: z.array(sheetSnapshotSchema),
  date1904: z.boolean(),
});
export type WorkbookSnapshot = z.infer<typeof workbookSnapshotSchema>;

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((sheet) => sheet.name === name);
}
