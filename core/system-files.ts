/**
 * Files an operating system or Office leaves beside the workbooks: never a submission. Known by
 * name alone, so that what they are can be said without opening them.
 */
export type SystemFileKind = "office_lock" | "thumbnail_cache" | "folder_settings" | "mac_folder_settings";

/** What a file is by its name (the last part of its path), or null for an ordinary file. */
export function classifySystemFileName(name: string): SystemFileKind | null {
  const lower = name.toLowerCase();
  // Excel writes "~$KH_SNV.xlsx" beside KH_SNV.xlsx while it is open, holding the editor's name.
  if (lower.startsWith("~$")) return "office_lock";
  if (lower === "thumbs.db" || lower === "ehthumbs.db") return "thumbnail_cache";
  if (lower === "desktop.ini") return "folder_settings";
  if (lower === ".ds_store" || lower.startsWith("._")) return "mac_folder_settings";
  return null;
}

/** The workbook a lock file stands for: "~$KH_SNV.xlsx" → "KH_SNV.xlsx" (Excel may drop one letter more). */
export function lockedFileName(name: string): string {
  return name.slice(2);
}
