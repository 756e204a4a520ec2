import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, VALID_CASES, type CorpusCase } from "../fixtures/bad/cases";
import { REGISTRY_FILE, writeCase } from "../fixtures/write-corpus";
import { writeBc, writeRegistry } from "../fixtures/make-fixtures";
import { indicatorFieldKey } from "../../core/template-spec/index";
import { runCli, type CliRun } from "../cli/run-cli";
import { itFullLayer } from "../support/tools";
import { withoutPermissionBypass } from "../support/without-permission-bypass";

/** `thidua validate` as officers run it, from the folder of their files: through the CLI's main(), in this process. */

const CLI = join(__dirname, "..", "..", "dist", "scripts", "cli.js");
const CAMPAIGN = ["--plan-date", "2026-05-05", "--year", "2026"];

let dir: string;

function corpusCase(file: string): CorpusCase {
  const found = [...CORPUS, ...VALID_CASES].find((candidate) => candidate.file === file);
  if (!found) throw new Error(`no corpus file ${file}`);
  return found;
}

function thidua(...args: string[]): Promise<CliRun> {
  // No thidua.config.json in the temporary folder: the flags are the whole configuration.
  return runCli(args, { cwd: dir });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "thidua-cli-validate-"));
  for (const file of [
    "kh-valid.xlsx",
    "bc-valid.xlsx",
    "bad-email.xlsx",
    "kh-issued-late.xlsx",
    "pdf-renamed.xlsx",
    "unknown-enum.xlsx",
    "unit-unknown.xlsx",
    "year-in-date-cell.xlsx",
    "percent-as-fraction.xlsx",
  ])
    await writeCase(dir, corpusCase(file));
  // A valid report but for one figure: a formula another program saved without its result.
  writeFileSync(
    join(dir, "figure-formula-no-result.xlsx"),
    await writeBc({ fields: { [indicatorFieldKey("ND1.SU_KIEN")]: { formula: "SUM(E5:E6)" } } }),
  );
  writeFileSync(join(dir, REGISTRY_FILE), await writeRegistry());
  writeFileSync(join(dir, "broken.json"), '{ "reportYear": 2026,');
  writeFileSync(join(dir, "unknown-key.json"), JSON.stringify({ reportYear: 2026, deadline: "2026-11-14" }));
  writeFileSync(join(dir, "campaign.json"), JSON.stringify({ provincialPlanDate: "2026-05-05" }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("exit codes", () => {
  it("0 for a valid file", async () => {
    expect((await thidua("validate", "kh-valid.xlsx", ...CAMPAIGN)).code).toBe(0);
  });

  it("0 when the only problems are warnings", async () => {
    const { code, stdout } = await thidua("validate", "kh-issued-late.xlsx", "kh-valid.xlsx", ...CAMPAIGN);

    expect(code).toBe(0);
    expect(stdout).toContain("KH_ISSUED_AFTER_DEADLINE");
  });

  it("1 when any file has an error, even among valid ones", async () => {
    expect(
      (await thidua("validate", "kh-valid.xlsx", "bad-email.xlsx", "bc-valid.xlsx", ...CAMPAIGN)).code,
    ).toBe(1);
  });

  it("1 for a file that is not a workbook: a problem of that file, not a usage error", async () => {
    expect((await thidua("validate", "pdf-renamed.xlsx", ...CAMPAIGN)).code).toBe(1);
  });

  it("1 for a unit the registry does not know, 0 without the registry", async () => {
    expect(
      (await thidua("validate", "unit-unknown.xlsx", "--registry", REGISTRY_FILE, ...CAMPAIGN)).code,
    ).toBe(1);
    expect((await thidua("validate", "unit-unknown.xlsx", ...CAMPAIGN)).code).toBe(0);
  });

  it("reads the campaign from --config, as from the flags", async () => {
    const { code, stdout } = await thidua(
      "validate",
      "kh-issued-late.xlsx",
      "--config",
      "campaign.json",
      "--json",
    );

    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].problems.map((problem: { code: string }) => problem.code)).toEqual([
      "KH_ISSUED_AFTER_DEADLINE",
    ]);
  });

  describe("2 for a usage error: one line on stderr, nothing on stdout", () => {
    it.each([
      ["an unknown option", ["validate", "kh-valid.xlsx", "--frobnicate"]],
      ["no file to validate", ["validate"]],
      ["a language other than vi and en", ["validate", "kh-valid.xlsx", "--lang", "fr"]],
      ["a config file that is not JSON", ["validate", "kh-valid.xlsx", "--config", "broken.json"]],
      ["a config file with an unknown key", ["validate", "kh-valid.xlsx", "--config", "unknown-key.json"]],
      ["a config file that does not exist", ["validate", "kh-valid.xlsx", "--config", "nowhere.json"]],
      ["a year outside the movement", ["validate", "kh-valid.xlsx", "--year", "2019"]],
      ["a year that is not a number", ["validate", "kh-valid.xlsx", "--year", "abc"]],
      ["an impossible provincial plan date", ["validate", "kh-valid.xlsx", "--plan-date", "2026-02-30"]],
      ["an unknown round", ["validate", "kh-valid.xlsx", "--round", "GIUAKY"]],
      ["a registry that does not exist", ["validate", "kh-valid.xlsx", "--registry", "nowhere.xlsx"]],
      ["a registry that is not a workbook", ["validate", "kh-valid.xlsx", "--registry", "pdf-renamed.xlsx"]],
      ["a file that does not exist", ["validate", "kh-valid.xlsx", "nowhere.xlsx"]],
      ["a folder", ["validate", "."]],
    ])("%s", async (_label, args) => {
      const { code, stdout, stderr } = await thidua(...args);

      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^thidua: [^\n]+\n$/);
    });
  });
});

