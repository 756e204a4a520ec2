import { classifySystemFileName, type FileOrigin, type LocalizedText, type Problem } from "../../core/index";

/** One file in a source of submissions (a local folder or a OneDrive folder). */
export interface SourceEntry {
  /** Path relative to the source root, forward slashes: the name shown in every output. */
  readonly path: string;
  /** Epoch ms the file was received: modification time in a folder, upload time on OneDrive. */
  readonly receivedAt: number;
  readonly sizeBytes: number;
  /** Local absolute path, when the bytes can be read straight from disk (workers read it themselves). */
  readonly localPath: string | null;
  /** Where the file lives when the source knows more than a path (OneDrive): shown in the outputs. */
  readonly origin?: FileOrigin;
  /** What the source itself found about the file (a version edited later, bytes SharePoint altered). */
  readonly problems?: readonly Problem[];
}

/** A file found in the source that is not handed over as a submission (a PDF scan, a Word file). */
export interface SourceOtherFile {
  readonly path: string;
  readonly receivedAt: number;
  readonly sizeBytes: number;
}

/** A place in the source that could not be read: which one, and the system's reason (EACCES…). */
export interface SourceProblem {
  readonly path: string;
  readonly reason: string;
}

/**
 * One file fetched: its bytes, or a local path that a validating thread reads itself (no copy
 * through the main thread), or `gone` when the source no longer has it (deleted after listing).
 */
export type FetchedFile =
  /** `entry` when the file changed since it was listed: the version read, with its own time and uploader. */
  | { readonly bytes: Uint8Array; readonly entry?: SourceEntry }
  | { readonly localPath: string }
  | { readonly gone: string };

/** Where submissions come from; the pipeline does not care which. Sources never modify what they read. */
export interface SubmissionSource {
  readonly description: string;
  /** What `receivedAt` is: a file's modification time (a local folder) or its upload time (OneDrive). */
  readonly receivedTimes: "modification_time" | "upload_time";
  /**
   * After entries() is exhausted: the files found that are not spreadsheets, and the folders that
   * could not be read. Every file under the source appears in an output; only OS and lock files are skipped.
   */
  listed?(): { readonly otherFiles: readonly SourceOtherFile[]; readonly problems: readonly SourceProblem[] };
  /** Files in flight at once (fetching or waiting for a validating thread); bounds memory and requests. */
  readonly concurrency: number;
  /** Every file, as the listing finds it (a remote listing pages; validation starts on the first page). */
  entries(): AsyncIterable<SourceEntry>;
  /** The bytes of one file; a fault that persists throws, a file deleted since the listing is `gone`. */
  fetch(entry: SourceEntry): Promise<FetchedFile>;
  /** Lines for the run log (deleted items, resyncs), gathered while listing and fetching. */
  readonly log?: readonly LocalizedText[];
}

/** Files a unit may send as its workbook; other files (signed PDF scans, images) are not submissions. */
export const SPREADSHEET_EXTENSIONS: readonly string[] = [
  ".xlsx",
  ".xlsm",
  ".xlsb",
  ".xls",
  ".xltx",
  ".ods",
  ".csv",
];

/**
 * Files the system or Office leaves beside real ones (the core knows them by name), and hidden
 * files: skipped without a word.
 */
export function isSystemFileName(name: string): boolean {
  return name.startsWith(".") || classifySystemFileName(name) !== null;
}

export function isSpreadsheetName(name: string): boolean {
  if (isSystemFileName(name)) return false;
  const lower = name.toLowerCase();
  return SPREADSHEET_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
