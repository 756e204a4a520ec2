/// <reference types="office-js" />
import type { Problem } from "../../core/index";
import {
  IN_WORKBOOK_REQUIREMENT,
  markProblems,
  type MarkResult,
  type OpenWorkbookRead,
  type SelectOutcome,
  readOpenWorkbook,
  runInExcel,
  selectProblem,
  unmarkProblems,
} from "../office/excel-workbook";
import { readDocumentFile } from "../office/document-file";

/** What the pane can ask of Excel; absent in standalone mode. */
export interface ExcelHost {
  /** False on an Excel older than ExcelApi 1.13: the pane then checks a chosen file instead. */
  readonly canReadWorkbook: boolean;
  /**
   * False where Excel cannot hand over its file as .xlsx (no CompressedFile set: Excel on iPad): the
   * pane then says to send from the standalone page instead of offering a send that cannot work.
   */
  readonly canReadSavedFile: boolean;
  readSnapshot(): Promise<OpenWorkbookRead>;
  select(problem: Problem): Promise<SelectOutcome>;
  mark(problems: readonly Problem[]): Promise<MarkResult>;
  unmark(): Promise<{ removed: number; skipped: readonly string[] }>;
  /** Opens a bundled blank template as a new workbook (ExcelApi 1.8). */
  openTemplate(bytes: ArrayBuffer): Promise<void>;
  /**
   * The workbook's file as last saved (Document.getFileAsync, Compressed), not the live cells:
   * throws a DocumentFileError when Excel will not hand it over.
   */
  readSavedFile(): Promise<Uint8Array>;
}

export type PaneHost =
  { readonly mode: "excel"; readonly excel: ExcelHost } | { readonly mode: "standalone" };

/** How long the pane waits for Office before it settles for standalone mode (it may switch later). */
export const OFFICE_TIMEOUT_MS = 3000;

function toBase64(bytes: ArrayBuffer): string {
  let binary = "";
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

function excelHost(): ExcelHost {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  return {
    canReadWorkbook: supports(IN_WORKBOOK_REQUIREMENT.version),
    canReadSavedFile: Office.context.requirements.isSetSupported("CompressedFile", "1.1"),
    readSnapshot: () => runInExcel(readOpenWorkbook),
    select: (problem) => runInExcel((context) => selectProblem(context, problem)),
    mark: (problems) => runInExcel((context) => markProblems(context, problems)),
    unmark: () => runInExcel(unmarkProblems),
    openTemplate: async (bytes) => {
      if (!supports("1.8")) throw new Error("ExcelApi 1.8");
      await Excel.createWorkbook(toBase64(bytes));
    },
    readSavedFile: () => readDocumentFile(Office.context.document),
  };
}

function findOffice(): typeof Office | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office !== undefined && typeof office.onReady === "function" ? office : undefined;
}

/** Whether a page still has an office.js script that has neither run nor failed (always false outside a page). */
function officeScriptPending(): boolean {
  const doc = (globalThis as { document?: Document }).document;
  if (doc === undefined) return false;
  const script = Array.from(doc.scripts).find((element) => /office(\.debug)?\.js($|\?)/.test(element.src));
  return script === undefined ? doc.readyState === "loading" : script.dataset["failed"] !== "true";
}

/**
 * Excel when office.js loaded and Office says so within the timeout; standalone otherwise (plain
 * browser, office.js blocked or unreachable): the pane never waits longer than OFFICE_TIMEOUT_MS.
 */
export async function detectHost(timeoutMs = OFFICE_TIMEOUT_MS): Promise<PaneHost> {
  const deadline = Date.now() + timeoutMs;
  // office.js is fetched first but async (taskpane.html): wait for it to appear, within the timeout.
  let office = findOffice();
  while (office === undefined && Date.now() < deadline && officeScriptPending()) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    office = findOffice();
  }
  if (office === undefined) return { mode: "standalone" };
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => resolve(null), Math.max(0, deadline - Date.now())),
  );
  const info = await Promise.race([office.onReady().catch(() => null), timeout]);
  if (info !== null && info.host === office.HostType.Excel) return { mode: "excel", excel: excelHost() };
  return { mode: "standalone" };
}

/**
 * After a standalone verdict, Office may still answer (a cold cache or a slow network in Excel on
 * the web): while office.js is on its way, keep listening, and hand the Excel host over when Office
 * says it is Excel. Outside Office (a plain browser, office.js refused) nothing ever comes.
 */
export function whenOfficeLate(onExcel: (host: PaneHost) => void, pollMs = 250): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = () => {
    if (stopped) return;
    const office = findOffice();
    if (office !== undefined) {
      office
        .onReady()
        .then((info) => {
          if (!stopped && info.host === office.HostType.Excel) onExcel({ mode: "excel", excel: excelHost() });
        })
        .catch(() => undefined);
      return;
    }
    if (officeScriptPending()) timer = setTimeout(poll, pollMs);
  };
  poll();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
