import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalFolderSource } from "../scripts/source/local-folder";
import { loadExcelJs } from "../scripts/xlsx/load-exceljs";
import { runSample } from "../scripts/commands/sample";

/**
 * Consolidation of a 1,000-unit sample province against the time merely to load the same files
 * with exceljs one by one in one thread, both measured in this run. Prints the ratio and peak RSS.
 */
async function loadAllOneByOne(paths: readonly string[], options: object | undefined): Promise<number> {
  const ExcelJS = loadExcelJs();
  const started = performance.now();
  for (const path of paths) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer, options as never);
    } catch {
      // Unreadable sample files fail fast in exceljs too; the baseline counts the attempt.
    }
  }
  return performance.now() - started;
}

async function runBench(): Promise<void> {
  const units = Number(process.env.BENCH_UNITS ?? 1000);
  const folder = mkdtempSync(join(tmpdir(), "thidua-bench-"));
  try {
    // Every unit sends its plan, its report and a nomination: about three files a unit, as the issue sizes it.
    const sample = await runSample({ units, out: folder, nominatingShare: 1 });
    const entries = await createLocalFolderSource(sample.submissionsDir).list();
    const paths = entries.map((entry) => entry.localPath ?? "");
    const manifest = JSON.parse(readFileSync(sample.manifest, "utf8")) as { asOf: string };

    const baselineMs = await loadAllOneByOne(paths, undefined);
    const baselineNoValidationsMs = await loadAllOneByOne(paths, { ignoreNodes: ["dataValidations"] });

    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      [
        join(__dirname, "consolidate-child.js"),
        "consolidate",
        "--source",
        sample.submissionsDir,
        "--registry",
        sample.registry,
        "--config",
        sample.config,
        "--as-of",
        manifest.asOf,
        "--out",
        join(folder, "tong-hop.xlsx"),
        "--report",
        join(folder, "bao-cao.html"),
      ],
      { encoding: "utf8" },
    );
    const consolidationMs = performance.now() - started;
    const report = JSON.parse(child.stderr.trim().split("\n").pop() ?? "{}") as {
      code?: number;
      maxRssMb?: number;
    };
    if (report.code !== 0) throw new Error(`consolidation failed: ${child.stderr}`);

    const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    process.stdout.write(
      [
        `files: ${paths.length} (${units} units)`,
        `baseline, exceljs load one by one (default options): ${seconds(baselineMs)}`,
        `baseline, exceljs load one by one (ignoring data validations): ${seconds(baselineNoValidationsMs)}`,
        `consolidation (list, read, validate on all cores, write workbook + report): ${seconds(consolidationMs)}`,
        `ratio consolidation / baseline: ${(consolidationMs / baselineMs).toFixed(2)} (target ≤ 0.75)`,
        `ratio consolidation / baseline ignoring validations: ${(consolidationMs / baselineNoValidationsMs).toFixed(2)}`,
        `peak RSS of the consolidation process: ${report.maxRssMb?.toFixed(0)} MB (target < 600)`,
      ].join("\n") + "\n",
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void runBench();
