import { randomBytes } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { stream } from "exceljs";
import type { ConsolidationResult, Language } from "../../core/index";
import { makeOutputFolder, toOutputError } from "../io/output-folder";
import { loadExcelJsWorkbookWriter } from "../xlsx/load-exceljs";
import { SHEET_KEYS, type SheetKey } from "./labels";
import { createContext, type WorkbookContext } from "./workbook/context";
import { addFilterDatabaseNames, type FilterRange, writeTableSheet } from "./workbook/engine";
import { acrossYearsSheet } from "./workbook/across-years";
import { followUpSheet } from "./workbook/follow-up";
import { indicatorsSheet } from "./workbook/indicators";
import { logSheet } from "./workbook/log";
import { nominationsSheet } from "./workbook/nominations";
import { overviewSheet } from "./workbook/overview";
import { problemsSheet } from "./workbook/problems";
import { statusesSheet } from "./workbook/statuses";
import { tasksSheet } from "./workbook/tasks";

type SheetWriter = (workbook: stream.xlsx.WorkbookWriter, context: WorkbookContext) => Promise<FilterRange>;

/** How each sheet is built; SHEET_KEYS gives their order. */
const SHEET_WRITERS: Readonly<Record<SheetKey, SheetWriter>> = {
  overview: (workbook, context) => writeTableSheet(workbook, overviewSheet(context)),
  statuses: (workbook, context) => writeTableSheet(workbook, statusesSheet(context)),
  followUp: (workbook, context) => writeTableSheet(workbook, followUpSheet(context)),
  tasks: (workbook, context) => writeTableSheet(workbook, tasksSheet(context)),
  indicators: (workbook, context) => writeTableSheet(workbook, indicatorsSheet(context)),
  acrossYears: (workbook, context) => writeTableSheet(workbook, acrossYearsSheet(context)),
  nominations: (workbook, context) => writeTableSheet(workbook, nominationsSheet(context)),
  problems: (workbook, context) => writeTableSheet(workbook, problemsSheet(context)),
  log: (workbook, context) => writeTableSheet(workbook, logSheet(context)),
};

/** Opens the temporary file before exceljs gets it, so that an unwritable place fails here, not in a stray 'error' event. */
async function openTemporary(path: string): Promise<{ stream: WriteStream; failed: Promise<never> }> {
  const stream = createWriteStream(path, { flags: "wx" });
  let rejectFailed: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    rejectFailed = reject;
  });
  failed.catch(() => undefined);
  stream.on("error", (error) => rejectFailed(error));
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", reject);
  });
  return { stream, failed };
}

/**
 * Writes the province-wide workbook for Sở Nội vụ with exceljs's streaming writer (rows are
 * committed as they are written, so memory stays flat however many files came in) into `file`,
 * which must not exist yet (a temporary file: see writeOutputPair and writeConsolidatedWorkbook).
 *
 * Sheets: Tổng quan, Tình hình nộp, Chưa nộp, Nhiệm vụ, Chỉ tiêu, Qua các năm, Khen thưởng, Lỗi, Nhật ký.
 * Values only: every string is a string cell, never a formula or a link. `language` chooses every
 * word: sheet names, titles, headers, labels and the problem messages in *Lỗi*.
 */
export async function writeConsolidatedWorkbookFile(
  result: ConsolidationResult,
  file: string,
  language: Language = "vi",
): Promise<void> {
  const WorkbookWriter = loadExcelJsWorkbookWriter();
  const { stream, failed } = await openTemporary(file);
  const workbook = new WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  // The same input and as-of give the same content: no wall-clock time goes into the file.
  workbook.creator = "thidua";
  workbook.lastModifiedBy = "thidua";
  workbook.created = new Date(result.asOf);
  workbook.modified = new Date(result.asOf);
  const context = createContext(result, language);
  const write = async (): Promise<void> => {
    // One sheet after another: the zip takes its entries in order, so a sheet is complete before the next starts.
    const filters: FilterRange[] = [];
    for (const key of SHEET_KEYS) filters.push(await SHEET_WRITERS[key](workbook, context));
    addFilterDatabaseNames(workbook, filters);
    await workbook.commit();
  };
  await Promise.race([write(), failed]);
}

/** Writes the workbook whole or not at all: a temporary file beside `path`, renamed over it once complete. */
export async function writeConsolidatedWorkbook(
  result: ConsolidationResult,
  path: string,
  language: Language = "vi",
): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await makeOutputFolder(folder);
    await writeConsolidatedWorkbookFile(result, temporary, language);
    await rename(temporary, path);
  } catch (error) {
    // rm's force only forgives ENOENT; when the folder itself is impossible, the first error is the one to report.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw toOutputError(path, error);
  }
}
