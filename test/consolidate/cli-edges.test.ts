import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { SampleManifest } from "../../scripts/sample/manifest";
import { runCli as thidua } from "../cli/run-cli";
import { sampleConsolidateArgs } from "../support/consolidated-sample";

/**
 * What a user may do to `thidua consolidate` that a sample alone does not: a registry with gaps,
 * outputs aimed at inputs, --kind DN-KT, a linked folder. Through the CLI's main(), in this process
 * (validation in this thread); the compiled CLI with its worker threads is run by sample-300.test.ts.
 */

interface Json {
  totals: { expected: number; missing: number };
  registry: { file: string; units: number; problems: { code: string; cell: string }[] } | null;
  units: { code: string; email: string; status: string }[];
  files: { file: string; kind: string | null }[];
}

/** A word holding a letter only Vietnamese writes. */
const VIETNAMESE_WORD = /\S*[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]\S*/giu;

describe("thidua consolidate at the edges", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-edges-"));
  let manifest: SampleManifest;
  const common = (): string[] => ["--config", join(dir, "thidua.config.json"), "--as-of", manifest.asOf];

  beforeAll(async () => {
    expect(await thidua(["sample", "--units", "10", "--out", dir])).toMatchObject({ code: 0 });
    manifest = JSON.parse(readFileSync(join(dir, "sample-manifest.json"), "utf8")) as SampleManifest;
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps a registry unit whose e-mail is blank, and says where on stderr, in the Lỗi sheet and the JSON", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "registry.xlsx"));
    const sheet = workbook.getWorksheet("Đơn vị")!;
    const code = String(sheet.getCell("A4").value);
    sheet.getCell("E4").value = null;
    await workbook.xlsx.writeFile(join(dir, "registry-gap.xlsx"));

    const run = await thidua([
      "consolidate",
      "--source",
      join(dir, "submissions"),
      "--registry",
      join(dir, "registry-gap.xlsx"),
      ...common(),
      "--out",
      join(dir, "gap.xlsx"),
      "--json",
    ]);

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/registry-gap\.xlsx Đơn vị!E4: .*Thư điện tử liên hệ/);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.registry).toMatchObject({ units: 10, problems: [{ code: "REQUIRED_MISSING", cell: "E4" }] });
    expect(json.totals.expected).toBe(20);
    expect(json.units.filter((unit) => unit.code === code).map((unit) => unit.email)).toEqual(["", ""]);
  });

  it.each([
    [
      "--out onto the registry",
      (): string[] => ["--out", join(dir, "registry.xlsx")],
      /sẽ ghi đè lên danh sách đơn vị/,
    ],
    ["--out not an .xlsx", (): string[] => ["--out", join(dir, "tong-hop.csv")], /phải là tệp \.xlsx/],
    [
      "--report not an .html",
      (): string[] => ["--out", join(dir, "a.xlsx"), "--report", join(dir, "a.xlsx")],
      /phải là tệp \.html/,
    ],
    [
      "--report onto a folder",
      (): string[] => {
        mkdirSync(join(dir, "folder.html"), { recursive: true });
        return ["--out", join(dir, "a.xlsx"), "--report", join(dir, "folder.html")];
      },
      /là một thư mục/,
    ],
    [
      "--out onto a submission",
      (): string[] => ["--out", join(dir, manifest.files[0]!.file)],
      /có thể là hồ sơ của đơn vị/,
    ],
    [
      "--out onto the registry (English)",
      (): string[] => ["--out", join(dir, "registry.xlsx"), "--lang", "en"],
      /would overwrite the registry/,
    ],
    [
      "a source folder that does not exist",
      (): string[] => ["--out", join(dir, "a.xlsx"), "--source", join(dir, "khong-co")],
      /không đọc được thư mục nguồn .*khong-co \(không tồn tại\)/,
    ],
  ])(
    "refuses %s with exit 2 before writing anything, in the user's language",
    async (_label, outputs, message) => {
      const registryBefore = readFileSync(join(dir, "registry.xlsx"));
      const run = await thidua([...sampleConsolidateArgs(dir, manifest.asOf), ...outputs()]);

      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(readFileSync(join(dir, "registry.xlsx")).equals(registryBefore)).toBe(true);
      expect(existsSync(join(dir, "a.xlsx"))).toBe(false);
    },
  );

  it("replaces its own previous workbook kept inside the source folder", async () => {
    const out = join(dir, "submissions", "tong-hop.xlsx");
    const args = [...sampleConsolidateArgs(dir, manifest.asOf), "--out", out];

    expect(await thidua(args)).toMatchObject({ code: 0 });
    expect(await thidua(args)).toMatchObject({ code: 0 });
    rmSync(out);
  });

  it("replaces its own previous workbook written in English (--lang en), whichever language runs next", async () => {
    const out = join(dir, "submissions", "summary.xlsx");
    const args = [...sampleConsolidateArgs(dir, manifest.asOf), "--out", out];

    expect(await thidua([...args, "--lang", "en"])).toMatchObject({ code: 0 });
    expect(await thidua([...args, "--lang", "en"])).toMatchObject({ code: 0 });
    expect(await thidua(args)).toMatchObject({ code: 0 });
    rmSync(out);
  });

  it("speaks only English with --lang en: the progress bar, the figures and where the outputs are", async () => {
    const ci = process.env.CI;
    // The bar is drawn on a terminal outside CI only, as for an officer at a console.
    delete process.env.CI;
    try {
      const run = await thidua(
        [...sampleConsolidateArgs(dir, manifest.asOf), "--out", join(dir, "english.xlsx"), "--lang", "en"],
        { stderrIsTTY: true },
      );

      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/\d+\/\d+ files \|/);
      expect(run.stdout).toMatch(/^Figures as of .*Expected/);
      // The sample's paths and names hold no Vietnamese letter: any one here is a word left untranslated.
      expect([...`${run.stdout}${run.stderr}`.matchAll(VIETNAMESE_WORD)].map((match) => match[0])).toEqual(
        [],
      );
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
  });

  it("--kind DN-KT consolidates the nominations without calling every unit that sent none missing", async () => {
    const run = await thidua([
      ...sampleConsolidateArgs(dir, manifest.asOf),
      "--kind",
      "DN-KT",
      "--out",
      join(dir, "dn.xlsx"),
      "--json",
    ]);
    const json = JSON.parse(run.stdout) as Json;

    expect(json.totals).toMatchObject({ expected: 0, missing: 0 });
    expect(json.units).toEqual([]);
    // Files whose kind cannot be read stay listed, whatever the filter: nothing is dropped silently.
    const nominations = manifest.files.filter((file) => file.kind === "DN-KT").length;
    expect(nominations).toBeGreaterThan(0);
    expect(json.files.filter((file) => file.kind === "DN-KT").length).toBe(nominations);
    expect(json.files.every((file) => file.kind === "DN-KT" || file.kind === null)).toBe(true);
  });

  it("follows a linked folder under the source, and reads a folder linked twice once", async () => {
    const linked = join(dir, "linked");
    mkdirSync(linked);
    cpSync(join(dir, "submissions", "KH"), join(linked, "KH"), { recursive: true, preserveTimestamps: true });
    symlinkSync(join(dir, "submissions", "BC"), join(linked, "BC"));
    symlinkSync(join(dir, "submissions", "BC"), join(linked, "BC-again"));
    symlinkSync(join(dir, "nowhere.xlsx"), join(linked, "dangling.xlsx"));

    const run = await thidua([
      "consolidate",
      "--source",
      linked,
      "--registry",
      join(dir, "registry.xlsx"),
      ...common(),
      "--kind",
      "KH",
      "BC",
      "--out",
      join(dir, "linked.xlsx"),
      "--json",
    ]);
    const json = JSON.parse(run.stdout) as Json;

    const expected = manifest.files.filter(
      (file) => file.file.startsWith("submissions/KH/") || file.file.startsWith("submissions/BC/"),
    );
    expect(run.code).toBe(0);
    expect(json.files.length).toBe(expected.length);
    expect(json.files.some((file) => file.file.startsWith("BC-again/"))).toBe(false);
  });
});
