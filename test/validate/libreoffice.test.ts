import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { formatProblem } from "../../core/messages/index";
import type { Registry } from "../../core/registry";
import { loadRegistry } from "../../scripts/registry-loader";
import { validateFile, type FileValidation } from "../../scripts/validate-file";
import { readWorkbookSnapshot } from "../../scripts/xlsx/read-workbook";
import { CORPUS, VALID_CASES, type CorpusCase } from "../fixtures/bad/cases";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { REGISTRY_FILE, writeCorpus } from "../fixtures/write-corpus";
import { KNOWN_DIFFERENCES, readSnapshotWithExcelJs } from "../xlsx/exceljs-oracle";
import { describeWithTool, findTool } from "../support/tools";

/**
 * Units open the template in LibreOffice as often as in Excel. A workbook re-saved by
 * LibreOffice (`soffice --headless --convert-to xlsx`) must validate exactly like the original:
 * same problems (code, severity, sheet, cell, params) and the same values read.
 */

// Skipped where LibreOffice is missing (one line says so at the end of the run), failing under CI=true.
const SOFFICE = findTool("soffice") ?? "soffice";

/**
 * Every workbook of the corpus, except the files LibreOffice cannot open as workbooks (the
 * FILE_* ones) and one it changes on purpose: it calculates a formula that has no cached
 * result, which is what FORMULA_NO_RESULT asks the officer to do.
 */
const ROUND_TRIPPED: readonly CorpusCase[] = [
  ...VALID_CASES,
  ...CORPUS.filter(
    (corpusCase) =>
      corpusCase.expect.every((expected) => !expected.code.startsWith("FILE_")) &&
      corpusCase.file !== "formula-no-result.xlsx",
  ),
];

let dir: string;
let registry: Registry;

function convertWithLibreOffice(inputs: readonly string[], outDir: string, format = "xlsx"): void {
  const version = spawnSync(SOFFICE, ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) {
    throw new Error(
      `LibreOffice is needed for this test and "${SOFFICE}" cannot run (${version.error?.message ?? version.stderr}). Install it: apt-get install -y libreoffice-calc-nogui`,
    );
  }
  // A throwaway profile: no user settings, and no clash with another soffice running.
  const profile = pathToFileURL(join(dir, `lo-${process.pid}-${Date.now()}`)).href;
  const run = spawnSync(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", format, "--outdir", outDir, ...inputs],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${run.status ?? run.signal}): ${run.stderr}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "thidua-lo-"));
  const inDir = join(dir, "in");
  mkdirSync(inDir);
  mkdirSync(join(dir, "out"));
  await writeCorpus(inDir);
  const inputs = [REGISTRY_FILE, ...ROUND_TRIPPED.map((corpusCase) => corpusCase.file)].map((file) =>
    join(inDir, file),
  );
  convertWithLibreOffice(inputs, join(dir, "out"));
  // LibreOffice's own default format, which a unit may send by mistake.
  mkdirSync(join(dir, "ods"));
  convertWithLibreOffice([join(inDir, "kh-valid.xlsx")], join(dir, "ods"), "ods");
  registry = (await loadRegistry(join(inDir, REGISTRY_FILE))).registry;
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validateIn(folder: "in" | "out", corpusCase: CorpusCase): Promise<FileValidation> {
  return validateFile(join(dir, folder, corpusCase.file), {
    config: { ...FIXTURE_CONFIG, ...corpusCase.config },
    registry: corpusCase.withRegistry === true ? registry : null,
    receivedAt: corpusCase.receivedAt === undefined ? null : Date.parse(corpusCase.receivedAt),
  });
}

describeWithTool("soffice", "a workbook re-saved by LibreOffice validates exactly like the original", () => {
  it.each(ROUND_TRIPPED.map((corpusCase) => [corpusCase.file, corpusCase] as const))(
    "%s",
    async (file, corpusCase) => {
      expect(existsSync(join(dir, "out", file))).toBe(true);
      const original = await validateIn("in", corpusCase);
      const resaved = await validateIn("out", corpusCase);

      expect(resaved.problems).toEqual(original.problems);
      expect(resaved.problems.map((problem) => problem.code)).toEqual(
        corpusCase.expect.map((expected) => expected.code),
      );
      expect(resaved.document).toEqual(original.document);
      expect(resaved.unit).toEqual(original.unit);
    },
  );

  it("thidua's reader and exceljs read the same values from every re-saved workbook", async () => {
    for (const file of [REGISTRY_FILE, ...ROUND_TRIPPED.map((corpusCase) => corpusCase.file)].filter(
      (name) => !KNOWN_DIFFERENCES[name],
    )) {
      const bytes = await readFile(join(dir, "out", file));
      const reading = await readWorkbookSnapshot(bytes);

      expect({ file, snapshot: reading.ok ? reading.snapshot : reading.problem }).toEqual({
        file,
        snapshot: await readSnapshotWithExcelJs(bytes),
      });
    }
  });

  it("really went through LibreOffice: the very hidden stamp comes back only hidden", async () => {
    const reading = await readWorkbookSnapshot(await readFile(join(dir, "out", "kh-valid.xlsx")));
    if (!reading.ok) throw new Error("unreadable");
    expect(reading.snapshot.sheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ["Thông tin", "visible"],
      ["Nhiệm vụ", "visible"],
      ["Tiêu chí", "visible"],
      ["DanhMuc", "hidden"],
      ["_thidua", "hidden"],
    ]);
  });

  it('keeps the 1904 date system, which LibreOffice writes date1904="true" (exceljs alone reads only "1")', async () => {
    const reading = await readWorkbookSnapshot(await readFile(join(dir, "out", "date-1904.xlsx")));

    expect(reading.ok && reading.snapshot.date1904).toBe(true);
  });

  it("reads the registry of units it re-saved into the same units", async () => {
    const resaved = await loadRegistry(join(dir, "out", REGISTRY_FILE));

    expect(resaved.registry.units).toEqual(registry.units);
    expect(resaved.problems).toEqual([]);
  });
});

describeWithTool("soffice", "a workbook saved in LibreOffice's own format", () => {
  it("is FILE_NOT_WORKBOOK, detected as ods, with a message saying to save it as .xlsx", async () => {
    const validation = await validateFile(join(dir, "ods", "kh-valid.ods"), {
      config: FIXTURE_CONFIG,
      registry: null,
      receivedAt: null,
    });

    expect(validation.problems).toMatchObject([{ code: "FILE_NOT_WORKBOOK", params: { detected: "ods" } }]);
    expect(formatProblem(validation.problems[0]!, "vi")).toContain("Excel Workbook (.xlsx)");
  });
});

describeWithTool("soffice", "the round trip is no formality", () => {
  it("converts more than the valid files: at least 40 workbooks, most of them with problems", () => {
    expect(ROUND_TRIPPED.length).toBeGreaterThanOrEqual(40);
    expect(ROUND_TRIPPED.filter((corpusCase) => corpusCase.expect.length > 0).length).toBeGreaterThanOrEqual(
      30,
    );
  });
});
