import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { main } from "./cli";

/**
 * `npm run demo`: the main job end to end on the embedded default, a local sample folder (no
 * account): blank templates, a sample province, a validation, the consolidation and its report, and
 * the reminders (as .eml files: nothing is sent).
 */
async function runDemo(): Promise<number> {
  const out = process.env.THIDUA_DEMO_DIR ?? "demo-output";
  const sample = join(out, "sample");
  const steps: string[][] = [
    ["templates", "--out", join(out, "templates")],
    ["sample", "--units", "150", "--out", sample],
  ];
  for (const step of steps) {
    process.stdout.write(`\n$ thidua ${step.join(" ")}\n`);
    const code = await main(step);
    if (code !== 0) return code;
  }
  const manifest = JSON.parse(await readFile(join(sample, "sample-manifest.json"), "utf8")) as {
    asOf: string;
    files: { file: string; expectedOutcome: string }[];
  };
  const invalid = manifest.files.find((file) => file.expectedOutcome === "invalid");
  if (invalid) {
    const step = [
      "validate",
      join(sample, invalid.file),
      "--config",
      join(sample, "thidua.config.json"),
      "--registry",
      join(sample, "registry.xlsx"),
    ];
    process.stdout.write(`\n$ thidua ${step.join(" ")}\n`);
    // Its exit code 1 is the expected verdict here (the file was made invalid on purpose): not the demo's.
    await main(step);
  }
  const consolidate = [
    "consolidate",
    "--source",
    join(sample, "submissions"),
    "--registry",
    join(sample, "registry.xlsx"),
    "--config",
    join(sample, "thidua.config.json"),
    "--as-of",
    manifest.asOf,
    "--out",
    join(out, "tong-hop.xlsx"),
    "--report",
    join(out, "bao-cao.html"),
  ];
  process.stdout.write(`\n$ thidua ${consolidate.join(" ")}\n`);
  const consolidated = await main(consolidate);
  if (consolidated !== 0) return consolidated;

  // The same result as JSON (to a file), then one reminder per unit that is missing, late or invalid.
  const resultFile = join(out, "ket-qua.json");
  const json: string[] = [];
  const jsonStep = [...consolidate, "--json"];
  process.stdout.write(`\n$ thidua ${jsonStep.join(" ")} > ${resultFile}\n`);
  const jsonCode = await main(jsonStep, {
    stdout: { write: (text: string) => json.push(text) },
    stderr: process.stderr,
    stderrIsTTY: false,
  });
  if (jsonCode !== 0) return jsonCode;
  await writeFile(resultFile, json.join(""));
  const remind = ["remind", "--from", resultFile, "--out", join(out, "thu-nhac")];
  process.stdout.write(`\n$ thidua ${remind.join(" ")}\n`);
  return main(remind);
}

void runDemo().then((code) => {
  process.exitCode = code;
});
