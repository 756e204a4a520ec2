import { createProblem, type Problem, type WorkbookSnapshot } from "../core/index";
import type { Inflate } from "./inflate";
import { DEFAULT_INSPECT_LIMITS, inspectWorkbookBytes, type InspectLimits } from "./inspect-file";
import { PackageStructureError, readSpreadsheetPackage } from "./sheetml/read-package";
import { openZipParts, ZipEntryError } from "./zip-parts";

export type SnapshotReading =
  | { readonly ok: true; readonly snapshot: WorkbookSnapshot }
  | { readonly ok: false; readonly problem: Problem };

export interface ReadBytesOptions {
  /** node:zlib in the CLI, fflate in the browser. */
  readonly inflate: Inflate;
  readonly limits?: InspectLimits;
}

function isPackageError(error: unknown): error is Error {
  return error instanceof ZipEntryError || error instanceof PackageStructureError;
}

/**
 * Reads a submitted file's bytes into the snapshot the core validates, or says precisely why it
 * cannot. The bytes are checked first (not a zip, encrypted, truncated, zip bomb); then only the
 * parts holding values are inflated and scanned (workbook, relationships, shared strings,
 * styles, worksheets), in time linear in their size. Never writes anything; runs in Node and in
 * a browser alike.
 */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  options: ReadBytesOptions,
): Promise<SnapshotReading> {
  const inspection = await inspectWorkbookBytes(
    bytes,
    options.limits ?? DEFAULT_INSPECT_LIMITS,
    options.inflate,
  );
  if (!inspection.ok)
    return { ok: false, problem: createProblem(inspection.code, "error", {}, inspection.params) };
  try {
    const parts = openZipParts(bytes, inspection.locations, options.inflate);
    return { ok: true, snapshot: readSpreadsheetPackage(parts, inspection.workbookPart) };
  } catch (error) {
    if (!isPackageError(error)) throw error;
    return {
      ok: false,
      problem: createProblem("FILE_UNREADABLE", "error", {}, { reason: error.message.slice(0, 200) }),
    };
  }
}
