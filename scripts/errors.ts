import { type LocalizedText, type Language } from "../core/index";

/**
 * The caller used the CLI wrongly (unknown option, missing argument, unwritable output): exit code 2.
 * Most carry Vietnamese and English wording, shown in the language the user chose; `message` is
 * the English one. Those not yet translated are in English.
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
