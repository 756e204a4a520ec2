import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";
import { readOpenWorkbook } from "../addin/office/excel-workbook";
import { createContext, WEB_PAYLOAD_LIMIT_BYTES, type FakeWorkbook } from "../test/addin/fake-excel";
import { hostFromExcelJs } from "../test/addin/host-from-exceljs";
import { chromiumAvailable, launchChromium } from "../test/e2e/browser";
import { buildPlan, CONFIG } from "./plan";

const BIG_ROWS = Number(process.env.BENCH_BIG_ROWS ?? 20_000);
const BIG_RUNS = 3;

/**
 * A 20,000-row plan read from the open workbook through the strict fake Excel playing Excel on
 * the web (5 MB per response): syncs, the largest response, and the time against reading the same
 * workbook's used ranges in one unlimited batch (the fake on the desktop), in this run.
 */
async function benchBigWorkbook(): Promise<void> {
  const host = await hostFromExcelJs(await buildPlan(BIG_ROWS));
  if (host === null) throw new Error("exceljs could not load the plan");
  const fresh = (platform: "web" | "desktop"): FakeWorkbook => ({ ...host, platform, responses: [] });
  const oneBatch = async () => {
    const workbook = fresh("desktop");
    const context = createContext(workbook);
    for (const sheet of workbook.sheets)
      context.workbook.worksheets
        .getItem(sheet.name)
        .getUsedRangeOrNullObject(true)
        .load("values,valueTypes,numberFormat,formulas");
    await context.sync();
    return { workbook, syncs: context.syncs };
  };
  const blocks = async () => {
    const workbook = fresh("web");
    const context = createContext(workbook);
    await readOpenWorkbook(context);
    return { workbook, syncs: context.syncs };
  };
  const median = async (action: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < BIG_RUNS; i += 1) {
      const started = performance.now();
      await action();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  };
  const whole = await oneBatch();
  const read = await blocks();
  const wholeMs = await median(oneBatch);
  const readMs = await median(blocks);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  const responses = read.workbook.responses ?? [];
  process.stdout.write(
    `KH plan with ${BIG_ROWS} task rows, read from the open workbook (strict fake Excel on the web, 5 MB per response):
` +
      `  one batch as before: ${mb(whole.workbook.responses![0]!)} MB in 1 response (${whole.workbook.responses![0]! > WEB_PAYLOAD_LIMIT_BYTES ? "refused on the web" : "accepted"})
` +
      `  row blocks: ${read.syncs} syncs, largest response ${mb(Math.max(...responses))} MB, ${mb(responses.reduce((a, b) => a + b, 0))} MB in all
` +
      `  time in the fake: ${readMs.toFixed(0)} ms (median of ${BIG_RUNS}) · one batch ${wholeMs.toFixed(0)} ms · ratio ${(readMs / wholeMs).toFixed(2)}
`,
  );
}

/**
 * The standalone pane's check of a 2,000-row plan in Chromium (read with fflate, validate with
 * the core), against inflating the same file's XML parts alone, both measured in the same page
 * in this run. Target: the whole check under 300 ms.
 */

const TASK_ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WARM_UP = 3;
const TARGET_MS = 300;
const ROOT = [path.resolve(__dirname, ".."), path.resolve(__dirname, "..", "..")].find((dir) =>
  existsSync(path.join(dir, "bench", "addin-page.ts")),
) as string;

function bundle(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: "production",
    entry: path.join(ROOT, "bench", "addin-page.ts"),
    output: { path: outDir, filename: "bench.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.addin.json") },
          },
        },
      ],
    },
    performance: { hints: false },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
      else resolve(path.join(outDir, "bench.js"));
    }),
  );
}

async function runBench(): Promise<void> {
  if (!chromiumAvailable("bench/addin")) return;
  const work = mkdtempSync(path.join(tmpdir(), "thidua-bench-addin-"));
  const browser = await launchChromium();
  try {
    const script = readFileSync(await bundle(work), "utf8");
    const bytes = await buildPlan(TASK_ROWS);
    const page = await browser.context.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      async ({ base64, config, runs, warmUp }) => {
        const bench = (
          globalThis as unknown as {
            thiduaBench: {
              readAndValidate(bytes: Uint8Array, config: unknown): Promise<number>;
              inflateOnly(bytes: Uint8Array): Promise<number>;
            };
          }
        ).thiduaBench;
        const binary = atob(base64);
        const data = Uint8Array.from(binary, (char) => char.charCodeAt(0));
        const median = async (action: () => Promise<unknown>) => {
          for (let i = 0; i < warmUp; i += 1) await action();
          const times: number[] = [];
          for (let i = 0; i < runs; i += 1) {
            const started = performance.now();
            await action();
            times.push(performance.now() - started);
          }
          times.sort((a, b) => a - b);
          return {
            median: times[Math.floor(times.length / 2)] ?? NaN,
            min: times[0] ?? NaN,
            max: times.at(-1) ?? NaN,
          };
        };
        const problems = await bench.readAndValidate(data, config);
        const inflated = await bench.inflateOnly(data);
        const check = await median(() => bench.readAndValidate(data, config));
        const inflate = await median(() => bench.inflateOnly(data));
        return { problems, inflated, check, inflate };
      },
      { base64: bytes.toString("base64"), config: CONFIG, runs: RUNS, warmUp: WARM_UP },
    );
    if (result.problems !== 0) throw new Error(`the plan should be valid: ${result.problems} problems`);
    const format = (t: { median: number; min: number; max: number }) =>
      `median ${t.median.toFixed(1)} ms of ${RUNS} (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`;
    process.stderr.write(
      `KH plan with ${TASK_ROWS} task rows: ${(bytes.byteLength / 1024).toFixed(0)} KB, XML parts ${(result.inflated / 1024).toFixed(0)} KB inflated\n` +
        `  Chromium, read (fflate) + validate: ${format(result.check)}\n` +
        `  Chromium, inflate the XML parts alone: ${format(result.inflate)}\n`,
    );
    process.stdout.write(
      `check ${result.check.median.toFixed(1)} ms · inflate alone ${result.inflate.median.toFixed(1)} ms · check/inflate ${(result.check.median / result.inflate.median).toFixed(1)}` +
        ` · target < ${TARGET_MS} ms: ${result.check.median < TARGET_MS ? "met" : "NOT met"}\n`,
    );
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void runBench().then(benchBigWorkbook);
