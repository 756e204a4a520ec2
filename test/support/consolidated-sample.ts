import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../cli/run-cli";

export interface ConsolidatedSample {
  readonly dir: string;
  /** `thidua consolidate --json` of the sample, written to a file as an officer would. */
  readonly resultPath: string;
  readonly json: string;
}

/** `thidua consolidate` of a sample folder (as `thidua sample` writes it) as of `asOf`: add the outputs. */
export function sampleConsolidateArgs(dir: string, asOf: string): string[] {
  return [
    "consolidate",
    "--source",
    join(dir, "submissions"),
    "--registry",
    join(dir, "registry.xlsx"),
    "--config",
    join(dir, "thidua.config.json"),
    "--as-of",
    asOf,
  ];
}

/** `thidua sample --units N`, then `thidua consolidate --json` of it as of the sample's moment, in process. */
export async function consolidateSampleProvince(units: number, prefix: string): Promise<ConsolidatedSample> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const sample = await runCli(["sample", "--units", String(units), "--out", dir]);
  if (sample.code !== 0) throw new Error(`thidua sample failed: ${sample.stderr}`);
  const manifest = JSON.parse(readFileSync(join(dir, "sample-manifest.json"), "utf8")) as { asOf: string };
  const run = await runCli([
    ...sampleConsolidateArgs(dir, manifest.asOf),
    "--out",
    join(dir, "tong-hop.xlsx"),
    "--json",
  ]);
  if (run.code !== 0) throw new Error(`thidua consolidate failed: ${run.stderr}`);
  const resultPath = join(dir, "result.json");
  writeFileSync(resultPath, run.stdout);
  return { dir, resultPath, json: run.stdout };
}
