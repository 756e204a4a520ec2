import { BC_SPEC, removeVietnameseMarks, WORKBOOK_SPECS } from "../../core/index";
import { loadExcelJs } from "../xlsx/load-exceljs";
import { buildTemplateWorkbook } from "../xlsx/write-template";
import type { Workbook } from "exceljs";
import type { FileBody } from "./plan";
import { writeWorkbookBytes } from "../xlsx/zip-repack";

/** The moment every sample workbook says it was made, like the templates (write-template.ts). */
const MADE_AT = new Date(Date.UTC(2026, 0, 1));

function buildPlainWorkbook(sheetName: string, rows: readonly (readonly (string | number)[])[]): Workbook {
  const ExcelJS = loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Microsoft Excel";
  workbook.created = MADE_AT;
  workbook.modified = MADE_AT;
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row) => sheet.addRow([...row]));
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getColumn(2).width = 50;
  sheet.getColumn(3).width = 20;
  return workbook;
}

/** A one-page PDF: what an officer sends when they renamed their scanned report to .xlsx. */
function buildPdf(title: string): Buffer {
  // PDF text strings are Latin-1: keep the title readable without its Vietnamese marks.
  const ascii = removeVietnameseMarks(title)
    .replace(/[^\x20-\x7e]/g, "?")
    .replace(/[()\\]/g, "");
  const stream = `BT /F1 12 Tf 56 780 Td (${ascii}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/**
 * What an officer does with the unprotected indicator sheet (its protection has no password):
 * deletes the instruction row above the header. Excel drops that row's merge with it.
 */
function deleteIndicatorInstructionRow(workbook: Workbook): Workbook {
  const keyed = BC_SPEC.keyedRows?.find((candidate) => candidate.keyKind === "indicatorCode");
  const sheet = keyed ? workbook.getWorksheet(keyed.sheet) : undefined;
  if (!keyed || !sheet) return workbook;
  const instructionRow = keyed.headerRow - 1;
  sheet.unMergeCells(`A${instructionRow}:${keyed.inputColumn}${instructionRow}`);
  (sheet as unknown as { sheetProtection: unknown }).sheetProtection = null;
  sheet.spliceRows(instructionRow, 1);
  return workbook;
}

/** The bytes of one sample file. */
export async function renderFile(body: FileBody): Promise<Buffer> {
  switch (body.type) {
    case "template":
      return writeWorkbookBytes(
        buildTemplateWorkbook(
          WORKBOOK_SPECS[body.kind],
          body.version === undefined ? { fill: body.fill } : { fill: body.fill, version: body.version },
        ),
      );
    case "plain":
      return writeWorkbookBytes(buildPlainWorkbook(body.sheet, body.rows));
    case "truncated": {
      const whole = await writeWorkbookBytes(
        buildTemplateWorkbook(WORKBOOK_SPECS[body.kind], { fill: body.fill }),
      );
      return whole.subarray(0, Math.floor(whole.byteLength * body.keepFraction));
    }
    case "pdf":
      return buildPdf(body.title);
    case "indicator_row_deleted":
      return writeWorkbookBytes(
        deleteIndicatorInstructionRow(buildTemplateWorkbook(BC_SPEC, { fill: body.fill })),
      );
  }
}
