import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { CORPUS, VALID_CASES, type CorpusCase } from "../fixtures/bad/cases";
import { writeCase } from "../fixtures/write-corpus";

/**
 * How Sở Nội vụ installs thidua without the npm registry name: the release tarball `npm pack`
 * makes, installed with `npm install -g`, then `thidua` run from the officer's own folder. Here
 * into a temporary prefix (dependencies from npm's cache where it has them). Full layer only: it
 * packs the compiled dist/ (`npm test` builds first) and takes a while.
 */

const ROOT = join(__dirname, "..", "..");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
const CAMPAIGN = ["--plan-date", "2026-05-05", "--year", "2026", "--round", "SOKET"];

/** npm as the running npm names it (npm_execpath under `npm test`), else from PATH. */
function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const cli = process.env.npm_execpath;
  const viaNode = cli !== undefined && /npm-cli\.js$/.test(cli);
  return spawnSync(viaNode ? process.execPath : "npm", viaNode ? [cli, ...args] : [...args], {
    cwd,
    encoding: "utf8",
    shell: !viaNode && process.platform === "win32",
    timeout: 240_000,
  });
}

function corpusCase(file: string): CorpusCase {
  const found = [...CORPUS, ...VALID_CASES].find((candidate) => candidate.file === file);
  if (!found) throw new Error(`no corpus file ${file}`);
  return found;
}

describe("the release tarball, installed with npm install -g", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-pack-"));
  const prefix = join(dir, "prefix");
  const officer = join(dir, "phong-thi-dua");
  const bin = process.platform === "win32" ? join(prefix, "thidua.cmd") : join(prefix, "bin", "thidua");
  let packed: { filename: string; files: { path: string }[] } = { filename: "", files: [] };

  function thidua(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const run = spawnSync(bin, args, {
      cwd: officer,
      encoding: "utf8",
      shell: process.platform === "win32",
      env: { ...process.env, PATH: `${join(prefix, "bin")}${delimiter}${process.env.PATH ?? ""}` },
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "dist", "scripts", "cli.js")))
      throw new Error("dist/ is missing: run `npm run build` (npm test does)");
    const pack = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT);
    if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0] ?? packed;
    const install = npm(
      [
        "install",
        "--global",
        "--prefix",
        prefix,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        join(dir, packed.filename),
      ],
      dir,
    );
    if (install.status !== 0) throw new Error(`npm install -g failed: ${install.stderr}`);
    mkdirSync(officer);
    await writeCase(officer, corpusCase("kh-valid.xlsx"));
    await writeCase(officer, corpusCase("bad-email.xlsx"));
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds the compiled CLI, the templates and the README, and no tests or sources", () => {
    const paths = packed.files.map((file) => file.path);

    expect(packed.filename).toBe(`thidua-${version}.tgz`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "README.md",
        "package.json",
        "dist/scripts/cli.js",
        "dist/core/index.js",
        "dist/xlsx-read/index.js",
        "templates/KH_ke-hoach-trien-khai.xlsx",
        "templates/BC_bao-cao-nam.xlsx",
        "templates/DN-KT_de-nghi-khen-thuong.xlsx",
        "templates/DS-DV_danh-sach-don-vi.xlsx",
      ]),
    );
    expect(paths.filter((path) => /^(test|bench|addin|dist\/bench)\/|\.ts$/.test(path))).toEqual([]);
  });

  it("answers thidua --version with the package's version", () => {
    expect(thidua("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("describes a template, in Vietnamese, from the officer's own folder", () => {
    const { code, stdout } = thidua("describe", "KH");

    expect(code).toBe(0);
    expect(stdout).toContain("  Thông tin!B6  unitType  Loại đơn vị (*)  [chọn trong danh sách: CQ|MT|DN]\n");
  });

  it("validates the officer's files, with exit code 0, 1 or 2 as the README says", () => {
    const valid = thidua("validate", "kh-valid.xlsx", ...CAMPAIGN);
    const invalid = thidua("validate", "bad-email.xlsx", ...CAMPAIGN);
    const misuse = thidua("validate");

    expect([valid.code, valid.stdout]).toEqual([0, expect.stringContaining("kh-valid.xlsx — KH")]);
    expect(valid.stdout).toContain(": hợp lệ\n");
    expect([invalid.code, invalid.stdout]).toEqual([1, expect.stringContaining("EMAIL_INVALID")]);
    expect(misuse).toEqual({
      code: 2,
      stdout: "",
      stderr: "thidua: thiếu tệp cần kiểm tra; xem thidua --help\n",
    });
  });
});