describe("--json", () => {
  interface JsonReport {
    files: {
      file: string;
      kind: string | null;
      version: string | null;
      unit: { code: string | null; name: string | null };
      problems: {
        code: string;
        severity: string;
        sheet: string | null;
        cell: string | null;
        message: string;
      }[];
    }[];
  }

  it("prints {files:[{file, kind, version, unit:{code,name}, problems:[{code, severity, sheet, cell, message}]}]}", async () => {
    const { stdout } = await thidua("validate", "unknown-enum.xlsx", "kh-valid.xlsx", "--json", ...CAMPAIGN);
    const report = JSON.parse(stdout) as JsonReport;

    expect(
      report.files.map(({ file, kind, version, unit }) => ({
        file,
        kind,
        version,
        unit: unit && { code: unit.code, name: unit.name },
      })),
    ).toEqual([
      {
        file: "unknown-enum.xlsx",
        kind: "KH",
        version: "2026.1",
        unit: { code: "SKHCN", name: "Sở Khoa học và Công nghệ" },
      },
      {
        file: "kh-valid.xlsx",
        kind: "KH",
        version: "2026.1",
        unit: { code: "SKHCN", name: "Sở Khoa học và Công nghệ" },
      },
    ]);
    expect(
      report.files[0]?.problems.map(({ code, severity, sheet, cell, message }) => ({
        code,
        severity,
        sheet,
        cell,
        message,
      })),
    ).toMatchInlineSnapshot(`
[
  {
    "cell": "B6",
    "code": "ENUM_UNKNOWN",
    "message": ""Loại đơn vị": giá trị "Sở" không có trong danh sách; hãy chọn trong danh sách thả xuống.",
    "severity": "error",
    "sheet": "Thông tin",
  },
  {
    "cell": "A5",
    "code": "ENUM_UNKNOWN",
    "message": ""Nội dung thi đua": giá trị "ND8" không có trong danh sách; hãy chọn trong danh sách thả xuống.",
    "severity": "error",
    "sheet": "Nhiệm vụ",
  },
]
`);
    expect(report.files[1]?.problems).toEqual([]);
  });

  it("gives every cell as an A1 address, or null for a whole-file problem", async () => {
    const { stdout } = await thidua(
      "validate",
      "unknown-enum.xlsx",
      "pdf-renamed.xlsx",
      "kh-issued-late.xlsx",
      "--json",
      ...CAMPAIGN,
    );
    const problems = (JSON.parse(stdout) as JsonReport).files.flatMap((file) => file.problems);

    expect(problems.map((problem) => problem.cell)).toEqual(["B6", "A5", null, "B8"]);
    expect(
      problems.every((problem) => problem.cell === null || /^[A-Z]{1,3}[1-9]\d*$/.test(problem.cell)),
    ).toBe(true);
  });

  it("reports a file that is not a workbook with no kind, version or unit", async () => {
    const { stdout } = await thidua("validate", "pdf-renamed.xlsx", "--json", ...CAMPAIGN);

    expect((JSON.parse(stdout) as JsonReport).files[0]).toMatchObject({
      file: "pdf-renamed.xlsx",
      kind: null,
      version: null,
      unit: { code: null, name: null },
      problems: [{ code: "FILE_NOT_ZIP", severity: "error", sheet: null, cell: null }],
    });
  });

  it("speaks English with --lang en", async () => {
    const { stdout } = await thidua("validate", "bad-email.xlsx", "--json", "--lang", "en", ...CAMPAIGN);

    expect((JSON.parse(stdout) as JsonReport).files[0]?.problems[0]?.message).toBe(
      '"Contact e-mail": "vanthu@hatinh" is not a valid e-mail address.',
    );
  });
});

