import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KH_SPEC } from "../../core/template-spec/index";
import { runCli as thidua } from "./run-cli";

/** The CLI through its main(), in this process; the installed bin is run by test/install/pack.test.ts. */

describe("thidua describe", () => {
  it("lists every KH field with the sheet and cell the spec (and so the generator) uses", async () => {
    const { code, stdout } = await thidua(["describe", "KH", "--json"]);
    expect(code).toBe(0);
    const description = JSON.parse(stdout) as {
      kind: string;
      fields: { key: string; sheet: string; cell: string; type: string; required: boolean }[];
    };
    expect(description.kind).toBe("KH");
    expect(description.fields.map((field) => [field.key, field.sheet, field.cell])).toEqual(
      KH_SPEC.fields.map((field) => [field.key, field.sheet, field.cell]),
    );
    expect(description.fields.find((field) => field.key === "unitType")).toMatchObject({
      type: "enum",
      required: true,
      allowedValues: [{ code: "CQ" }, { code: "MT" }, { code: "DN" }],
    });
  });

  it("describes all kinds as an array when no kind is given", async () => {
    const kinds = (JSON.parse((await thidua(["describe", "--json"])).stdout) as { kind: string }[]).map(
      (entry) => entry.kind,
    );
    expect(kinds).toEqual(["KH", "BC", "DN-KT", "DS-DV"]);
  });
});

