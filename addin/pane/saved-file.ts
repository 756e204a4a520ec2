import type { MovementConfig, Problem, SendMessage, WorkbookSnapshot } from "../../core/index";
import { documentFileMessage } from "../office/document-file";
import { readChosenBytes } from "../standalone/read-file";
import { checkSnapshot } from "./check";

/** What the saved file turned out to be, against the check the officer saw. */
export type SavedFileCheck =
  /** The saved file is the checked workbook: these bytes may be sent. */
  | { readonly status: "same"; readonly bytes: Uint8Array }
  /** Unsaved edits (or a save since the check): the check says nothing about these bytes. */
  | { readonly status: "differs" }
  /** Excel would not hand the file over. */
  | { readonly status: "unreadable"; readonly message: SendMessage };

/** What the check of the open workbook found. */
export interface CheckedWorkbook {
  readonly snapshot: WorkbookSnapshot;
  readonly problems: readonly Problem[];
}

/** Deep equality of plain JSON values; object keys in any order (two readers list cells differently). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Excel lists merged areas in its own order, the file in its own: a set, compared sorted. */
function comparable(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => ({ ...sheet, merges: [...sheet.merges].sort() })),
  };
}

function problemKeys(problems: readonly Problem[]): string[] {
  return problems
    .map((p) => JSON.stringify([p.severity, p.code, p.sheet, p.cell, Object.entries(p.params).sort()]))
    .sort();
}

/**
 * Whether the saved file is the workbook the officer checked. There are no bytes of the live
 * workbook to compare with (Excel checks its cells, and only a save makes a file), so "the same"
 * means: the saved file, read by the file reader (the CLI's, the one the consolidation uses),
 * gives the same snapshot as the open workbook gave at the check (every sheet, its visibility,
 * every cell value, the merged areas as a set, the date system) and the same problems. The two
 * readers agree on an unchanged workbook (test/addin/conformance.test.ts, the whole corpus), so a
 * difference is an edit not saved, or one saved after the check: either way the check shown does
 * not describe the file, and the officer is asked to save and check again. The problems are
 * compared too, although today they follow from the cells: whatever else the validation comes
 * to depend on, what is sent must be what was reported.
 */
export async function checkSavedFile(
  readSaved: () => Promise<Uint8Array>,
  checked: CheckedWorkbook,
  config: MovementConfig,
): Promise<SavedFileCheck> {
  let bytes: Uint8Array;
  try {
    bytes = await readSaved();
  } catch (error) {
    return { status: "unreadable", message: documentFileMessage(error) };
  }
  const reading = await readChosenBytes(bytes);
  // A saved file the reader refuses (a workbook never saved as .xlsx) is not what was checked.
  if (!reading.ok) return { status: "differs" };
  if (!same(comparable(reading.snapshot), comparable(checked.snapshot))) return { status: "differs" };
  const problems = checkSnapshot(reading.snapshot, config).validation.problems;
  if (!same(problemKeys(problems), problemKeys(checked.problems))) return { status: "differs" };
  return { status: "same", bytes };
}
