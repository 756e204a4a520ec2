import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  type MovementConfig,
  classifySystemFileName,
  createProblem,
  lockedFileName,
  type Problem,
  type Registry,
  validateSnapshot,
  type ValidationResult,
} from "../core/index";
import { readWorkbookSnapshot } from "./xlsx/read-workbook";

export interface FileValidation extends ValidationResult {
  readonly file: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export interface FileValidationOptions {
  readonly config: MovementConfig;
  readonly registry: Registry | null;
  readonly receivedAt: number | null;
}

function failedFile(file: string, bytes: Uint8Array | null, problem: Problem): FileValidation {
  return {
    file,
    sizeBytes: bytes?.byteLength ?? 0,
    sha256: bytes ? createHash("sha256").update(bytes).digest("hex") : "",
    kind: null,
    version: null,
    unit: null,
    period: null,
    document: null,
    problems: [problem],
  };
}

/**
 * Validates bytes already in memory (the consolidation reads them once for the hash too). A fault
 * of thidua's own while checking one file becomes that file's FILE_CHECK_FAILED, so that a run over
 * thousands of files goes on and says which file to report.
 */
export async function validateBytes(
  file: string,
  bytes: Uint8Array,
  options: FileValidationOptions,
): Promise<FileValidation> {
  try {
    const reading = await readWorkbookSnapshot(bytes);
    if (!reading.ok) return failedFile(file, bytes, reading.problem);
    // The reader builds the snapshot to its type (test/validate/corpus.test.ts holds it to the schema).
    const result = validateSnapshot(reading.snapshot, options);
    return {
      ...result,
      file,
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  } catch (error) {
    return checkFailed(file, bytes, error);
  }
}

/** The validation of a file that thidua itself failed to check: one FILE_CHECK_FAILED naming the fault. */
export function checkFailed(file: string, bytes: Uint8Array | null, error: unknown): FileValidation {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return failedFile(
    file,
    bytes,
    createProblem("FILE_CHECK_FAILED", "error", {}, { reason: reason.slice(0, 200) }),
  );
}

/** The validation of a file the source listed but no longer has: FILE_GONE, so it is listed, not lost. */
export function goneFile(file: string, reason: string): FileValidation {
  return failedFile(file, null, createProblem("FILE_GONE", "error", {}, { reason: reason.slice(0, 200) }));
}

/** Reads and validates one file. A file that cannot be read is a problem of that file, never a crash. */
export async function validateFile(file: string, options: FileValidationOptions): Promise<FileValidation> {
  // A lock file or an OS file is said to be one, by name: its bytes would only read as "not a workbook".
  const name = basename(file);
  const systemFile = classifySystemFileName(name);
  if (systemFile)
    return failedFile(
      file,
      null,
      createProblem(
        "FILE_SYSTEM_FILE",
        "error",
        {},
        { what: systemFile, owner: systemFile === "office_lock" ? lockedFileName(name) : null },
      ),
    );
  let bytes: Buffer;
  try {
    // Synchronous on purpose: callers read one file at a time (the CLI, or a validating worker
    // thread), and the promise form's thread-pool round trips cost more than a template's read.
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EIO";
    return failedFile(file, null, createProblem("FILE_UNREADABLE", "error", {}, { reason: code }));
  }
  return validateBytes(file, bytes, options);
}
