import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BC_SPEC, indicatorFieldKey } from "../../core/template-spec/index";
import { loadExcelJs } from "../../scripts/xlsx/load-exceljs";
import { bcFill, writeRegistry } from "../fixtures/make-fixtures";
import { deleteRows, loadFilledTemplate, saveWorkbook } from "../fixtures/officer-edits";

/**
 * Issue 8, case 3, end to end: a yearly report whose Chỉ tiêu instruction row was deleted is
 * consolidated with each figure under its own code (11 under ND1.SU_KIEN, not the next one's 22),
 * on time, through the compiled CLI.
 */

const CLI = join(__dirname, "..", "..", "dist", "scripts", "cli.js");

function thidua(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("a report with its indicator rows shifted, consolidated", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-moved-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("counts the report on time with every figure under its own code", async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does)`);
    const submissions = join(dir, "submissions");
    mkdirSync(submissions);
    writeFileSync(join(dir, "registry.xlsx"), await writeRegistry());
    writeFileSync(
      join(dir, "thidua.config.json"),
      JSON.stringify({
        provincialPlanDate: "2026-05-05",
        reportYear: 2026,
        round: "SOKET",
        expectedKinds: ["BC"],
      }),
    );
    const workbook = await loadFilledTemplate(
      BC_SPEC,
      bcFill({
        fields: {
          [indicatorFieldKey("ND1.SU_KIEN")]: 11,
          [indicatorFieldKey("ND1.NGUOI_THAM_GIA")]: 22,
          [indicatorFieldKey("ND3.TY_LE_HO_SO_TRUC_TUYEN")]: 77,
        },
      }),
    );
    deleteRows(workbook, "Chỉ tiêu", 2);
    const report = join(submissions, "BC_SKHCN.xlsx");
    writeFileSync(report, await saveWorkbook(workbook));
    const received = Date.UTC(2026, 10, 6, 2, 0) / 1000;
    utimesSync(report, received, received);

    const run = await thidua([
      "consolidate",
      "--source",
      submissions,
      "--registry",
      join(dir, "registry.xlsx"),
      "--config",
      join(dir, "thidua.config.json"),
      "--as-of",
      "2026-11-25T12:00",
      "--out",
      join(dir, "tong-hop.xlsx"),
      "--json",
    ]);

    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      units: { code: string; kind: string; status: string; warnings: number }[];
    };
    expect(json.units.find((unit) => unit.code === "SKHCN")).toMatchObject({
      kind: "BC",
      status: "on_time",
      warnings: 1,
    });
    const output = new (loadExcelJs().Workbook)();
    await output.xlsx.load(readFileSync(join(dir, "tong-hop.xlsx")) as never);
    const figuresOf = (code: string): unknown[] => {
      const found: unknown[] = [];
      output.getWorksheet("Chỉ tiêu")!.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        if (values.includes(code) && values.includes("SKHCN"))
          found.push(...values.filter((value) => typeof value === "number"));
      });
      return found;
    };
    expect(figuresOf("ND1.SU_KIEN")).toEqual([11]);
    expect(figuresOf("ND1.NGUOI_THAM_GIA")).toEqual([22]);
    expect(figuresOf("ND3.TY_LE_HO_SO_TRUC_TUYEN")).toEqual([77]);
  });
});
