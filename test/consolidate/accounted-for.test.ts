import { execFile } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { SampleManifest } from "../../scripts/sample/manifest";
import { withoutPermissionBypass } from "../support/without-permission-bypass";
import { buildZip } from "../fixtures/zip";

/**
 * Issue 8, consolidation side, through the compiled CLI: a file speaks only for the unit it names
 * (identity), a file named for its unit counts as sent, every file under the source is accounted
 * for, unreadable folders are listed, received times are said to be modification times,
 * impossible --as-of dates are refused, and the output pair is written safely.
 */

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "scripts", "cli.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: readonly string[], honourPermissions = false): Promise<Run> {
  const { command, args: commandArgs } = honourPermissions
    ? withoutPermissionBypass(process.execPath, [CLI, ...args])
    : { command: process.execPath, args: [CLI, ...args] };
  return new Promise((resolve) => {
    execFile(command, commandArgs, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface JsonProblem {
  code: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  message: string;
}

interface Json {
  totals: { expected: number; received: number; invalid: number; missing: number; onTime: number };
  receivedTimes: string | null;
  sourceProblems: { code: string; params: Record<string, unknown>; message: string }[];
  units: { code: string; kind: string; status: string; file: string | null }[];
  files: {
    file: string;
    outcome: string;
    unit: string | null;
    attribution: string | null;
    pointsTo: string | null;
    problems: JsonProblem[];
  }[];
}

async function sheetRows(workbookPath: string, sheetName: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  const rows: string[][] = [];
  workbook.getWorksheet(sheetName)?.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1).map((value) => (value === null || value === undefined ? "" : String(value))));
  });
  return rows;
}

/** Files added by a test are received before the sample's as-of (25/11/2026), in office hours. */
function receivedBeforeAsOf(...paths: string[]): void {
  const at = new Date("2026-11-10T09:00:00+07:00");
  for (const path of paths) utimesSync(path, at, at);
}

/** A unit name without its marks, as an officer types it in a file name. */
function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

