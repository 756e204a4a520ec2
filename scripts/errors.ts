import { type LocalizedText, type Language } from "../core/index";

/**
 * The caller used the CLI wrongly (unknown option, missing argument, unwritable output): exit code 2.
 * Errors an officer meets in daily use (a folder, a registry, an output path) carry Vietnamese and
 * English wording; `message` is the English one. Errors about flag syntax are in English only.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly localized: LocalizedText | null;
  constructor(message: string | LocalizedText, options?: { cause?: unknown }) {
    super(typeof message === "string" ? message : message.en, options);
    this.localized = typeof message === "string" ? null : message;
  }

  /** The wording for the language the user chose. */
  messageIn(language: Language): string {
    return this.localized ? this.localized[language] : this.message;
  }
}

/** A file could not be read for a reason that is not the submission's fault (I/O). */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
