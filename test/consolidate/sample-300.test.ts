import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SampleManifest } from "../../scripts/sample/manifest";
import { inspectWorkbookBytes } from "../../xlsx-read/index";
import { inflateWithZlib } from "../../scripts/xlsx/node-inflate";
import { openZipParts } from "../../xlsx-read/index";
import { sampleConsolidateArgs } from "../support/consolidated-sample";

/**
 * The acceptance check, end to end through the compiled CLI as a user runs it:
 * `thidua sample --units 300`, then `thidua consolidate --json` over its folder (worker threads,
 * local folder source, received time = modification time). Every file's outcome and every unit's
 * status equal what sample-manifest.json says, and the sources are left untouched.
 */

const CLI = join(__dirname, "..", "..", "dist", "scripts", "cli.js");

interface ConsolidationJson {
  asOf: string;
  totals: {
    expected: number;
    received: number;
    onTime: number;
    late: number;
    invalid: number;
    missing: number;
    reportingRate: number;
    onTimeRate: number;
  };
  units: { code: string; kind: string; status: string; file: string | null; duplicates: string[] }[];
  files: { file: string; outcome: string; unit: string | null; problems: { code: string }[] }[];
}

function thidua(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, TZ: "UTC" } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

function snapshotFolder(root: string): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const stats = statSync(path);
    seen[path] = `${stats.size}:${stats.mtimeMs}`;
  }
  return seen;
}

/** Every part of a written workbook as text: its content, whatever the zip's own timestamps. */
async function readWorkbookParts(path: string): Promise<Record<string, string>> {
  const bytes = readFileSync(path);
  const inspection = await inspectWorkbookBytes(bytes);
  if (!inspection.ok) throw new Error(`${path}: ${inspection.code}`);
  const parts = openZipParts(bytes, inspection.locations, inflateWithZlib);
  return Object.fromEntries(
    [...inspection.locations.keys()].sort().map((name) => [name, parts.text(name) ?? ""]),
  );
}

describe("thidua consolidate over `thidua sample --units 300`", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-300-"));
  let manifest: SampleManifest;
  let result: ConsolidationJson;
  let sourcesBefore: Record<string, string>;
  let rerun: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does)`);
    const sample = await thidua(["sample", "--units", "300", "--out", dir]);
    expect(sample).toMatchObject({ code: 0 });
    manifest = JSON.parse(readFileSync(join(dir, "sample-manifest.json"), "utf8")) as SampleManifest;
    sourcesBefore = snapshotFolder(join(dir, "submissions"));
    // The consolidation on all cores, then again into another folder on one worker.
    const consolidateInto = (folder: string, extra: readonly string[] = []) =>
      thidua([
        ...sampleConsolidateArgs(dir, manifest.asOf),
        "--out",
        join(folder, "tong-hop.xlsx"),
        "--report",
        join(folder, "bao-cao.html"),
        "--json",
        ...extra,
      ]);
    const run = await consolidateInto(dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    result = JSON.parse(run.stdout) as ConsolidationJson;
    rerun = await consolidateInto(join(dir, "again"), ["--workers", "1"]);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has a province of 300 units and some 600 files", () => {
    expect(new Set(manifest.units.map((unit) => unit.code)).size).toBe(300);
    expect(manifest.files.length).toBeGreaterThan(600);
  });

  it("gives every file the outcome the manifest says", () => {
    const prefix = `${manifest.submissionsDir}/`;
    const found = Object.fromEntries(result.files.map((file) => [prefix + file.file, file.outcome]));
    expect(found).toEqual(
      Object.fromEntries(manifest.files.map((file) => [file.file, file.expectedOutcome])),
    );
  });

  it("gives every expected unit and kind the status the manifest says", () => {
    const found = result.units.map((unit) => `${unit.code}/${unit.kind}: ${unit.status}`).sort();
    expect(found).toEqual(
      manifest.units.map((unit) => `${unit.code}/${unit.kind}: ${unit.expectedStatus}`).sort(),
    );
  });

  it("adds up: the totals and rates agree with the unit statuses", () => {
    const count = (status: string): number => result.units.filter((unit) => unit.status === status).length;
    const received = result.units.length - count("missing") - count("not_due");
    const due = result.units.length - count("not_due");
    expect(result.totals).toEqual({
      expected: result.units.length,
      received,
      onTime: count("on_time"),
      late: count("late"),
      invalid: count("invalid"),
      missing: count("missing"),
      notDue: count("not_due"),
      due,
      reportingRate: Math.round((received / due) * 1000) / 10,
      onTimeRate: Math.round((count("on_time") / due) * 1000) / 10,
    });
    expect(result.asOf).toBe(new Date(manifest.asOf).toISOString());
  });

  it("attributes each file to the unit coded inside it", () => {
    const prefix = `${manifest.submissionsDir}/`;
    const found = Object.fromEntries(result.files.map((file) => [prefix + file.file, file.unit]));
    expect(found).toEqual(Object.fromEntries(manifest.files.map((file) => [file.file, file.unit])));
  });

  it("gives the same output content for the same input and as-of, whatever the number of threads", async () => {
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toBe(JSON.stringify(result, null, 2) + "\n");
    expect(readFileSync(join(dir, "again", "bao-cao.html"), "utf8")).toBe(
      readFileSync(join(dir, "bao-cao.html"), "utf8"),
    );
    expect(await readWorkbookParts(join(dir, "again", "tong-hop.xlsx"))).toEqual(
      await readWorkbookParts(join(dir, "tong-hop.xlsx")),
    );
  });

  it("leaves every submitted file as it was (size and modification time)", () => {
    expect(snapshotFolder(join(dir, "submissions"))).toEqual(sourcesBefore);
  });
});