describe("human output", () => {
  it("is grouped by file, then by sheet, one line per problem with its cell", async () => {
    const { stdout } = await thidua(
      "validate",
      "unknown-enum.xlsx",
      "pdf-renamed.xlsx",
      "kh-issued-late.xlsx",
      "kh-valid.xlsx",
      ...CAMPAIGN,
    );

    expect(stdout).toMatchInlineSnapshot(`
"unknown-enum.xlsx — KH 2026.1 — SKHCN Sở Khoa học và Công nghệ: 2 lỗi, 0 cảnh báo
  [Thông tin]
    B6     lỗi       ENUM_UNKNOWN: "Loại đơn vị": giá trị "Sở" không có trong danh sách; hãy chọn trong danh sách thả xuống.
  [Nhiệm vụ]
    A5     lỗi       ENUM_UNKNOWN: "Nội dung thi đua": giá trị "ND8" không có trong danh sách; hãy chọn trong danh sách thả xuống.
pdf-renamed.xlsx: 1 lỗi, 0 cảnh báo
  [(toàn tệp)]
           lỗi       FILE_NOT_ZIP: Tệp không phải là bảng tính Excel (.xlsx) mà là tệp pdf; hãy dùng biểu mẫu thidua và lưu dưới dạng .xlsx.
kh-issued-late.xlsx — KH 2026.1 — SKHCN Sở Khoa học và Công nghệ: 0 lỗi, 1 cảnh báo
  [Thông tin]
    B8     cảnh báo  KH_ISSUED_AFTER_DEADLINE: Kế hoạch ban hành ngày 21/05/2026, sau hạn 20/05/2026 (15 ngày kể từ Kế hoạch của UBND tỉnh ngày 05/05/2026).
kh-valid.xlsx — KH 2026.1 — SKHCN Sở Khoa học và Công nghệ: hợp lệ
4 tệp, 2 tệp có lỗi.
"
`);
  });

  it("is in English with --lang en", async () => {
    const { stdout } = await thidua("validate", "kh-issued-late.xlsx", "--lang", "en", ...CAMPAIGN);

    expect(stdout).toMatchInlineSnapshot(`
"kh-issued-late.xlsx — KH 2026.1 — SKHCN Sở Khoa học và Công nghệ: 0 error, 1 warning
  [Thông tin]
    B8     warning   KH_ISSUED_AFTER_DEADLINE: The plan was issued on 21/05/2026, after its deadline 20/05/2026 (15 days from the provincial plan of 05/05/2026).
1 file, 0 with errors.
"
`);
  });
});

