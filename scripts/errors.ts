import { type LocalizedText, type Language } from "../core/index";

/**
 * The caller used the CLI wrongly (unknown option, missing argument, unwritable output): exit code 2.
 * Each carries Vietnamese and English wording, shown in the language the user chose; `message` is
 * the English one.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly localized: LocalizedText;
  constructor(message: LocalizedText, options?: { cause?: unknown }) {
    super(message.en, options);
    this.localized = message;
  }

  /** The wording for the language the user chose. */
  messageIn(language: Language): string {
    return this.localized[language];
  }
}
