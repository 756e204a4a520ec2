/** The caller used the CLI wrongly (unknown option, missing argument, unwritable output): exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A file could not be read for a reason that is not the submission's fault (I/O). */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(readonly file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