describe("issue 17: figures that read wrong are said, at their cell", () => {
  it("a figure that is a formula with no stored result is an error: the file is not ready to send (exit 1)", async () => {
    const { code, stdout } = await thidua(
      "validate",
      "figure-formula-no-result.xlsx",
      "--lang",
      "en",
      ...CAMPAIGN,
    );

    expect(code).toBe(1);
    expect(stdout).toMatch(/E4 +error +FORMULA_NO_RESULT/);
  });

  it("a percentage written as a fraction is asked about at its cell, in both languages, and is only a warning", async () => {
    const vi = await thidua("validate", "percent-as-fraction.xlsx", ...CAMPAIGN);
    const en = await thidua("validate", "percent-as-fraction.xlsx", "--lang", "en", ...CAMPAIGN);

    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/E10 +cảnh báo +PERCENT_LOOKS_LIKE_FRACTION: .*có phải 76,5 %\?/);
    expect(en.stdout).toMatch(/E16 +warning +PERCENT_LOOKS_LIKE_FRACTION: .*did you mean 76\.5 %\?/);
  });
});

describe("issue 8: what an officer passes by mistake is said in words", () => {
  it("a path that does not exist: usage error (exit 2), 'không tìm thấy tệp', nothing validated", async () => {
    const { code, stdout, stderr } = await thidua(
      "validate",
      "kh-valid.xlsx",
      "Ke hoach SNV.xlsx",
      ...CAMPAIGN,
    );

    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("thidua: không tìm thấy tệp Ke hoach SNV.xlsx\n");
    expect((await thidua("validate", "nowhere.xlsx", "--lang", "en")).stderr).toBe(
      "thidua: file not found: nowhere.xlsx\n",
    );
  });

  it("a folder: usage error (exit 2) saying it is a folder", async () => {
    mkdirSync(join(dir, "nop-bai"), { recursive: true });
    const { code, stderr } = await thidua("validate", "nop-bai", ...CAMPAIGN);

    expect(code).toBe(2);
    expect(stderr).toMatch(/^thidua: nop-bai là một thư mục, không phải tệp; /);
  });

  it("Excel's lock file, Thumbs.db and desktop.ini say what they are", async () => {
    writeFileSync(join(dir, "~$kh-valid.xlsx"), Buffer.from("\u000bNguyen Van A", "latin1"));
    writeFileSync(join(dir, "Thumbs.db"), Buffer.alloc(64));
    writeFileSync(join(dir, "desktop.ini"), "[.ShellClassInfo]\r\n");

    const { code, stdout } = await thidua(
      "validate",
      "~$kh-valid.xlsx",
      "Thumbs.db",
      "desktop.ini",
      ...CAMPAIGN,
    );

    expect(code).toBe(1);
    expect(stdout).toContain('Đây là tệp khóa tạm của Excel, được tạo khi tệp "kh-valid.xlsx" đang mở');
    expect(stdout).toContain("Đây là tệp ảnh thu nhỏ của Windows (Thumbs.db)");
    expect(stdout).toContain("Đây là tệp cài đặt thư mục của Windows (desktop.ini)");
    expect(stdout).not.toContain("unknown");
  });

  // Through the compiled CLI: only a separate process can drop root to an ordinary user.
  itFullLayer("a file without read permission: its problem in words (EACCES)", async () => {
    writeFileSync(join(dir, "locked.xlsx"), Buffer.alloc(10));
    chmodSync(join(dir, "locked.xlsx"), 0o000);
    // As root every file is readable: the CLI runs without the capabilities that bypass permissions.
    const { command, args } = withoutPermissionBypass(process.execPath, [
      CLI,
      "validate",
      "locked.xlsx",
      ...CAMPAIGN,
    ]);
    const run = spawnSync(command, args, { cwd: dir, encoding: "utf8" });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Không đọc được tệp: không có quyền đọc tệp (EACCES)");
  });

  it("a year typed into a date cell shows what was typed (2026) and asks for a full date", async () => {
    const { stdout } = await thidua("validate", "year-in-date-cell.xlsx", ...CAMPAIGN);

    expect(stdout).toContain(
      '"Ngày ban hành": ô chỉ ghi số 2026 (Excel hiển thị thành 18/07/1905); cần ghi đủ ngày/tháng/năm, ví dụ 20/05/2026.',
    );
  });
});

