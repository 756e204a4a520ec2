import type { FileOrigin } from "../../core/index";

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
  /** Files in flight at once (fetching or waiting for a validating thread); bounds memory and requests. */
  readonly concurrency: number;
  /** Every file, as the listing finds it (a remote listing pages; validation starts on the first page). */
  entries(): AsyncIterable<SourceEntry>;
  /** The bytes of one file; a fault that persists throws, a file deleted since the listing is `gone`. */
  fetch(entry: SourceEntry): Promise<FetchedFile>;
  /** Lines for the run log (deleted items, resyncs), gathered while listing and fetching. */
  readonly log?: readonly string[];
}

/** Files a unit may send as its workbook; other files (signed PDF scans, images) are not submissions. */
export const SPREADSHEET_EXTENSIONS: readonly string[] = [".xlsx", ".xlsm", ".xls", ".xltx", ".ods", ".csv"];

export function isSpreadsheetName(name: string): boolean {
  const lower = name.toLowerCase();
  // Office lock files (~$name.xlsx) and hidden files are not submissions.
  if (lower.startsWith("~$") || lower.startsWith(".")) return false;
  return SPREADSHEET_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
