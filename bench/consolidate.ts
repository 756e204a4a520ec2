import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalFolderSource } from "../scripts/source/local-folder";
import { loadExcelJs } from "../scripts/xlsx/load-exceljs";
import { runSample } from "../scripts/commands/sample";
import { consolidateInChild } from "./consolidate-in-child";

/**
 * Consolidation of a 1,000-unit sample province against the time merely to load the same files
 * with exceljs one by one in one thread, both measured in this run. Prints the ratios of wall time
 * and of CPU time (all threads), and the peak RSS.
 *
 * BENCH_SAMPLE=<folder> reuses a sample written there by an earlier run (or writes it there and
 * keeps it), so that runs of two builds compare on the same files without a minute of generating.
 */
interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

async function loadAllOneByOne(paths: readonly string[], options: object | undefined): Promise<Timing> {
  const ExcelJS = loadExcelJs();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const path of paths) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer, options as never);
    } catch {
      // Unreadable sample files fail fast in exceljs too; the baseline counts the attempt.
    }
  }
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

interface Sample {
  readonly submissionsDir: string;
  readonly registry: string;
  readonly config: string;
  readonly manifest: string;
}

/** The sample province: the one kept in BENCH_SAMPLE if there is one, else written afresh. */
async function prepareSample(units: number, folder: string): Promise<Sample> {
  const kept = process.env.BENCH_SAMPLE;
  const out = kept ?? folder;
  const manifest = join(out, "sample-manifest.json");
  if (kept && existsSync(manifest))
    return {
      submissionsDir: join(out, "submissions"),
      registry: join(out, "registry.xlsx"),
      config: join(out, "thidua.config.json"),
      manifest,
    };
  // Every unit sends its plan, its report and a nomination: about three files a unit, as the issue sizes it.
  return runSample({ units, out, nominatingShare: 1 });
}

async function runBench(): Promise<void> {
  const units = Number(process.env.BENCH_UNITS ?? 1000);
  const folder = mkdtempSync(join(tmpdir(), "thidua-bench-"));
  try {
    const sample = await prepareSample(units, folder);
    const entries = await createLocalFolderSource(sample.submissionsDir).list();
    const paths = entries.map((entry) => entry.localPath ?? "");
    const manifest = JSON.parse(readFileSync(sample.manifest, "utf8")) as { asOf: string };

    const baseline = await loadAllOneByOne(paths, undefined);
    const baselineNoValidations = await loadAllOneByOne(paths, { ignoreNodes: ["dataValidations"] });

    const run = consolidateInChild(
      { submissions: sample.submissionsDir, registry: sample.registry, config: sample.config },
      manifest.asOf,
      { workbook: join(folder, "tong-hop.xlsx"), report: join(folder, "bao-cao.html") },
    );
    const consolidationMs = run.wallMs;
    const report = run;

    const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    const ratio = (part: number, whole: number): string => (part / whole).toFixed(2);
    const cpuMs = report.cpuMs;
    process.stdout.write(
      [
        `files: ${paths.length} (${units} units)`,
        `baseline, exceljs load one by one (default options): ${seconds(baseline.wallMs)} wall, ${seconds(baseline.cpuMs)} CPU`,
        `baseline, exceljs load one by one (ignoring data validations): ${seconds(baselineNoValidations.wallMs)} wall, ${seconds(baselineNoValidations.cpuMs)} CPU`,
        `consolidation (list, read, validate on all cores, write workbook + report): ${seconds(consolidationMs)} wall, ${seconds(cpuMs)} CPU (all threads)`,
        `ratio consolidation / baseline, wall: ${ratio(consolidationMs, baseline.wallMs)} (target ≤ 0.45)`,
        `ratio consolidation / baseline, CPU: ${ratio(cpuMs, baseline.cpuMs)} (target ≤ 0.65)`,
        `ratios against the baseline ignoring validations: wall ${ratio(consolidationMs, baselineNoValidations.wallMs)}, CPU ${ratio(cpuMs, baselineNoValidations.cpuMs)}`,
        `peak RSS of the consolidation process: ${report.maxRssMb?.toFixed(0)} MB (target < 600)`,
      ].join("\n") + "\n",
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void runBench();