describe("issue 8: the configuration file as Notepad saves it, its problems in the officer's language", () => {
  it("accepts a UTF-8 byte order mark (Notepad, PowerShell 5)", async () => {
    writeFileSync(
      join(dir, "bom.json"),
      `\uFEFF${JSON.stringify({ provincialPlanDate: "2026-05-05", reportYear: 2026, round: "SOKET" })}`,
    );

    const { code, stdout } = await thidua(
      "validate",
      "kh-issued-late.xlsx",
      "--config",
      "bom.json",
      "--json",
    );

    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].problems.map((problem: { code: string }) => problem.code)).toEqual([
      "KH_ISSUED_AFTER_DEADLINE",
    ]);
  });

  it.each([
    [
      { reportYear: "2026" },
      'thidua: wrong-type.json: "reportYear": cần một năm từ 2026 đến 2030, viết như số (không có dấu ngoặc kép), ví dụ 2026, tìm thấy "2026"',
    ],
    [
      { reportYear: 2026, deadline: "2026-11-14" },
      'thidua: wrong-type.json: khóa "deadline" không có trong cấu hình của thidua (có thể viết sai chính tả); các khóa được dùng: provincialPlanDate, nominationDeadline, nominationDeadlines, planPhases, reportYear, round, expectedKinds, submission',
    ],
    [
      { provincialPlanDate: "05/05/2026" },
      'thidua: wrong-type.json: "provincialPlanDate": cần một ngày có thật viết năm-tháng-ngày trong dấu ngoặc kép, ví dụ "2026-05-05", hoặc null, tìm thấy "05/05/2026"',
    ],
    [
      { expectedKinds: ["KH", "BAO CAO"] },
      'thidua: wrong-type.json: "expectedKinds": cần danh sách có ít nhất một loại trong "KH", "BC", "DN-KT", ví dụ ["KH", "BC"], tìm thấy "BAO CAO"',
    ],
  ])("%j is refused in Vietnamese, naming the key", async (content, message) => {
    writeFileSync(join(dir, "wrong-type.json"), JSON.stringify(content));

    const { code, stderr } = await thidua("validate", "kh-valid.xlsx", "--config", "wrong-type.json");

    expect(code).toBe(2);
    expect(stderr).toBe(`${message}\n`);
    expect(stderr).not.toMatch(/Invalid input|Unrecognized key|expected number/);
  });

  it("in English with --lang en, and names the flag for a flag", async () => {
    writeFileSync(join(dir, "wrong-type.json"), JSON.stringify({ reportYear: "2026" }));

    expect(
      (await thidua("validate", "kh-valid.xlsx", "--config", "wrong-type.json", "--lang", "en")).stderr,
    ).toBe(
      'thidua: wrong-type.json: "reportYear": expected a year from 2026 to 2030, written as a number (no quotes), e.g. 2026, found "2026"\n',
    );
    expect((await thidua("validate", "kh-valid.xlsx", "--round", "GIUAKY")).stderr).toBe(
      'thidua: dòng lệnh: "--round": cần một trong "HANGNAM", "SOKET", "TONGKET", tìm thấy "GIUAKY"\n',
    );
  });
});
