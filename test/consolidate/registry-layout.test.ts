import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workbook } from "exceljs";
import { loadExcelJs } from "../../scripts/xlsx/load-exceljs";
import type { SampleManifest } from "../../scripts/sample/manifest";
import { simpleParser } from "mailparser";
import {
  deleteColumn,
  deleteRows,
  insertColumn,
  insertRow,
  saveWorkbook,
  sheetOf,
} from "../fixtures/officer-edits";

/**
 * Issue 8, cases 4 and 5: the registry as Sở Nội vụ really keeps it. Its header is found by its
 * labels (rows deleted, a list of its own with headers in row 1, an STT column), or the registry
 * is refused with the header that is missing, and where; a row whose type is not in the catalogue
 * stays an expected unit with its problem listed. Through the compiled CLI.
 */

const CLI = join(__dirname, "..", "..", "dist", "scripts", "cli.js");

function thidua(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface Json {
  totals: { expected: number; missing: number };
  registry: { units: number; problems: { code: string; severity: string; cell: string; message: string }[] };
  units: { code: string; type: string | null; email: string; kind: string; status: string }[];
  files: { file: string; outcome: string; unit: string | null }[];
}

describe("the registry's header found by its labels", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-registry-"));
  let manifest: SampleManifest;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does)`);
    expect(await thidua(["sample", "--units", "20", "--out", dir])).toMatchObject({ code: 0 });
    manifest = JSON.parse(readFileSync(join(dir, "sample-manifest.json"), "utf8")) as SampleManifest;
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function registry(): Promise<Workbook> {
    const workbook = new (loadExcelJs().Workbook)();
    await workbook.xlsx.load(readFileSync(join(dir, "registry.xlsx")) as never);
    return workbook;
  }

  async function consolidateWith(
    name: string,
    workbook: Workbook,
  ): Promise<{ code: number; stderr: string; json: Json | null }> {
    writeFileSync(join(dir, name), await saveWorkbook(workbook));
    const run = await thidua([
      "consolidate",
      "--source",
      join(dir, "submissions"),
      "--registry",
      join(dir, name),
      "--config",
      join(dir, "thidua.config.json"),
      "--as-of",
      manifest.asOf,
      "--out",
      join(dir, `${name}-out.xlsx`),
      "--json",
    ]);
    return {
      code: run.code,
      stderr: run.stderr,
      json: run.code === 0 ? (JSON.parse(run.stdout) as Json) : null,
    };
  }

  it("title and instruction rows deleted (headers in row 1): all 20 units, one warning", async () => {
    const workbook = await registry();
    deleteRows(workbook, "Đơn vị", 1, 2);

    const run = await consolidateWith("rows-deleted.xlsx", workbook);

    expect(run.code).toBe(0);
    expect(run.json?.registry.units).toBe(20);
    expect(run.json?.totals.expected).toBe(40);
    expect(run.json?.registry.problems).toEqual([
      expect.objectContaining({ code: "TABLE_MOVED", severity: "warning", cell: "A1" }),
    ]);
    expect(run.stderr).toContain("dòng tiêu đề ở dòng 1, biểu mẫu để ở dòng 3");
  });

  it("Sở Nội vụ's own list (a sheet of its own, plain headers in row 1): all 20 units", async () => {
    const own = new (loadExcelJs().Workbook)();
    const sheet = own.addWorksheet("Sheet1");
    const source = sheetOf(await registry(), "Đơn vị");
    sheet.addRow(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Cụm, khối thi đua", "Thư điện tử liên hệ"]);
    for (let row = 4; row < 24; row += 1)
      sheet.addRow([1, 2, 3, 4, 5].map((column) => source.getRow(row).getCell(column).value));

    const run = await consolidateWith("own-list.xlsx", own);

    expect(run.code).toBe(0);
    expect(run.json?.registry.units).toBe(20);
    expect(run.json?.totals.expected).toBe(40);
  });

  it("an STT column inserted: read by label, e-mails stay e-mails", async () => {
    const workbook = await registry();
    insertColumn(workbook, "Đơn vị", 1, [
      null,
      null,
      "STT",
      ...Array.from({ length: 20 }, (_, index) => index + 1),
    ]);

    const run = await consolidateWith("stt.xlsx", workbook);

    expect(run.code).toBe(0);
    expect(run.json?.registry.units).toBe(20);
    expect(run.json?.units.every((unit) => unit.email.includes("@"))).toBe(true);
  });

  it("the header row deleted: refused (exit 2), saying the header of Đơn vị was not found at row 3", async () => {
    const workbook = await registry();
    deleteRows(workbook, "Đơn vị", 3);

    const run = await consolidateWith("no-header.xlsx", workbook);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Đơn vị!A3: Không tìm thấy dòng tiêu đề của bảng "Đơn vị" (biểu mẫu để ở dòng 3',
    );
  });

  it("a column deleted: refused (exit 2), naming the missing header and its row", async () => {
    const workbook = await registry();
    deleteColumn(workbook, "Đơn vị", 4);

    const run = await consolidateWith("no-cluster.xlsx", workbook);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('dòng tiêu đề (dòng 3) thiếu cột "Cụm, khối thi đua"');
  });

  it("a unit type not in the catalogue (Sở, ngành): still expected, its files matched to it, its problem listed", async () => {
    const workbook = await registry();
    const sheet = sheetOf(workbook, "Đơn vị");
    const code = String(sheet.getCell("A4").value);
    sheet.getCell("C4").value = "Sở, ngành";

    const run = await consolidateWith("odd-type.xlsx", workbook);

    expect(run.code).toBe(0);
    expect(run.json?.registry.units).toBe(20);
    expect(run.json?.totals.expected).toBe(40);
    expect(run.json?.registry.problems).toEqual([
      expect.objectContaining({ code: "ENUM_UNKNOWN", severity: "error", cell: "C4" }),
    ]);
    expect(run.stderr).toMatch(/odd-type\.xlsx Đơn vị!C4: .*Sở, ngành/);
    const unitFiles = run.json?.files.filter((file) => file.unit === code) ?? [];
    expect(unitFiles.length).toBeGreaterThan(0);
    expect(
      run.json?.files.filter((file) => file.outcome === "unknown_unit").map((file) => file.unit),
    ).not.toContain(code);
    expect(
      run.json?.units.filter((unit) => unit.code === code).map((unit) => [unit.kind, unit.status]),
    ).toEqual(
      manifest.units.filter((unit) => unit.code === code).map((unit) => [unit.kind, unit.expectedStatus]),
    );
  });
});

describe("issue 17: the registry Sở Nội vụ really keeps, through the compiled CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-registry-kept-"));
  let manifest: SampleManifest;
  let run: { code: number; stdout: string; stderr: string };
  let json: Json;
  let spaced: { code: string; typed: string };
  let twoAddresses: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does)`);
    expect(await thidua(["sample", "--units", "40", "--out", dir])).toMatchObject({ code: 0 });
    manifest = JSON.parse(readFileSync(join(dir, "sample-manifest.json"), "utf8")) as SampleManifest;
    const workbook = new (loadExcelJs().Workbook)();
    await workbook.xlsx.load(readFileSync(join(dir, "registry.xlsx")) as never);
    const sheet = sheetOf(workbook, "Đơn vị");
    const rowOf = (code: string): number => {
      for (let row = 4; row < 44; row += 1) if (String(sheet.getCell(`A${row}`).value) === code) return row;
      throw new Error(`no registry row for ${code}`);
    };
    // A unit whose files all count, its code typed with a space and in lower case; a unit to remind, two addresses.
    const counted = manifest.units.find(
      (unit) =>
        unit.code.length > 3 &&
        manifest.units
          .filter((other) => other.code === unit.code)
          .every((other) => other.expectedStatus === "on_time"),
    )!;
    spaced = {
      code: counted.code,
      typed: `${counted.code.slice(0, 2)} ${counted.code.slice(2).toLowerCase()}`,
    };
    sheet.getCell(`A${rowOf(spaced.code)}`).value = spaced.typed;
    twoAddresses = manifest.units.find((unit) => unit.expectedStatus === "missing")!.code;
    sheet.getCell(`E${rowOf(twoAddresses)}`).value = "a@x.vn; Văn thư <b@y.vn>";
    // A heading merged across the row on top, one in the middle, a blank row, the footer and its signature.
    insertRow(workbook, "Đơn vị", 4, ["KHỐI SỞ, BAN, NGÀNH"]);
    sheet.mergeCells("A4:E4");
    insertRow(workbook, "Đơn vị", 25, ["Cụm 1 – Các xã phía Bắc"]);
    sheet.getCell("A46").value = "Tổng số: 40";
    sheet.getCell("B48").value = "Người lập biểu";
    writeFileSync(join(dir, "kept.xlsx"), await saveWorkbook(workbook));

    run = await thidua([
      "consolidate",
      "--source",
      join(dir, "submissions"),
      "--registry",
      join(dir, "kept.xlsx"),
      "--config",
      join(dir, "thidua.config.json"),
      "--as-of",
      manifest.asOf,
      "--out",
      join(dir, "kept-out.xlsx"),
      "--json",
    ]);
    expect(run.code).toBe(0);
    json = JSON.parse(run.stdout) as Json;
    writeFileSync(join(dir, "kept.json"), run.stdout);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("counts 40 units, 80 expected: headings, footer and blank row listed, none an error", () => {
    expect(json.registry.units).toBe(40);
    expect(json.totals.expected).toBe(80);
    expect(
      json.registry.problems.map((problem) => `${problem.code} ${problem.severity} ${problem.cell}`),
    ).toEqual([
      "REGISTRY_ROW_HEADING warning A4",
      expect.stringMatching(/^UNIT_CODE_NORMALISED warning A\d+$/),
      "REGISTRY_ROW_HEADING warning A25",
      "REGISTRY_ROW_FOOTER warning A46",
      "REGISTRY_ROWS_BLANK warning A47",
      "REGISTRY_ROW_FOOTER warning A48",
    ]);
    expect(run.stderr).toContain('Dòng 46 ("Tổng số: 40") thuộc phần cuối danh sách');
  });

  it('credits "XA 010"-style codes to their unit, with the warning naming both forms', () => {
    expect(json.registry.problems.find((problem) => problem.code === "UNIT_CODE_NORMALISED")?.message).toBe(
      `Mã đơn vị "${spaced.typed}" được đọc là ${spaced.code} (bỏ dấu cách, viết hoa); nên sửa lại cho đúng mã.`,
    );
    expect(
      json.units.filter((unit) => unit.code === spaced.code).map((unit) => [unit.kind, unit.status]),
    ).toEqual(
      manifest.units
        .filter((unit) => unit.code === spaced.code)
        .map((unit) => [unit.kind, unit.expectedStatus]),
    );
    expect(
      json.files.filter((file) => file.outcome === "unknown_unit").map((file) => file.unit),
    ).not.toContain(spaced.code);
  });

  it("keeps both addresses of one cell and reminds both", async () => {
    expect(json.units.find((unit) => unit.code === twoAddresses)?.email).toBe("a@x.vn; b@y.vn");
    const remind = await thidua(["remind", "--from", join(dir, "kept.json"), "--out", join(dir, "thu-nhac")]);
    expect(remind.code).toBe(0);
    const mail = await simpleParser(readFileSync(join(dir, "thu-nhac", `${twoAddresses}.eml`)));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((entry) => entry.address) : null).toEqual([
      "a@x.vn",
      "b@y.vn",
    ]);
  });
});
