import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { INDICATORS } from "../../core/catalogue/indicators";
import { resolveConfig, type MovementConfig } from "../../core/config";
import { indicatorFieldKey } from "../../core/template-spec/index";
import { consolidate } from "../../core/consolidate/consolidate";
import { FILE_OUTCOMES, UNIT_STATUSES, type SubmittedFile } from "../../core/consolidate/types";
import type { Registry } from "../../core/registry";
import { runSample, type SampleOptions, type SampleSummary } from "../../scripts/commands/sample";
import { validateSubmission } from "../../scripts/consolidate/validate-submission";
import { loadRegistry } from "../../scripts/registry-loader";
import { isSpreadsheetName } from "../../scripts/source/types";
import type { ExpectedProblem, SampleManifest } from "../../scripts/sample/manifest";
import { validateFile, type FileValidation } from "../../scripts/validate-file";
import { describeFullLayer, itFullLayer } from "../support/tools";

/**
 * `thidua sample` at N = 20: a small province that still shows every outcome. Each file is
 * validated as the product validates it; the manifest says what each must produce.
 */

const UNITS = 20;

function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  return found.sort();
}

function hashFiles(root: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(root).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(join(root, file)))
        .digest("hex"),
    ]),
  );
}

function readManifest(summary: SampleSummary): SampleManifest {
  return JSON.parse(readFileSync(summary.manifest, "utf8")) as SampleManifest;
}

function where(problem: { code: string; sheet: string | null; cell: string | null }): string {
  return `${problem.code} @ ${problem.sheet ?? "(file)"}!${problem.cell ?? "-"}`;
}

function errorsOf(validation: FileValidation): string[] {
  return validation.problems
    .filter((problem) => problem.severity === "error")
    .map(where)
    .sort();
}

function expectedErrors(expected: readonly ExpectedProblem[]): string[] {
  return expected
    .filter((problem) => problem.severity === "error")
    .map(where)
    .sort();
}

const tempRoot = mkdtempSync(join(tmpdir(), "thidua-sample-"));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

async function sampleInto(
  name: string,
  options: Omit<SampleOptions, "out"> = { units: UNITS },
): Promise<SampleSummary> {
  // In this thread: under jest there is no compiled worker (the worker path is tested on dist/ below).
  return runSample({ workers: 0, ...options, out: join(tempRoot, name) });
}

