import type { MovementConfig, SendMessage, ValidationResult } from "../../core/index";
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

/** What the check of the open workbook found: its validation (the values it read, the problems). */
export type CheckedWorkbook = Pick<
  ValidationResult,
  "kind" | "version" | "unit" | "period" | "document" | "problems"
>;

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

/** Everything the check read and said, as plain values (the spec itself is code, left out). */
function whatWasChecked(checked: CheckedWorkbook): unknown {
  const { document } = checked;
  return {
    kind: checked.kind,
    version: checked.version,
    unit: checked.unit,
    period: checked.period,
    fields: document?.fields ?? null,
    // Rows keep their sheet row numbers: a row inserted or moved is a difference too.
    tables: document?.tables ?? null,
    layouts: document?.layouts ?? null,
    problems: checked.problems
      .map((p) => JSON.stringify([p.severity, p.code, p.sheet, p.cell, Object.entries(p.params).sort()]))
      .sort(),
  };
}

/**
 * Whether the saved file is the workbook the officer checked. There are no bytes of the live
 * workbook to compare with (Excel checks its cells, and only a save makes a file), so "the same"
 * means: the saved file, read by the file reader (the one the consolidation uses) and validated,
 * gives exactly what the check of the open workbook gave: kind, version, unit, period, every
 * value of the template's fields and table rows (with their row numbers), and the same problems.
 * A difference is an edit not saved, or one saved after the check: the check shown does not
 * describe the file, and the officer is asked to save and check again.
 * Why not the whole snapshot: Excel recalculates volatile formulas and reports formatting-only
 * cells its own way, so raw cells outside the template's input cells would make a real Excel say
 * "save first" on every send, while nothing counted or reported would differ.
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
  return (await holdsCheckedDocument(bytes, checked, config))
    ? { status: "same", bytes }
    : { status: "differs" };
}

/**
 * Whether `bytes`, read by the file reader and validated, give exactly what the check gave (see
 * checkSavedFile). Also how a file a SharePoint library rewrote on upload is known to be the one sent.
 */
export async function holdsCheckedDocument(
  bytes: Uint8Array,
  checked: CheckedWorkbook,
  config: MovementConfig,
): Promise<boolean> {
  const reading = await readChosenBytes(bytes);
  // A file the reader refuses (a workbook never saved as .xlsx) is not what was checked.
  if (!reading.ok) return false;
  const read = checkSnapshot(reading.snapshot, config).validation;
  return same(whatWasChecked(read), whatWasChecked(checked));
}
