import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BC_SPEC, indicatorFieldKey } from "../../core/template-spec/index";
import { validateFile } from "../../scripts/validate-file";
import { FIXTURE_CONFIG, bcFill, writeWorkbook } from "../fixtures/make-fixtures";
import { findTool, itWithTool } from "../support/tools";

/**
 * Issue 8, case 3, with LibreOffice doing the writing: a yearly report saved by LibreOffice as a
 * flat ODS, its Chỉ tiêu instruction row removed there (as deleting the row in Calc does: the row
 * and its merge go), then saved back to xlsx by LibreOffice. Figures stay with their codes.
 */

const SOFFICE = findTool("soffice") ?? "soffice";

let dir: string;

function convert(input: string, format: string, outDir: string): void {
  const profile = pathToFileURL(join(dir, `lo-${process.pid}-${Date.now()}`)).href;
  const run = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", format, "--outdir", outDir, input],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (run.error || run.status !== 0)
    throw new Error(
      `LibreOffice is needed for this test (apt-get install -y libreoffice-calc-nogui): ${run.error?.message ?? run.stderr}`,
    );
}

/** Removes the n-th row (1-based) of a sheet of a flat ODS document. */
function removeRow(fods: string, sheetName: string, row: number): string {
  const tableStart = fods.indexOf(`<table:table table:name="${sheetName}"`);
  if (tableStart < 0) throw new Error(`no sheet ${sheetName} in the flat ODS`);
  let start = tableStart;
  for (let index = 0; index < row; index += 1) {
    start = fods.indexOf("<table:table-row", start + 1);
    if (start < 0) throw new Error(`sheet ${sheetName} has fewer than ${row} rows`);
  }
  const end = fods.indexOf("</table:table-row>", start) + "</table:table-row>".length;
  return fods.slice(0, start) + fods.slice(end);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "thidua-lo-edit-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

itWithTool(
  "soffice",
  "a report whose instruction row LibreOffice deleted is read by code, with one warning",
  async () => {
    const original = join(dir, "bc.xlsx");
    writeFileSync(
      original,
      await writeWorkbook(
        BC_SPEC,
        bcFill({
          fields: {
            [indicatorFieldKey("ND1.SU_KIEN")]: 11,
            [indicatorFieldKey("ND1.NGUOI_THAM_GIA")]: 22,
            [indicatorFieldKey("ND3.TY_LE_HO_SO_TRUC_TUYEN")]: 77,
          },
        }),
      ),
    );
    convert(original, "fods", dir);
    const edited = join(dir, "edited");
    mkdirSync(edited);
    writeFileSync(
      join(edited, "bc.fods"),
      removeRow(readFileSync(join(dir, "bc.fods"), "utf8"), "Chỉ tiêu", 2),
    );
    const saved = join(dir, "saved");
    convert(join(edited, "bc.fods"), "xlsx", saved);

    const result = await validateFile(join(saved, "bc.xlsx"), {
      config: FIXTURE_CONFIG,
      registry: null,
      receivedAt: null,
    });

    expect(result.problems.map((problem) => `${problem.code} ${problem.sheet}!${problem.cell}`)).toEqual([
      "INDICATOR_ROWS_MOVED Chỉ tiêu!E3",
    ]);
    expect(result.document?.fields[indicatorFieldKey("ND1.SU_KIEN")]).toBe(11);
    expect(result.document?.fields[indicatorFieldKey("ND1.NGUOI_THAM_GIA")]).toBe(22);
    expect(result.document?.fields[indicatorFieldKey("ND3.TY_LE_HO_SO_TRUC_TUYEN")]).toBe(77);
  },
);
