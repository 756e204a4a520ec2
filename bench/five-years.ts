import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runSample } from "../scripts/commands/sample";
import { consolidateInChild } from "./consolidate-in-child";

/**
 * The shared folder as Sở Nội vụ keeps it over the movement: 2026's files, then each later year's
 * reports and nominations in a folder of its own. Consolidated as of the last year's moment after
 * each year is added: the time per file must stay flat (time linear in the files), and peak memory
 * is reported. The first year is the baseline, measured in the same run.
 */
const YEARS = [2026, 2027, 2028, 2029, 2030] as const;

function countFiles(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .length;
}

interface Run {
  readonly years: number;
  readonly files: number;
  readonly ms: number;
  readonly maxRssMb: number;
}

function consolidate(shared: string, asOf: string, years: number, out: string): Run {
  const run = consolidateInChild(
    {
      submissions: join(shared, "submissions"),
      registry: join(shared, "registry.xlsx"),
      config: join(shared, "thidua.config.json"),
    },
    asOf,
    { workbook: join(out, `tong-hop-${years}.xlsx`), report: join(out, `bao-cao-${years}.html`) },
  );
  return { years, files: countFiles(join(shared, "submissions")), ms: run.wallMs, maxRssMb: run.maxRssMb };
}

async function runBench(): Promise<void> {
  const units = Number(process.env.BENCH_UNITS ?? 1000);
  const root = mkdtempSync(join(tmpdir(), "thidua-bench-years-"));
  try {
    const shared = join(root, "shared");
    const out = join(root, "out");
    const runs: Run[] = [];
    let lastAsOf = "";
    for (const [index, year] of YEARS.entries()) {
      const target = index === 0 ? shared : join(root, String(year));
      const sample = await runSample({ units, out: target, year, nominatingShare: 1 });
      lastAsOf = (JSON.parse(readFileSync(sample.manifest, "utf8")) as { asOf: string }).asOf;
      if (index > 0) {
        // Later years bring reports and nominations; plans were sent once, in 2026.
        for (const entry of readdirSync(sample.submissionsDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const inside = relative(sample.submissionsDir, join(entry.parentPath, entry.name));
          if (inside.startsWith("KH")) continue;
          cpSync(join(entry.parentPath, entry.name), join(shared, "submissions", String(year), inside), {
            preserveTimestamps: true,
          });
        }
        rmSync(target, { recursive: true, force: true });
      }
      runs.push(consolidate(shared, lastAsOf, index + 1, out));
    }
    const first = runs[0];
    if (!first) return;
    const perFile = (run: Run): number => run.ms / run.files;
    const lines = runs.map(
      (run) =>
        `${run.years} year(s), ${run.files} files: ${(run.ms / 1000).toFixed(2)} s, ` +
        `${perFile(run).toFixed(2)} ms a file (${(perFile(run) / perFile(first)).toFixed(2)} × the first year's), ` +
        `peak RSS ${run.maxRssMb.toFixed(0)} MB`,
    );
    const last = runs[runs.length - 1] ?? first;
    process.stdout.write(
      [
        `five years of a ${units}-unit province in one shared folder, consolidated as of ${lastAsOf}:`,
        ...lines,
        `ratio time per file, five years / first year: ${(perFile(last) / perFile(first)).toFixed(2)} (linear: ≤ 1.2)`,
      ].join("\n") + "\n",
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void runBench();
