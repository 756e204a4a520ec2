import type ExcelJSModule from "exceljs";

let cached: typeof ExcelJSModule | null = null;

/** exceljs costs ~200 ms to require: load it once per process or worker, and only when needed. */
export function loadExcelJs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require("exceljs") as typeof ExcelJSModule;
  return cached;
}

let cachedWriter: typeof ExcelJSModule.stream.xlsx.WorkbookWriter | null = null;

/**
 * The streaming workbook writer alone, for a process that only writes (the consolidation's main
 * thread): the whole of exceljs also loads its readers (unzipper and its helpers), ~290 ms of CPU
 * more. The same class as `loadExcelJs().stream.xlsx.WorkbookWriter`.
 */
export function loadExcelJsWorkbookWriter(): typeof ExcelJSModule.stream.xlsx.WorkbookWriter {
  cachedWriter ??=
    cached?.stream.xlsx.WorkbookWriter ??
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("exceljs/lib/stream/xlsx/workbook-writer") as typeof ExcelJSModule.stream.xlsx.WorkbookWriter);
  return cachedWriter;
}
