import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { consolidationJsonSchema, planReminders, type ConsolidationReport } from "../../core/index";
import type { SampleManifest } from "../../scripts/sample/manifest";
import { runCli } from "../cli/run-cli";
import { sampleConsolidateArgs } from "../support/consolidated-sample";

/**
 * Year two, as Sở Nội vụ runs it: one shared folder keeps 2026's files and, under 2027/, 2027's
 * reports and nominations (two `thidua sample` years, same units). With no config edit, a run as
 * of 25/11/2027 counts the plans sent in 2026, the 2027 reports, and nothing of 2026's reports;
 * a run as of 25/11/2026 still gives 2026's figures exactly.
 */
const UNITS = 20;

function readManifest(dir: string): SampleManifest {
  return JSON.parse(readFileSync(join(dir, "sample-manifest.json"), "utf8")) as SampleManifest;
}

async function consolidateJson(
  dir: string,
  asOf: string,
  extra: string[] = [],
): Promise<ConsolidationReport> {
  const run = await runCli([
    ...sampleConsolidateArgs(dir, asOf),
    "--out",
    join(dir, `tong-hop-${asOf.slice(0, 4)}-${extra.join("")}.xlsx`),
    "--json",
    ...extra,
  ]);
  if (run.code !== 0) throw new Error(`thidua consolidate failed: ${run.stderr}`);
  return consolidationJsonSchema.parse(JSON.parse(run.stdout));
}

function statusesOf(report: ConsolidationReport, kind: string): string[] {
  return report.units
    .filter((unit) => unit.kind === kind)
    .map((unit) => `${unit.code}: ${unit.status}`)
    .sort();
}

function expectedOf(manifest: SampleManifest, kind: string): string[] {
  return manifest.units
    .filter((unit) => unit.kind === kind)
    .map((unit) => `${unit.code}: ${unit.expectedStatus}`)
    .sort();
}

