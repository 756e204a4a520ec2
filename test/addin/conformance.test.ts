import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateWorkbook, type Problem, type WorkbookSnapshot } from "../../core/index";
import { readOpenWorkbook } from "../../addin/office/excel-workbook";
import { runSample } from "../../scripts/commands/sample";
import { readWorkbookSnapshot } from "../../scripts/xlsx/read-workbook";
import { CORPUS, VALID_CASES } from "../fixtures/bad/cases";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { writeCase } from "../fixtures/write-corpus";
import { KNOWN_DIFFERENCES } from "../xlsx/exceljs-oracle";
import { buildPlan, CONFIG } from "../../bench/plan";
import { createContext, WEB_PAYLOAD_LIMIT_BYTES } from "./fake-excel";
import { hostFromExcelJs } from "./host-from-exceljs";

/**
 * The Excel adapter and the file reader must see the same workbook. The fake host's cells come
 * from exceljs (an independent reader), with values as Excel's API returns them; the snapshot
 * the adapter builds from them must equal the one xlsx-read builds from the file's bytes, and
 * both must give the same problems.
 */

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "thidua-conformance-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Merges in a stable order: Excel lists merged areas in its own order, the file in its own. */
function normalise(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => ({ ...sheet, merges: [...sheet.merges].sort() })),
  };
}

function problemKeys(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.severity} ${p.code} ${p.sheet ?? "-"}!${p.cell ?? "-"}`).sort();
}

/** Returns whether the file was compared (files refused on their bytes never reach Excel). */
async function compare(file: string, bytes: Uint8Array): Promise<boolean> {
  const reading = await readWorkbookSnapshot(bytes);
  if (!reading.ok) return false;
  const host = await hostFromExcelJs(bytes);
  if (host === null) return false;
  const context = createContext(host);

  const { snapshot: fromExcel } = await readOpenWorkbook(context);

  // Sheets, their sizes, merged areas, then the cells of a small file in one or two responses
  // (a sheet's first block is 250 rows, measured before the rest is sized).
  expect(context.syncs).toBeLessThanOrEqual(5);
  expect({ file, snapshot: normalise(fromExcel) }).toEqual({
    file,
    snapshot: normalise(reading.snapshot),
  });
  const options = { config: FIXTURE_CONFIG };
  expect({ file, problems: problemKeys(validateWorkbook(fromExcel, options).problems) }).toEqual({
    file,
    problems: problemKeys(validateWorkbook(reading.snapshot, options).problems),
  });
  return true;
}

describe("the Excel adapter reads what the file reader reads", () => {
  it("for every workbook of the bad-input corpus", async () => {
    let compared = 0;
    for (const corpusCase of [...CORPUS, ...VALID_CASES]) {
      if (KNOWN_DIFFERENCES[corpusCase.file]) continue;
      const path = await writeCase(dir, corpusCase);
      if (await compare(corpusCase.file, readFileSync(path))) compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(45);
  });

  it("for every file of a 30-unit sample province", async () => {
    const sample = await runSample({ units: 30, out: join(dir, "sample") });
    const files = readdirSync(sample.submissionsDir, { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile(),
    );
    let compared = 0;
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      if (await compare(path, readFileSync(path))) compared += 1;
    }
    expect(compared).toBeGreaterThan(40);
  }, 120_000);
});

describe("a big workbook on Excel on the web", () => {
  it("checks a 20,000-row plan within Excel on the web's 5 MB rule", async () => {
    const plan = await hostFromExcelJs(await buildPlan(20_000));
    if (plan === null) throw new Error("exceljs could not load the plan");
    const web = { ...plan, platform: "web" as const };
    const context = createContext(web);

    const { snapshot } = await readOpenWorkbook(context);

    // Valid but for its length: the plan's task table holds 5,000 rows, and the check says so.
    expect(
      validateWorkbook(snapshot, { config: CONFIG }).problems.map((p) => `${p.code} ${p.sheet}!${p.cell}`),
    ).toEqual(["TABLE_TOO_LONG Nhiệm vụ!A5004"]);
    expect(Math.max(...web.responses!)).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    // Far more than one response could hold, in a handful of syncs.
    expect(web.responses!.reduce((a, b) => a + b)).toBeGreaterThan(WEB_PAYLOAD_LIMIT_BYTES);
    expect(context.syncs).toBeLessThan(15);
  }, 120_000);
});
