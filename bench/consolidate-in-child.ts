import { spawnSync } from "node:child_process";
import { join } from "node:path";

export interface ChildRun {
  readonly wallMs: number;
  /** Every thread of the child (the validating workers included). */
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

/** `thidua consolidate` of a sample folder in a process of its own (consolidate-child.js), timed and measured. */
export function consolidateInChild(
  sample: { readonly submissions: string; readonly registry: string; readonly config: string },
  asOf: string,
  out: { readonly workbook: string; readonly report: string },
): ChildRun {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      join(__dirname, "consolidate-child.js"),
      "consolidate",
      "--source",
      sample.submissions,
      "--registry",
      sample.registry,
      "--config",
      sample.config,
      "--as-of",
      asOf,
      "--out",
      out.workbook,
      "--report",
      out.report,
    ],
    { encoding: "utf8" },
  );
  const wallMs = performance.now() - started;
  const report = JSON.parse(child.stderr.trim().split("\n").pop() ?? "{}") as {
    code?: number;
    maxRssMb?: number;
    cpuMs?: number;
  };
  if (report.code !== 0) throw new Error(`consolidation failed: ${child.stderr}`);
  return { wallMs, cpuMs: report.cpuMs ?? Number.NaN, maxRssMb: report.maxRssMb ?? Number.NaN };
}
