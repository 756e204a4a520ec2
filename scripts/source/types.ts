/** One file in a source of submissions (a local folder or a OneDrive folder). */
export interface SourceEntry {
  /** Path relative to the source root, forward slashes: the name shown in every output. */
  readonly path: string;
  /** Epoch ms the file was received: modification time in a folder, upload time on OneDrive. */
  readonly receivedAt: number;
  readonly sizeBytes: number;
  /** Local absolute path, when the bytes can be read straight from disk (workers read it themselves). */
  readonly localPath: string | null;
}

/** Where submissions come from; the pipeline does not care which. Sources never modify what they read. */
export interface SubmissionSource {
  readonly description: string;
  list(): Promise<SourceEntry[]>;
  read(entry: SourceEntry): Promise<Uint8Array>;
}

/** Files a unit may send as its workbook; other files (signed PDF scans, images) are not submissions. */
export const SPREADSHEET_EXTENSIONS: readonly string[] = [".xlsx", ".xlsm", ".xls", ".xltx", ".ods", ".csv"];

export function isSpreadsheetName(name: string): boolean {
  const lower = name.toLowerCase();
  // Office lock files (~$name.xlsx) and hidden files are not submissions.
  if (lower.startsWith("~$") || lower.startsWith(".")) return false;
  return SPREADSHEET_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