describe("bad use of the CLI: one line on stderr, exit code 2, no stack trace", () => {
  const notAFolder = join(mkdtempSync(join(tmpdir(), "thidua-cli-")), "file");
  writeFileSync(notAFolder, "x");

  it.each([
    ["an unknown command", ["bogus"]],
    ["an unknown option", ["describe", "--frobnicate"]],
    ["a missing argument", ["validate"]],
    ["an unknown kind", ["describe", "XX"]],
    ["an unknown language", ["describe", "KH", "--lang", "fr"]],
    ["an unwritable output folder", ["templates", "--out", join(notAFolder, "sub")]],
    ["a missing required option", ["sample", "--units", "5"]],
    ["a bad number", ["sample", "--units", "many", "--out", "/tmp/x"]],
    [
      "a nominating percentage over 100",
      ["sample", "--units", "5", "--out", "/tmp/x", "--nominating", "150"],
    ],
    [
      "a missing registry",
      ["consolidate", "--source", ".", "--registry", "/nonexistent.xlsx", "--out", "/tmp/x.xlsx"],
    ],
    [
      "a bad as-of",
      [
        "consolidate",
        "--source",
        ".",
        "--registry",
        "r.xlsx",
        "--out",
        "/tmp/x.xlsx",
        "--as-of",
        "yesterday",
      ],
    ],
  ])("%s", async (_label, args) => {
    const { code, stderr } = await thidua(args);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^thidua: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the CLI speaks the user's language: Vietnamese by default, English with --lang en", () => {
  it("prints its help in Vietnamese", async () => {
    const { code, stdout } = await thidua(["validate", "--help"]);

    expect(code).toBe(0);
    expect(stdout).toContain("Cách dùng: thidua validate [tùy-chọn] <files...>");
    expect(stdout).toContain("kiểm tra các tệp theo quy định và thời hạn");
    expect(stdout).toContain("Tùy chọn:");
    expect(stdout).toMatch(/\(mặc\s+định: "vi"\)/);
    expect(stdout).toMatch(/-h, --help\s+xem hướng dẫn/);
    expect(stdout).not.toMatch(/Usage|Options|display help|default:/);
  });

  it("prints the list of commands in Vietnamese, and in English with --lang en", async () => {
    const vi = await thidua(["--help"]);
    const en = await thidua(["--help", "--lang", "en"]);

    expect(vi.stdout).toMatch(/Lệnh:\n\s+templates \[tùy-chọn\]\s+viết các biểu mẫu trống/);
    expect(en.stdout).toMatch(/Commands:\n\s+templates \[options\]\s+write the blank templates/);
    expect(en.stdout).not.toMatch(/Cách dùng|Tùy chọn/);
  });

  it.each([
    [["describe", "--frobnicate"], "thidua: không có tùy chọn --frobnicate; xem thidua --help\n"],
    [
      ["describe", "--frobnicate", "--lang", "en"],
      "thidua: unknown option --frobnicate; see thidua --help\n",
    ],
    [["validate"], "thidua: thiếu tệp cần kiểm tra; xem thidua --help\n"],
    [["validate", "--lang", "en"], "thidua: missing the files to validate; see thidua --help\n"],
    [["sample", "--units", "5"], "thidua: thiếu tùy chọn bắt buộc --out <dir>; xem thidua --help\n"],
    [
      ["sample", "--units", "5", "--out"],
      "thidua: tùy chọn --out <dir> cần một giá trị; xem thidua --help\n",
    ],
    [["describe", "KH", "BC"], "thidua: thừa đối số cho lệnh describe; xem thidua --help\n"],
    [
      ["descibe"],
      'thidua: không có lệnh "descibe" (các lệnh: templates, describe, validate, sample, consolidate, remind) (có phải ý bạn là describe?); xem thidua --help\n',
    ],
    [
      ["sample", "--units", "many", "--out", "x"],
      'thidua: --units phải là số nguyên từ 1 đến 100000, không phải "many"\n',
    ],
    [
      ["describe", "XX", "--lang", "en"],
      'thidua: unknown template kind "XX" (expected one of KH, BC, DN-KT, DS-DV)\n',
    ],
    [["describe", "XX"], 'thidua: không có loại biểu mẫu "XX" (chọn một trong KH, BC, DN-KT, DS-DV)\n'],
  ])("words a flag-syntax error: thidua %j", async (args, message) => {
    expect(await thidua(args)).toEqual({ code: 2, stdout: "", stderr: message });
  });

  it("describes a template in Vietnamese: where each field is and what it takes", async () => {
    const { code, stdout } = await thidua(["describe", "KH"]);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^KH 2026\.1 — .+ \(KH_ke-hoach-trien-khai\.xlsx\)\n/);
    expect(stdout).toContain("  Thông tin!B6  unitType  Loại đơn vị (*)  [chọn trong danh sách: CQ|MT|DN]\n");
    expect(stdout).toMatch(/ {2}Nhiệm vụ — Nhiệm vụ: tiêu đề ở dòng \d+, dữ liệu từ dòng \d+\n/);
    expect(stdout).toMatch(/ {4}E {2}deadline {2}Thời hạn hoàn thành \(\*\) {2}\[ngày\]\n/);
    expect(stdout).not.toMatch(/headers on row|\[enum|\[date/);
  });

  it("describes a template in English with --lang en", async () => {
    const { stdout } = await thidua(["describe", "KH", "--lang", "en"]);

    expect(stdout).toContain("  Thông tin!B6  unitType  Unit type (*)  [enum: CQ|MT|DN]\n");
    expect(stdout).toMatch(/ {2}Nhiệm vụ — Tasks: headers on row \d+, data from row \d+\n/);
  });

  it("says what `thidua sample` wrote, and why it refuses a folder, in the user's language", async () => {
    const out = mkdtempSync(join(tmpdir(), "thidua-cli-sample-"));
    const vi = await thidua(["sample", "--units", "2", "--out", out]);
    const en = await thidua(["sample", "--units", "2", "--out", out, "--lang", "en"]);

    expect(vi).toMatchObject({ code: 0, stderr: "" });
    expect(vi.stdout).toMatch(
      /^\d+ tệp của 2 đơn vị trong .+\ndanh sách đơn vị: .+\nbản kê kết quả: .+\ncấu hình: .+\n$/,
    );
    expect(en.stdout).toMatch(/^\d+ files for 2 units in .+\nregistry: .+\nmanifest: .+\nconfig: .+\n$/);

    const someonesFolder = mkdtempSync(join(tmpdir(), "thidua-cli-taken-"));
    mkdirSync(join(someonesFolder, "submissions"));
    writeFileSync(join(someonesFolder, "submissions", "KH_SNV.xlsx"), "x");
    const refusedVi = await thidua(["sample", "--units", "2", "--out", someonesFolder]);
    const refusedEn = await thidua(["sample", "--units", "2", "--out", someonesFolder, "--lang", "en"]);

    expect(refusedVi).toMatchObject({ code: 2, stdout: "" });
    expect(refusedVi.stderr).toMatch(
      /^thidua: .+ có tệp và không phải một bộ mẫu trước đó: hãy chọn --out khác\n$/,
    );
    expect(refusedEn.stderr).toMatch(
      /^thidua: .+ is not empty and is not a previous sample: choose another --out\n$/,
    );
    expect(readFileSync(join(someonesFolder, "submissions", "KH_SNV.xlsx"), "utf8")).toBe("x");
  });

  it("prints the version of package.json with --version", async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version: string;
    };

    expect(await thidua(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});