describe("the movement's five years: one shared folder, year after year", () => {
  const root = mkdtempSync(join(tmpdir(), "thidua-years-"));
  const shared = join(root, "2026");
  const second = join(root, "2027");
  let manifest2026: SampleManifest;
  let manifest2027: SampleManifest;
  let year2027: ConsolidationReport;

  beforeAll(async () => {
    for (const [year, out] of [
      ["2026", shared],
      ["2027", second],
    ] as const) {
      const sample = await runCli(["sample", "--units", String(UNITS), "--year", year, "--out", out]);
      if (sample.code !== 0) throw new Error(sample.stderr);
    }
    manifest2026 = readManifest(shared);
    manifest2027 = readManifest(second);
    // Files that arrived after 2026's as-of moment would count by 2027: the 2026 manifest cannot say
    // what they make of their unit, so they leave the folder (a plan resent late is tested elsewhere).
    for (const file of manifest2026.files)
      if (file.expectedOutcome === "after_as_of") unlinkSync(join(shared, file.file));
    // 2027 brings reports and nominations; plans were sent once, in 2026.
    const submissions2027 = join(second, manifest2027.submissionsDir);
    for (const entry of readdirSync(submissions2027, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const inside = relative(submissions2027, path);
      if (inside.startsWith("KH")) continue;
      cpSync(path, join(shared, manifest2026.submissionsDir, "2027", inside), { preserveTimestamps: true });
    }
    year2027 = await consolidateJson(shared, manifest2027.asOf);
  }, 240_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("as of 25/11/2027 counts the year 2027 by default, the plans sent in 2026 as they were judged then", () => {
    expect(year2027.year).toBe(2027);
    expect(statusesOf(year2027, "KH")).toEqual(expectedOf(manifest2026, "KH"));
    expect(
      year2027.units.filter((unit) => unit.kind === "KH").every((unit) => unit.period === "KH:GD1"),
    ).toBe(true);
  });

  it("counts 2027's reports only: statuses as the 2027 sample planned them, 2026's reports listed as another period", () => {
    expect(statusesOf(year2027, "BC")).toEqual(expectedOf(manifest2027, "BC"));
    expect(
      year2027.units.filter((unit) => unit.kind === "BC").every((unit) => unit.period === "BC:2027"),
    ).toBe(true);
    const reports2026 = year2027.files.filter((file) => file.period === "BC:2026");
    expect(reports2026.length).toBeGreaterThan(UNITS / 2);
    expect(new Set(reports2026.map((file) => file.outcome))).toEqual(new Set(["other_period"]));
    // No 2026 report is anyone's chosen file for 2027.
    const chosen = new Set(year2027.units.map((unit) => unit.file));
    expect(reports2026.filter((file) => chosen.has(file.file))).toEqual([]);
  });

  it("adds up over what is due, and the totals per period agree", () => {
    const totals = year2027.totals!;
    const bc = year2027.totalsByPeriod.find((entry) => entry.period === "BC:2027")!.totals;
    const kh = year2027.totalsByPeriod.find((entry) => entry.period === "KH:GD1")!.totals;
    expect(totals.expected).toBe(2 * UNITS);
    expect(bc.received + kh.received).toBe(totals.received);
    expect(totals.notDue).toBe(0);
  });

  it("sets each unit's 2026 and 2027 reports side by side (Qua các năm)", () => {
    expect(year2027.acrossYears?.years).toEqual([2026, 2027]);
    const perYear = year2027.acrossYears!.totals;
    const missing2026 = manifest2026.units.filter(
      (unit) => unit.kind === "BC" && unit.expectedStatus === "missing",
    );
    expect(perYear.find((entry) => entry.year === 2026)?.totals.missing).toBe(missing2026.length);
    const missing2027 = manifest2027.units.filter(
      (unit) => unit.kind === "BC" && unit.expectedStatus === "missing",
    );
    expect(perYear.find((entry) => entry.year === 2027)?.totals.missing).toBe(missing2027.length);
  });

  it("reminds no unit of last year's report and no plan that was sent", () => {
    const plan = planReminders(year2027);
    const items = [...plan.reminders, ...plan.unreachable].flatMap((reminder) =>
      reminder.items.map((item) => `${reminder.unit.code}/${item.period}: ${item.status}`),
    );
    expect(items.filter((item) => item.includes("BC:2026"))).toEqual([]);
    const khReminded = items.filter((item) => item.includes("KH:GD1")).sort();
    const khExpected = manifest2026.units
      .filter((unit) => unit.kind === "KH" && unit.expectedStatus !== "on_time")
      .map((unit) => `${unit.code}/KH:GD1: ${unit.expectedStatus}`)
      .sort();
    expect(khReminded).toEqual(khExpected);
  });

  it("as of 25/11/2026 the same folder still gives 2026's figures exactly (2027's files not yet received)", async () => {
    const year2026 = await consolidateJson(shared, manifest2026.asOf);
    expect(year2026.year).toBe(2026);
    expect(statusesOf(year2026, "KH")).toEqual(expectedOf(manifest2026, "KH"));
    expect(statusesOf(year2026, "BC")).toEqual(expectedOf(manifest2026, "BC"));
  });

  it("--year 2026 as of 2027 gives 2026's reports as judged (nothing of 2027 counted for 2026)", async () => {
    const back = await consolidateJson(shared, manifest2027.asOf, ["--year", "2026"]);
    expect(back.year).toBe(2026);
    expect(statusesOf(back, "BC")).toEqual(expectedOf(manifest2026, "BC"));
    // Those the 2027 sample received after its as-of moment stay "after the as-of moment".
    const reports2027 = back.files.filter(
      (file) => file.period === "BC:2027" && file.outcome !== "after_as_of",
    );
    expect(reports2027.length).toBeGreaterThan(UNITS / 2);
    expect(new Set(reports2027.map((file) => file.outcome))).toEqual(new Set(["other_period"]));
  });
});
