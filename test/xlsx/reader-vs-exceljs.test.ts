import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkbookSnapshot } from "../../core/snapshot";
import { runSample } from "../../scripts/commands/sample";
import { readWorkbookSnapshot } from "../../scripts/xlsx/read-workbook";
import { CORPUS, VALID_CASES } from "../fixtures/bad/cases";
import { writeCase } from "../fixtures/write-corpus";
import { itFullLayer } from "../support/tools";
import { KNOWN_DIFFERENCES, readSnapshotWithExcelJs } from "./exceljs-oracle";

/**
 * thidua reads submissions with its own SheetML reader (scripts/xlsx/sheetml); exceljs, read
 * independently, is the oracle. Every workbook exceljs can load must give the same snapshot:
 * the committed templates, every case of the bad-input corpus, every file of a sample province.
 * (LibreOffice re-saves are compared in test/validate/libreoffice.test.ts.)
 */

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "thidua-reader-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function compare(file: string, bytes: Uint8Array): Promise<void> {
  const reading = await readWorkbookSnapshot(bytes);
  // Files refused on their bytes alone (not a zip, encrypted, zip bomb…) never reached exceljs either.
  if (!reading.ok && reading.problem.code !== "FILE_UNREADABLE") return;
  const oracle = await readSnapshotWithExcelJs(bytes);
  if (oracle === null) {
    // exceljs could not load it: ours must refuse it too, with a located reason.
    expect({ file, ok: reading.ok }).toEqual({ file, ok: false });
    return;
  }
  const snapshot: WorkbookSnapshot | string = reading.ok ? reading.snapshot : reading.problem.code;
  expect({ file, snapshot }).toEqual({ file, snapshot: oracle });
}

describe("thidua's reader reads what exceljs reads", () => {
  it("from the four committed templates", async () => {
    const folder = join(__dirname, "../../templates");
    const files = readdirSync(folder).filter((name) => name.endsWith(".xlsx"));
    expect(files).toHaveLength(4);
    for (const file of files) await compare(file, readFileSync(join(folder, file)));
  });

  itFullLayer("from every workbook of the bad-input corpus", async () => {
    let compared = 0;
    for (const corpusCase of [...CORPUS, ...VALID_CASES]) {
      if (KNOWN_DIFFERENCES[corpusCase.file]) continue;
      const path = await writeCase(dir, corpusCase);
      await compare(corpusCase.file, readFileSync(path));
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(55);
  });

  itFullLayer(
    "from every file of a 30-unit sample province",
    async () => {
      const sample = await runSample({ units: 30, out: join(dir, "sample") });
      const files = readdirSync(sample.submissionsDir, { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile(),
      );
      expect(files.length).toBeGreaterThan(50);
      for (const entry of files) {
        const path = join(entry.parentPath, entry.name);
        await compare(path, readFileSync(path));
      }
    },
    60_000,
  );
});
