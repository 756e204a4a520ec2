import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Registry } from "../../core/registry";
import { PROBLEM_CODES } from "../../core/problems";
import { workbookSnapshotSchema } from "../../core/snapshot";
import { readWorkbookSnapshot } from "../../scripts/xlsx/read-workbook";
import { loadRegistry } from "../../scripts/registry-loader";
import { validateFile, type FileValidation } from "../../scripts/validate-file";
import { CORPUS, VALID_CASES, type CorpusCase } from "../fixtures/bad/cases";
import { findMessageFaults } from "../fixtures/check-message";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { BAD_FIXTURES_DIR, REGISTRY_FILE, renderReadmeRow, writeCorpus } from "../fixtures/write-corpus";

let dir: string;
let registry: Registry;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "thidua-corpus-"));
  await writeCorpus(dir);
  registry = (await loadRegistry(join(dir, REGISTRY_FILE))).registry;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validateCase(corpusCase: CorpusCase): Promise<FileValidation> {
  return validateFile(join(dir, corpusCase.file), {
    config: { ...FIXTURE_CONFIG, ...corpusCase.config },
    registry: corpusCase.withRegistry === true ? registry : null,
    receivedAt: corpusCase.receivedAt === undefined ? null : Date.parse(corpusCase.receivedAt),
  });
}

describe("the bad-input corpus: each file gives exactly its problems, at its cells", () => {
  it.each(CORPUS.map((corpusCase) => [corpusCase.file, corpusCase] as const))(
    "%s",
    async (_file, corpusCase) => {
      const result = await validateCase(corpusCase);

      expect(
        result.problems.map(({ code, severity, sheet, cell }) => ({ code, severity, sheet, cell })),
      ).toEqual(corpusCase.expect);
      expect(
        result.problems.flatMap((found) => [
          ...findMessageFaults(found, "vi"),
          ...findMessageFaults(found, "en"),
        ]),
      ).toEqual([]);
      if (corpusCase.read?.fields) expect(result.document?.fields).toMatchObject(corpusCase.read.fields);
      for (const [table, rows] of Object.entries(corpusCase.read?.tables ?? {})) {
        expect(result.document?.tables[table]?.map((row) => row.values)).toMatchObject(rows);
      }
    },
  );

  it("has at least 20 kinds of bad input, each with its own file name", () => {
    const bad = CORPUS.filter((corpusCase) => corpusCase.expect.length > 0);
    expect(bad.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CORPUS.map((corpusCase) => corpusCase.file)).size).toBe(CORPUS.length);
  });

  it("covers every problem code a single file can produce", () => {
    const produced = new Set(
      CORPUS.flatMap((corpusCase) => corpusCase.expect.map((expected) => expected.code)),
    );
    // Not from one file's content: a fault of thidua's own (test/validate/validate-file.test.ts),
    // the registry's own duplicates, the consolidation's file-name hint, lateness by receipt time
    // (test/core/deadlines.test.ts).
    const elsewhere = [
      "FILE_CHECK_FAILED",
      // A file deleted at the source between listing and download (test/graph/faults.test.ts).
      "FILE_GONE",
      "REGISTRY_DUPLICATE_CODE",
      "UNIT_CODE_FILE_NAME_MISMATCH",
      "SUBMISSION_LATE",
      // The consolidation's and the source's own (test/consolidate/decisions.test.ts, accounted-for.test.ts).
      "UNIT_FROM_FILE_NAME",
      "FOLDER_UNREADABLE",
      "RECEIVED_TIMES_SHARED",
      // The registry's own rows (test/core/validate.test.ts, test/consolidate/registry-layout.test.ts).
      "REGISTRY_CODE_INVALID",
      "REGISTRY_ROW_HEADING",
      "REGISTRY_ROW_FOOTER",
      "REGISTRY_ROWS_BLANK",
      // OneDrive's own: versions, SharePoint's rewrites, bulk uploads (test/graph/strict-service.test.ts).
      "FILE_ALTERED_BY_SERVICE",
      "FILE_EDITED_LATER",
      "FILE_UNIT_VERSION_MISSING",
      "FILE_MODIFIED_BY_OTHER",
      "UPLOAD_TIMES_SHARED",
    ];
    expect(PROBLEM_CODES.filter((code) => !produced.has(code) && !elsewhere.includes(code))).toEqual([]);
  });

  it("every file the reader reads gives a snapshot the schema accepts, as validateFile trusts it unparsed", async () => {
    const refused: string[] = [];
    let read = 0;
    for (const corpusCase of [...CORPUS, ...VALID_CASES]) {
      const reading = await readWorkbookSnapshot(readFileSync(join(dir, corpusCase.file)));
      if (!reading.ok) continue;
      read += 1;
      const shape = workbookSnapshotSchema.safeParse(reading.snapshot);
      if (!shape.success) refused.push(`${corpusCase.file}: ${shape.error.issues[0]?.message ?? ""}`);
    }

    expect(refused).toEqual([]);
    expect(read).toBeGreaterThan(60);
  });

  it("is listed in bad/README.md, file by file, with the same codes and cells", () => {
    const readme = readFileSync(join(BAD_FIXTURES_DIR, "README.md"), "utf8");
    const missing = CORPUS.map(renderReadmeRow).filter((row) => !readme.includes(row));
    expect(missing).toEqual([]);
  });
});

describe("the valid controls", () => {
  it.each(VALID_CASES.map((corpusCase) => [corpusCase.file, corpusCase] as const))(
    "%s has no problem, even against the registry",
    async (_file, corpusCase) => {
      const result = await validateCase(corpusCase);

      expect(result.problems).toEqual([]);
      expect(result.unit).toEqual({ code: "SKHCN", name: "Sở Khoa học và Công nghệ", type: "CQ" });
    },
  );
});
