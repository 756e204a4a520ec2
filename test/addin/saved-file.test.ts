import { formatSendMessage, SUBMISSION_SPECS } from "../../core/index";
import { readOpenWorkbook } from "../../addin/office/excel-workbook";
import { readDocumentFile, type FileDocument } from "../../addin/office/document-file";
import { checkSnapshot } from "../../addin/pane/check";
import { checkSavedFile, type CheckedWorkbook } from "../../addin/pane/saved-file";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { createContext, createDocument, type FakeWorkbook } from "./fake-excel";
import { hostFromExcelJs } from "./host-from-exceljs";
import { corpusBytes } from "../fixtures/corpus-bytes";

/**
 * "What is sent is what was checked" in Excel: the check reads the live workbook through the
 * Excel adapter (the fake host, loaded by exceljs: an independent reader); the send reads the
 * saved file through getFileAsync and the file reader. They must agree, and only then is it sent.
 */

async function openWorkbook(bytes: Uint8Array): Promise<FakeWorkbook> {
  const host = await hostFromExcelJs(bytes);
  if (host === null) throw new Error("exceljs could not load the workbook");
  return { ...host, savedBytes: bytes };
}

/** Kiểm tra in Excel: the live cells, validated. */
async function checkInExcel(host: FakeWorkbook): Promise<CheckedWorkbook> {
  const { snapshot } = await readOpenWorkbook(createContext(host));
  return checkSnapshot(snapshot, FIXTURE_CONFIG).validation;
}

function readSaved(host: FakeWorkbook): () => Promise<Uint8Array> {
  return () => readDocumentFile(createDocument(host) as unknown as FileDocument);
}

/** The plan's first task, where the check reads it (the spec's table, first data row). */
function firstTaskCell(): { sheet: string; address: string } {
  const tasks = SUBMISSION_SPECS.KH.tables.find((table) => table.key === "tasks")!;
  const column = tasks.columns.find((candidate) => candidate.key === "task")!;
  return { sheet: tasks.sheet, address: `${column.column}${tasks.firstDataRow}` };
}

/** A live edit the officer has not saved: `value` typed into a cell of `sheetName`. */
function editCell(host: FakeWorkbook, sheetName: string, address: string, value: string): void {
  const sheet = host.sheets.find((candidate) => candidate.name === sheetName)!;
  const cell = sheet.cells.get(address)!;
  sheet.cells.set(address, { ...cell, value, valueType: "String" });
}

describe("checkSavedFile", () => {
  it("an unchanged, saved workbook is the same: its saved bytes are the ones to send", async () => {
    const saved = await corpusBytes("kh-valid.xlsx");
    const host = await openWorkbook(saved);
    const checked = await checkInExcel(host);

    const result = await checkSavedFile(readSaved(host), checked, FIXTURE_CONFIG);

    expect(result.status).toBe("same");
    expect(result.status === "same" && Buffer.from(result.bytes).equals(Buffer.from(saved))).toBe(true);
    expect(host.openFiles).toBe(0);
  });

  it("a workbook with warnings, unchanged, is the same too (its problems are compared, and equal)", async () => {
    const host = await openWorkbook(await corpusBytes("kh-criterion-uncovered.xlsx"));
    const checked = await checkInExcel(host);
    expect(checked.problems.map((p) => p.code)).toEqual(["KH_CRITERION_UNCOVERED"]);

    expect((await checkSavedFile(readSaved(host), checked, FIXTURE_CONFIG)).status).toBe("same");
  });

  it("an edit not saved since the check differs, even one that leaves the problems as they were", async () => {
    const host = await openWorkbook(await corpusBytes("kh-valid.xlsx"));
    const { sheet, address } = firstTaskCell();
    editCell(host, sheet, address, "Số hóa hồ sơ (sửa, chưa lưu)");
    const checked = await checkInExcel(host);

    expect(checked.problems).toEqual([]);
    expect(await checkSavedFile(readSaved(host), checked, FIXTURE_CONFIG)).toEqual({ status: "differs" });
  });

  it("a row moved down (the same values, another sheet row) differs", async () => {
    const host = await openWorkbook(await corpusBytes("kh-valid.xlsx"));
    const checked = await checkInExcel(host);
    const moved = {
      ...checked,
      document: {
        ...checked.document!,
        tables: {
          ...checked.document!.tables,
          tasks: checked.document!.tables["tasks"]!.map((row) => ({ ...row, row: row.row + 1 })),
        },
      },
    };

    expect(await checkSavedFile(readSaved(host), moved, FIXTURE_CONFIG)).toEqual({ status: "differs" });
  });

  it("an unsaved edit to a cell the check does not read (a title) leaves what is counted the same", async () => {
    const host = await openWorkbook(await corpusBytes("kh-valid.xlsx"));
    const { sheet } = firstTaskCell();
    editCell(host, sheet, "A1", "NHIỆM VỤ TRIỂN KHAI (bản nháp)");
    const checked = await checkInExcel(host);

    expect((await checkSavedFile(readSaved(host), checked, FIXTURE_CONFIG)).status).toBe("same");
  });

  it("a file saved after the check, with other contents, differs", async () => {
    const host = await openWorkbook(await corpusBytes("kh-valid.xlsx"));
    const checked = await checkInExcel(host);
    host.savedBytes = await corpusBytes("kh-criterion-uncovered.xlsx");

    expect(await checkSavedFile(readSaved(host), checked, FIXTURE_CONFIG)).toEqual({ status: "differs" });
  });

  it("the same cells with other problems (a check under another configuration) differ", async () => {
    const host = await openWorkbook(await corpusBytes("kh-valid.xlsx"));
    const checked = await checkInExcel(host);
    const stale = {
      ...checked,
      problems: [
        ...checked.problems,
        { code: "REQUIRED_MISSING", severity: "error", sheet: null, cell: null, params: {} } as const,
      ],
    };

    expect(await checkSavedFile(readSaved(host), stale, FIXTURE_CONFIG)).toEqual({ status: "differs" });
  });

  it("a saved file the reader refuses is not the checked workbook", async () => {
    const host = await openWorkbook(await corpusBytes("kh-valid.xlsx"));
    const checked = await checkInExcel(host);
    host.savedBytes = new TextEncoder().encode("%PDF-1.7 not a workbook");

    expect(await checkSavedFile(readSaved(host), checked, FIXTURE_CONFIG)).toEqual({ status: "differs" });
  });

  it("Excel refusing the file is said in words, and nothing is compared", async () => {
    const host = await openWorkbook(await corpusBytes("kh-valid.xlsx"));
    const checked = await checkInExcel(host);
    host.openFiles = 2;

    const result = await checkSavedFile(readSaved(host), checked, FIXTURE_CONFIG);

    expect(result).toEqual({
      status: "unreadable",
      message: { code: "SEND_EXCEL_FILE_UNREADABLE", officeCode: 11000 },
    });
    expect(result.status === "unreadable" && formatSendMessage(result.message, "en")).toMatch(
      /another copy of the file/,
    );
  });
});
