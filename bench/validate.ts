import { validateWorkbook } from "../core/index";
import { loadExcelJs } from "../scripts/xlsx/load-exceljs";
import { readWorkbookSnapshot } from "../scripts/xlsx/read-workbook";
import { buildPlan, CONFIG } from "./plan";

/**
 * Validation of one KH plan with 2,000 task rows, against the time exceljs alone takes to load
 * it (ignoring data validations), both measured warm in this run. Prints medians and the ratios
 * rules / load and reader / load: both should cost well under an exceljs load.
 */

const TASK_ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WARM_UP = 3;
async function measure(label: string, action: () => unknown): Promise<number> {
  for (let run = 0; run < WARM_UP; run += 1) await action();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  process.stderr.write(
    `  ${label}: median ${median.toFixed(1)} ms of ${RUNS} (min ${times[0]?.toFixed(1)}, max ${times[times.length - 1]?.toFixed(1)})\n`,
  );
  return median;
}

async function runBench(): Promise<void> {
  const ExcelJS = loadExcelJs();
  const bytes = await buildPlan(TASK_ROWS);
  const loadOptions = { ignoreNodes: ["dataValidations"] } as never;

  const reading = await readWorkbookSnapshot(bytes);
  if (!reading.ok) throw new Error(`the plan cannot be read: ${reading.problem.code}`);
  const { snapshot } = reading;
  const check = validateWorkbook(snapshot, { config: CONFIG });
  if (check.problems.length > 0 || check.document?.tables.tasks?.length !== TASK_ROWS) {
    throw new Error(
      `the plan should be valid with ${TASK_ROWS} tasks: ${JSON.stringify(check.problems.slice(0, 3))}`,
    );
  }

  process.stderr.write(
    `KH plan with ${TASK_ROWS} task rows: ${(bytes.byteLength / 1024).toFixed(0)} KB, ${snapshot.sheets.reduce((sum, sheet) => sum + Object.keys(sheet.cells).length, 0)} cells\n`,
  );
  const load = await measure("exceljs load (ignoring data validations)", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, loadOptions);
  });
  const readOnly = await measure("thidua's reader alone (byte check, inflate, scan into a snapshot)", () =>
    readWorkbookSnapshot(bytes),
  );
  const full = await measure("full validation (byte check, read, rules)", async () => {
    const read = await readWorkbookSnapshot(bytes);
    if (read.ok) validateWorkbook(read.snapshot, { config: CONFIG });
  });
  const rules = await measure("rules alone (zod parse, typed read, rules)", () =>
    validateWorkbook(snapshot, { config: CONFIG }),
  );

  process.stdout.write(
    `load ${load.toFixed(1)} ms · full validation ${full.toFixed(1)} ms · rules alone ${rules.toFixed(1)} ms · rules/load ${(rules / load).toFixed(2)}` +
      ` (reader ${readOnly.toFixed(1)} ms · reader/load ${(readOnly / load).toFixed(2)} · full/load ${(full / load).toFixed(2)})\n`,
  );
}

void runBench();