describe("thidua sample (N = 20, seed 1)", () => {
  let summary: SampleSummary;
  let manifest: SampleManifest;
  let config: MovementConfig;
  let registry: Registry;
  const validations = new Map<string, FileValidation>();

  beforeAll(async () => {
    summary = await sampleInto("first");
    manifest = readManifest(summary);
    const configFile = JSON.parse(readFileSync(summary.config, "utf8")) as Parameters<
      typeof resolveConfig
    >[0];
    config = resolveConfig(configFile, {}, Date.parse(manifest.asOf));
    ({ registry } = await loadRegistry(summary.registry));
    for (const file of manifest.files) {
      validations.set(
        file.file,
        await validateFile(join(tempRoot, "first", file.file), {
          config,
          registry,
          receivedAt: Date.parse(file.receivedAt),
        }),
      );
    }
  });

  it("writes the config the product reads, and a registry of N units with no problem", async () => {
    // No period in the config: the year is the as-of date's, so one config serves all five years.
    expect(JSON.parse(readFileSync(summary.config, "utf8"))).toEqual({ provincialPlanDate: "2026-05-05" });
    expect(manifest.config).toEqual({ provincialPlanDate: "2026-05-05" });
    const { problems } = await loadRegistry(summary.registry);
    expect(problems).toEqual([]);
    expect(registry.units).toHaveLength(UNITS);
    expect(summary.units).toBe(UNITS);
    expect(new Set(registry.units.map((unit) => unit.type))).toEqual(new Set(["CQ", "MT", "DN"]));
    expect(registry.units.map((unit) => unit.code)).toEqual(
      expect.arrayContaining(["SNV", "SKHCN", "SNNMT", "MTTQ"]),
    );
  });

  it("covers every file outcome and, for KH and BC each, every unit status", () => {
    const outcomes = new Set(manifest.files.map((file) => file.expectedOutcome));
    expect([...FILE_OUTCOMES].filter((outcome) => !outcomes.has(outcome))).toEqual([]);
    for (const kind of ["KH", "BC"] as const) {
      const statuses = new Set(
        manifest.units.filter((unit) => unit.kind === kind).map((unit) => unit.expectedStatus),
      );
      // The as-of moment (25/11) is past every deadline of the year: nothing is not yet due.
      expect([...UNIT_STATUSES].filter((status) => status !== "not_due" && !statuses.has(status))).toEqual(
        [],
      );
    }
    const scenarios = new Set(manifest.files.map((file) => file.scenario));
    for (const scenario of [
      "misnamed",
      "late_document_date",
      "superseded_invalid",
      "old_template",
      "truncated",
      "pdf_renamed",
    ] as const)
      expect(scenarios).toContain(scenario);
    const defects = new Set(manifest.files.map((file) => file.defect));
    const codes = new Set(
      manifest.files.flatMap((file) => file.expectedProblems.map((problem) => problem.code)),
    );
    for (const code of [
      "REQUIRED_MISSING",
      "DATE_IMPOSSIBLE",
      "NUMBER_NEGATIVE",
      "PERCENT_OUT_OF_RANGE",
      "ENUM_UNKNOWN",
      "DNKT_FLAG_FOR_INDIVIDUAL",
      "DNKT_KHAC_NEEDS_EVIDENCE",
      "KH_CRITERION_OTHER_TYPE",
      "DOC_NUMBER_INVALID",
      "BC_YEAR_MISMATCH",
      "TEMPLATE_VERSION_OLD",
      "UNIT_UNKNOWN",
      "TEMPLATE_STAMP_MISSING",
      "FILE_TRUNCATED",
      "FILE_NOT_ZIP",
      "KH_ISSUED_AFTER_DEADLINE",
      "BC_DATED_AFTER_DEADLINE",
    ] as const) {
      expect(codes).toContain(code);
    }
    expect(defects.size).toBeGreaterThanOrEqual(15);
  });

  it("lists every registry unit once for KH and once for BC", () => {
    const expected = registry.units.flatMap((unit) => [`${unit.code}/KH`, `${unit.code}/BC`]).sort();
    expect(manifest.units.map((unit) => `${unit.code}/${unit.kind}`).sort()).toEqual(expected);
  });

  it("writes exactly the manifest's files, each with its received time as modification time, before the as-of moment but the ones resent after it", () => {
    expect(listFiles(summary.submissionsDir).map((file) => `submissions/${file}`)).toEqual(
      manifest.files.map((file) => file.file),
    );
    expect(summary.files).toBe(manifest.files.length);
    const asOf = Date.parse(manifest.asOf);
    for (const file of manifest.files) {
      expect({
        file: file.file,
        mtime: Math.floor(statSync(join(tempRoot, "first", file.file)).mtimeMs),
      }).toEqual({ file: file.file, mtime: Date.parse(file.receivedAt) });
      expect({ file: file.file, afterAsOf: Date.parse(file.receivedAt) > asOf }).toEqual({
        file: file.file,
        afterAsOf: file.expectedOutcome === "after_as_of",
      });
    }
    expect(manifest.files.some((file) => file.file.startsWith("submissions/BC/cum-3/"))).toBe(true);
  });

  it("puts the yearly report's deadline edge at 16:59:59Z (on time) and 17:00:00Z (late) on 14/11", () => {
    const edges = manifest.files.filter(
      (file) => file.scenario === "deadline_edge_on_time" || file.scenario === "deadline_edge_late",
    );
    expect(edges.map((file) => [file.receivedAt, file.expectedOutcome]).sort()).toEqual([
      ["2026-11-14T16:59:59.000Z", "on_time"],
      ["2026-11-14T17:00:00.000Z", "late"],
    ]);
  });

  it("validates every on-time and late file with no error; lateness shows as the product computes it", () => {
    const accepted = manifest.files.filter(
      (file) => file.expectedOutcome === "on_time" || file.expectedOutcome === "late",
    );
    expect(accepted.length).toBeGreaterThan(UNITS);
    for (const file of accepted) {
      const validation = validations.get(file.file)!;
      expect({ file: file.file, errors: errorsOf(validation) }).toEqual({ file: file.file, errors: [] });
      const warnings = validation.problems.filter((problem) => problem.severity === "warning").map(where);
      for (const problem of file.expectedProblems)
        expect({ file: file.file, warnings }).toEqual({
          file: file.file,
          warnings: expect.arrayContaining([where(problem)]),
        });
      const lateByReceipt = warnings.some((warning) => warning.startsWith("SUBMISSION_LATE"));
      expect({ file: file.file, lateByReceipt }).toEqual({
        file: file.file,
        lateByReceipt: file.expectedOutcome === "late" && file.expectedProblems.length === 0,
      });
      // Valid files cover every criterion of their type and report something.
      expect(
        warnings.filter((warning) => /CRITERION_UNCOVERED|NO_INDICATORS|DNKT_ROUND_MISMATCH/.test(warning)),
      ).toEqual([]);
    }
  });

  it("makes every other file produce exactly its expected errors, at the cells the spec gives", () => {
    const rejected = manifest.files.filter(
      (file) =>
        file.expectedOutcome !== "on_time" &&
        file.expectedOutcome !== "late" &&
        file.expectedOutcome !== "after_as_of" &&
        // Another period's file, valid for its own period (listed, not counted for this one).
        file.expectedOutcome !== "other_period" &&
        // Not submissions: a template left blank, a PDF scan beside a workbook (never read).
        file.expectedOutcome !== "blank_template" &&
        file.expectedOutcome !== "not_a_spreadsheet",
    );
    for (const file of rejected) {
      const expected = expectedErrors(file.expectedProblems);
      if (file.expectedOutcome !== "duplicate")
        expect({ file: file.file, expected: expected.length > 0 }).toEqual({
          file: file.file,
          expected: true,
        });
      expect({ file: file.file, errors: errorsOf(validations.get(file.file)!) }).toEqual({
        file: file.file,
        errors: expected,
      });
    }
  });

  it("reads the report whose indicator rows were shifted (instruction row deleted) by code: the figures written", () => {
    const shifted = manifest.files.filter((file) => file.scenario === "shifted_indicators");
    expect(shifted.map((file) => [file.kind, file.expectedOutcome])).toEqual([["BC", "on_time"]]);
    for (const file of shifted) {
      const fields = validations.get(file.file)!.document?.fields ?? {};
      const read = Object.fromEntries(
        INDICATORS.flatMap((indicator) => {
          const value = fields[indicatorFieldKey(indicator.code)];
          return typeof value === "number" ? [[indicator.code, value]] : [];
        }),
      );
      expect(Object.keys(read).length).toBeGreaterThan(3);
      expect(read).toEqual(file.expectedIndicators);
    }
  });

  it("attributes each template file to the unit the manifest names (the code in the workbook)", () => {
    for (const file of manifest.files) {
      expect({ file: file.file, unit: validations.get(file.file)!.unit?.code ?? null }).toEqual({
        file: file.file,
        // A file attributed by its name alone has no code the validator can read.
        unit: file.attribution === "file_name" ? null : file.unit,
      });
    }
  });

  it("names a misnamed file after another registered unit, and never uses a code the registry lacks for a registered unit", () => {
    for (const file of manifest.files.filter((entry) => entry.scenario === "misnamed")) {
      expect(file.fileNameUnit).toBeDefined();
      expect(file.fileNameUnit).not.toBe(file.unit);
      expect(file.file).toContain(`_${file.fileNameUnit}`);
      expect(registry.byCode.has(file.fileNameUnit!)).toBe(true);
    }
    for (const file of manifest.files.filter((entry) => entry.expectedOutcome === "unknown_unit"))
      expect(registry.byCode.has(file.unit!)).toBe(false);
  });

  it("is what the consolidation finds: every file's outcome, every unit's status, the misnamed files flagged", async () => {
    const files: SubmittedFile[] = [];
    const prefix = `${manifest.submissionsDir}/`;
    // As the local folder source does: spreadsheets are validated, other files only listed.
    const others = manifest.files.filter((file) => !isSpreadsheetName(file.file));
    for (const file of manifest.files.filter((entry) => isSpreadsheetName(entry.file))) {
      const localPath = join(tempRoot, "first", file.file);
      const path = file.file.slice(`${manifest.submissionsDir}/`.length);
      files.push(
        await validateSubmission(
          { path, receivedAt: Math.floor(statSync(localPath).mtimeMs), localPath, bytes: null },
          config,
          registry,
        ),
      );
    }
    const result = consolidate({
      files,
      registry,
      config,
      asOf: Date.parse(manifest.asOf),
      source: "sample",
      listing: {
        otherFiles: others.map((file) => ({
          file: file.file.slice(prefix.length),
          receivedAt: Date.parse(file.receivedAt),
          sizeBytes: 0,
        })),
        unreadableFolders: [],
        receivedTimes: "modification_time",
      },
    });
    expect(Object.fromEntries(result.files.map((file) => [prefix + file.file, file.outcome]))).toEqual(
      Object.fromEntries(manifest.files.map((file) => [file.file, file.expectedOutcome])),
    );
    expect(
      result.statuses.map((status) => `${status.unit.code}/${status.kind}: ${status.status}`).sort(),
    ).toEqual(manifest.units.map((unit) => `${unit.code}/${unit.kind}: ${unit.expectedStatus}`).sort());
    const flagged = result.files
      .filter((file) => file.problems.some((problem) => problem.code === "UNIT_CODE_FILE_NAME_MISMATCH"))
      .map((file) => prefix + file.file);
    expect(flagged.sort()).toEqual(
      manifest.files
        .filter((file) => file.scenario === "misnamed")
        .map((file) => file.file)
        .sort(),
    );
  });

  itFullLayer(
    "gives the same manifest and the same bytes for the same seed, and another province for another seed",
    async () => {
      const again = await sampleInto("again");
      expect(readFileSync(again.manifest, "utf8")).toBe(readFileSync(summary.manifest, "utf8"));
      expect(hashFiles(join(tempRoot, "again"))).toEqual(hashFiles(join(tempRoot, "first")));
      const other = readManifest(await sampleInto("other-seed", { units: UNITS, seed: 2 }));
      expect(other.files.map((file) => [file.file, file.receivedAt])).not.toEqual(
        manifest.files.map((file) => [file.file, file.receivedAt]),
      );
    },
  );

  itFullLayer(
    "replaces a previous sample in the same folder, and refuses a folder that is not one",
    async () => {
      const replaced = await runSample({ units: 20, out: join(tempRoot, "first-copy"), workers: 0 });
      const smaller = await runSample({ units: 20, out: join(tempRoot, "first-copy"), seed: 3, workers: 0 });
      expect(listFiles(smaller.submissionsDir).map((file) => `submissions/${file}`)).toEqual(
        readManifest(smaller).files.map((file) => file.file),
      );
      expect(replaced.units).toBe(20);
      rmSync(smaller.manifest);
      await expect(runSample({ units: 20, out: join(tempRoot, "first-copy"), workers: 0 })).rejects.toThrow(
        /not a previous sample/,
      );
    },
  );
});

// The CLI writes with worker threads, which run compiled JavaScript: this part needs `npm run build`
// (which `npm test` runs first), so it belongs to the full layer. It checks that the threads write the very same files.
const compiled = join(__dirname, "..", "..", "dist", "scripts", "commands", "sample.js");
describeFullLayer("thidua sample on worker threads (dist/)", () => {
  it("writes byte-identical files to the in-thread run (rebuild with `npm run build` if this fails after a change)", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(compiled) as { runSample: typeof runSample };
    const threaded = await built.runSample({ units: UNITS, out: join(tempRoot, "threads"), workers: 2 });
    const inThread = await sampleInto("in-thread");
    expect(readFileSync(threaded.manifest, "utf8")).toBe(readFileSync(inThread.manifest, "utf8"));
    expect(hashFiles(join(tempRoot, "threads"))).toEqual(hashFiles(join(tempRoot, "in-thread")));
  });
});
