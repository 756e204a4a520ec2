import type ExcelJSModule from "exceljs";

let cached: typeof ExcelJSModule | null = null;

/** exceljs costs ~200 ms to require: load it once per process or worker, and only when needed. */
export function loadExcelJs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require("exceljs") as typeof ExcelJSModule;
  return cached;
}