describe("every file accounted for, each speaking only for its unit (issue 8)", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-accounted-"));
  let manifest: SampleManifest;
  let registryNames: Map<string, string>;
  let baseline: Json;
  const statusOf = (json: Json, code: string, kind: string): string | undefined =>
    json.units.find((unit) => unit.code === code && unit.kind === kind)?.status;
  const fileOf = (json: Json, file: string): Json["files"][number] | undefined =>
    json.files.find((entry) => entry.file === file);

  /** A copy of the sample's submissions, modification times kept (unless a test wants a plain copy). */
  function copySource(name: string, keepTimes = true): string {
    const target = join(dir, name);
    cpSync(join(dir, "submissions"), target, { recursive: true, preserveTimestamps: keepTimes });
    return target;
  }

  async function consolidate(source: string, extra: readonly string[] = [], honourPermissions = false) {
    const result = await run(
      [
        "consolidate",
        "--source",
        source,
        "--registry",
        join(dir, "registry.xlsx"),
        "--config",
        join(dir, "thidua.config.json"),
        "--json",
        ...(extra.includes("--as-of") ? [] : ["--as-of", manifest.asOf]),
        ...(extra.includes("--out") ? [] : ["--out", join(dir, "out", `${source.split("/").pop()}.xlsx`)]),
        ...extra,
      ],
      honourPermissions,
    );
    return { run: result, json: result.code === 0 ? (JSON.parse(result.stdout) as Json) : null };
  }

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does)`);
    expect(await run(["sample", "--units", "20", "--out", dir])).toMatchObject({ code: 0 });
    manifest = JSON.parse(readFileSync(join(dir, "sample-manifest.json"), "utf8")) as SampleManifest;
    const registry = new ExcelJS.Workbook();
    await registry.xlsx.readFile(join(dir, "registry.xlsx"));
    registryNames = new Map();
    registry.getWorksheet("Đơn vị")?.eachRow((row, number) => {
      if (number >= 4) registryNames.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    const first = await consolidate(join(dir, "submissions"));
    expect(first.run.code).toBe(0);
    baseline = first.json!;
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const onTimeKh = (): { file: string; unit: string } => {
    const entry = manifest.files.find(
      (file) => file.kind === "KH" && file.scenario === "valid" && file.expectedOutcome === "on_time",
    );
    if (!entry?.unit) throw new Error("the sample has no on-time KH file");
    return { file: entry.file, unit: entry.unit };
  };
  const missingUnits = (kind: string): string[] =>
    manifest.units
      .filter((unit) => unit.kind === kind && unit.expectedStatus === "missing")
      .map((unit) => unit.code);

  it("1. a neighbour's file with only the unit name changed is an identity conflict: the neighbour keeps its file, the renamed unit is not counted", async () => {
    const source = copySource("identity");
    const original = onTimeKh();
    const other = missingUnits("KH").find((code) => code !== original.unit)!;
    const otherName = registryNames.get(other)!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, original.file));
    workbook.getWorksheet("Thông tin")!.getCell("B5").value = otherName;
    const copied = join(source, "KH", `Ke hoach ${ascii(otherName)}.xlsx`);
    await workbook.xlsx.writeFile(copied);
    // Saved later than the neighbour's own file: today it would supersede it.
    const later = statSync(join(dir, original.file)).mtime.getTime() + 86_400_000;
    utimesSync(copied, new Date(later), new Date(later));

    const report = join(dir, "out", "identity.html");
    const { run: result, json } = await consolidate(source, ["--report", report]);

    expect(result.code).toBe(0);
    const html = readFileSync(report, "utf8");
    expect(html).toContain("Tệp cần xem lại");
    expect(html).toContain(`KH/Ke hoach ${ascii(otherName)}.xlsx`);
    const copiedEntry = fileOf(json!, `KH/Ke hoach ${ascii(otherName)}.xlsx`)!;
    expect(copiedEntry).toMatchObject({ outcome: "identity_conflict", unit: original.unit, pointsTo: other });
    expect(copiedEntry.problems.filter((problem) => problem.severity === "error")).toEqual([
      expect.objectContaining({ code: "UNIT_NAME_CONFLICT", sheet: "Thông tin", cell: "B5" }),
    ]);
    expect(fileOf(json!, original.file.replace("submissions/", ""))?.outcome).toBe("on_time");
    expect(statusOf(json!, original.unit, "KH")).toBe("on_time");
    expect(statusOf(json!, other, "KH")).toBe("missing");
    const followUp = await sheetRows(join(dir, "out", "identity.xlsx"), "Chưa nộp");
    const otherRow = followUp.find((row) => row[0] === other && row[5]?.includes("(KH)"));
    expect(otherRow?.at(-1)).toContain(`KH/Ke hoach ${ascii(otherName)}.xlsx`);
    expect(json!.totals).toEqual(baseline.totals);

    const validation = await run([
      "validate",
      "--registry",
      join(dir, "registry.xlsx"),
      "--config",
      join(dir, "thidua.config.json"),
      "--json",
      copied,
    ]);
    expect(validation.code).toBe(1);
    const validated = JSON.parse(validation.stdout) as { files: { problems: JsonProblem[] }[] };
    expect(validated.files[0]!.problems.filter((problem) => problem.severity === "error")).toEqual([
      expect.objectContaining({ code: "UNIT_NAME_CONFLICT", sheet: "Thông tin", cell: "B5" }),
    ]);
    expect(validated.files[0]!.problems[0]!.message).toContain(other);
  });

  it("2. an empty file or an .ods named for a unit and a kind makes that unit invalid (resend), attributed by its file name", async () => {
    const source = copySource("by-name");
    const [khUnit] = missingUnits("KH");
    const [bcUnit] = missingUnits("BC");
    writeFileSync(join(source, "KH", `KH_${khUnit}_gui-lai.xlsx`), "");
    writeFileSync(
      join(source, "BC", `BC_${bcUnit}_gui-lai.ods`),
      buildZip([
        {
          name: "mimetype",
          data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"),
          store: true,
        },
        { name: "content.xml", data: Buffer.from("<office:document-content/>") },
      ]),
    );
    receivedBeforeAsOf(
      join(source, "KH", `KH_${khUnit}_gui-lai.xlsx`),
      join(source, "BC", `BC_${bcUnit}_gui-lai.ods`),
    );

    const { json } = await consolidate(source, ["--out", join(dir, "out", "by-name.xlsx")]);

    expect(statusOf(json!, khUnit!, "KH")).toBe("invalid");
    expect(statusOf(json!, bcUnit!, "BC")).toBe("invalid");
    for (const [file, unit] of [
      [`KH/KH_${khUnit}_gui-lai.xlsx`, khUnit],
      [`BC/BC_${bcUnit}_gui-lai.ods`, bcUnit],
    ] as const) {
      const entry = fileOf(json!, file)!;
      expect(entry).toMatchObject({ outcome: "invalid", unit, attribution: "file_name" });
      expect(entry.problems.map((problem) => problem.code)).toContain("UNIT_FROM_FILE_NAME");
    }
    expect(json!.totals.missing).toBe(baseline.totals.missing - 2);
    expect(json!.totals.invalid).toBe(baseline.totals.invalid + 2);
    const log = await sheetRows(join(dir, "out", "by-name.xlsx"), "Nhật ký");
    expect(log.find((row) => row[0] === `KH/KH_${khUnit}_gui-lai.xlsx`)).toEqual(
      expect.arrayContaining(["Theo tên tệp", khUnit]),
    );
  });

  it("6. says that received times are modification times, and warns when a copied folder gave most files one time", async () => {
    expect(baseline.receivedTimes).toBe("modification_time");
    expect(baseline.sourceProblems).toEqual([]);
    const source = copySource("copied", false);
    const report = join(dir, "out", "copied.html");

    const { json } = await consolidate(source, [
      "--as-of",
      "2099-01-01",
      "--out",
      join(dir, "out", "copied.xlsx"),
      "--report",
      report,
    ]);

    expect(json!.sourceProblems.map((problem) => problem.code)).toEqual(["RECEIVED_TIMES_SHARED"]);
    expect(json!.sourceProblems[0]!.params.total).toBe(manifest.files.length);
    expect(readFileSync(report, "utf8")).toContain("Thời điểm nhận là thời điểm sửa đổi tệp");
    expect(readFileSync(report, "utf8")).toContain("có cùng thời điểm sửa đổi");
    const log = await sheetRows(join(dir, "out", "copied.xlsx"), "Nhật ký");
    expect(log.find((row) => row[0] === "Thời điểm nhận")?.[1]).toMatch(/thời điểm sửa đổi tệp/);
    const problems = await sheetRows(join(dir, "out", "copied.xlsx"), "Lỗi");
    expect(problems.some((row) => row.includes("RECEIVED_TIMES_SHARED"))).toBe(true);
  });

  it.each(["2026-11-31T10:00", "2026-02-30", "2026", "2026-11", "2026-11-25T24:00", "25/11/2026"])(
    "7. refuses --as-of %s (an impossible or partial date) with exit 2",
    async (asOf) => {
      const result = await run([
        "consolidate",
        "--source",
        join(dir, "submissions"),
        "--registry",
        join(dir, "registry.xlsx"),
        "--out",
        join(dir, "out", "as-of.xlsx"),
        "--as-of",
        asOf,
      ]);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--as-of phải là một ngày có thật`);
      expect(result.stderr).toContain(asOf);
      expect(existsSync(join(dir, "out", "as-of.xlsx"))).toBe(false);
    },
  );

  it("9. an unreadable sub-folder is a listed problem (which folder, why); the rest is consolidated", async () => {
    const source = copySource("locked");
    const locked = readdirSync(join(source, "BC"), { withFileTypes: true }).find((entry) =>
      entry.isDirectory(),
    );
    if (!locked) throw new Error("the sample has no sub-folder under BC");
    const lockedFiles = readdirSync(join(source, "BC", locked.name)).length;
    chmodSync(join(source, "BC", locked.name), 0o000);
    try {
      // As root, permissions do not stop a read: the CLI runs without the capabilities that bypass them.
      const { run: result, json } = await consolidate(
        source,
        ["--out", join(dir, "out-locked", "locked.xlsx")],
        true,
      );

      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
      expect(json!.sourceProblems).toEqual([
        expect.objectContaining({
          code: "FOLDER_UNREADABLE",
          params: { folder: `BC/${locked.name}`, reason: "EACCES" },
        }),
      ]);
      expect(json!.files).toHaveLength(baseline.files.length - lockedFiles);
      const problems = await sheetRows(join(dir, "out-locked", "locked.xlsx"), "Lỗi");
      expect(problems.find((row) => row.includes("FOLDER_UNREADABLE"))).toEqual(
        expect.arrayContaining([`BC/${locked.name}`]),
      );
    } finally {
      chmodSync(join(source, "BC", locked.name), 0o755);
    }
  });

  it("10. lists every file found, with what was done with it; only OS and lock files are skipped; an .xlsb that is an xlsx is judged as validate judges it", async () => {
    const source = copySource("every-file");
    writeFileSync(
      join(source, "BC", "bien-ban.docx"),
      buildZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]),
    );
    writeFileSync(join(source, "BC", "ho-so.zip"), buildZip([{ name: "a.txt", data: Buffer.from("a") }]));
    writeFileSync(join(source, "Thumbs.db"), "x");
    writeFileSync(join(source, "desktop.ini"), "[.ShellClassInfo]");
    writeFileSync(join(source, ".DS_Store"), "x");
    writeFileSync(join(source, "KH", "~$KH_SNV.xlsx"), "lock");
    const original = onTimeKh();
    const xlsb = join(
      source,
      "KH",
      `${original.file
        .split("/")
        .pop()!
        .replace(/\.xlsx$/, "")}.xlsb`,
    );
    copyFileSync(join(dir, original.file), xlsb);
    rmSync(join(source, original.file.replace("submissions/", "")));
    utimesSync(xlsb, statSync(join(dir, original.file)).mtime, statSync(join(dir, original.file)).mtime);
    receivedBeforeAsOf(join(source, "BC", "bien-ban.docx"), join(source, "BC", "ho-so.zip"));

    const { json } = await consolidate(source, ["--out", join(dir, "out", "every-file.xlsx")]);

    const outcomes = Object.fromEntries(json!.files.map((file) => [file.file, file.outcome]));
    expect(outcomes).toMatchObject({
      "BC/bien-ban.docx": "not_a_spreadsheet",
      "BC/ho-so.zip": "not_a_spreadsheet",
    });
    for (const skipped of ["Thumbs.db", "desktop.ini", ".DS_Store", "KH/~$KH_SNV.xlsx"])
      expect(outcomes[skipped]).toBeUndefined();
    const xlsbName = xlsb.slice(source.length + 1);
    expect(outcomes[xlsbName]).toBe("on_time");
    expect(statusOf(json!, original.unit, "KH")).toBe("on_time");
    const validation = await run([
      "validate",
      "--registry",
      join(dir, "registry.xlsx"),
      "--config",
      join(dir, "thidua.config.json"),
      "--json",
      xlsb,
    ]);
    const validated = JSON.parse(validation.stdout) as {
      files: { unit: { code: string }; problems: JsonProblem[] }[];
    };
    expect(validated.files[0]!.unit.code).toBe(original.unit);
    expect(validated.files[0]!.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    const log = await sheetRows(join(dir, "out", "every-file.xlsx"), "Nhật ký");
    expect(log.find((row) => row[0] === "BC/bien-ban.docx")).toEqual(
      expect.arrayContaining(["Không phải bảng tính (không đọc)"]),
    );
  });

  it("11. a blank template dropped in the folder is its own outcome and changes no figure", async () => {
    const source = copySource("blank");
    copyFileSync(join(ROOT, "templates", "BC_bao-cao-nam.xlsx"), join(source, "BC", "Mau bao cao.xlsx"));
    receivedBeforeAsOf(join(source, "BC", "Mau bao cao.xlsx"));

    const { json } = await consolidate(source);

    expect(fileOf(json!, "BC/Mau bao cao.xlsx")).toMatchObject({ outcome: "blank_template", problems: [] });
    expect(json!.totals).toEqual(baseline.totals);
  });

  it("12. --kind DN-KT: the report's most frequent problems come only from the files in the report", async () => {
    const report = join(dir, "out", "dnkt.html");

    const { json } = await consolidate(join(dir, "submissions"), [
      "--kind",
      "DN-KT",
      "--out",
      join(dir, "out", "dnkt.xlsx"),
      "--report",
      report,
    ]);

    // Only DN-KT files, and files whose kind nobody can tell (their names name none).
    expect(json!.files.filter((file) => !file.file.startsWith("DN-KT/")).map((file) => file.file)).toEqual([
      "BC/Tong hop so lieu cum.xlsx",
    ]);
    const inReport = new Set(json!.files.flatMap((file) => file.problems.map((problem) => problem.code)));
    const html = readFileSync(report, "utf8");
    const start = html.indexOf('id="problems"');
    const section = html.slice(start, html.indexOf("</section>", start));
    const shown = [...section.matchAll(/<code>([A-Z_]+)<\/code>/g)].map((match) => match[1]!);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((code) => !inReport.has(code))).toEqual([]);
  });

  it("17. checks that --report can be written before any work, and never writes the workbook alone", async () => {
    const blocker = join(dir, "out", "not-a-folder");
    writeFileSync(blocker, "a file where a folder is needed");
    const out = join(dir, "out", "pair.xlsx");

    const result = await run([
      "consolidate",
      "--source",
      join(dir, "submissions"),
      "--registry",
      join(dir, "registry.xlsx"),
      "--as-of",
      manifest.asOf,
      "--out",
      out,
      "--report",
      join(blocker, "bao-cao.html"),
    ]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/không ghi được .*bao-cao\.html/);
    expect(existsSync(out)).toBe(false);
  });

  it("17. removes stale temporary files of earlier runs beside the outputs", async () => {
    const folder = join(dir, "out-stale");
    mkdirSync(folder, { recursive: true });
    // A run killed long ago (no such process), an older thidua's name, and another output's file.
    const stale = [
      ".tong-hop.xlsx.999999999-0123456789ab.tmp",
      ".tong-hop.xlsx.0123456789ab.tmp",
      ".bao-cao.html.999999998-abcdefabcdef.tmp",
    ];
    for (const name of stale) writeFileSync(join(folder, name), "partial");
    writeFileSync(join(folder, ".khac.xlsx.999999999-0123456789ab.tmp"), "someone else's");

    const { run: result } = await consolidate(join(dir, "submissions"), [
      "--out",
      join(folder, "tong-hop.xlsx"),
      "--report",
      join(folder, "bao-cao.html"),
    ]);

    expect(result.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([
      ".khac.xlsx.999999999-0123456789ab.tmp",
      "bao-cao.html",
      "tong-hop.xlsx",
    ]);
  });
});
