import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { day, writeKh } from "../fixtures/make-fixtures";

/**
 * A date cell is a calendar date, whatever time zone the machine that wrote it or the one that
 * reads it runs in (officers' laptops say Asia/Ho_Chi_Minh, CI and cloud machines UTC or US time).
 * The edges of the phase are the dates a shift by one day would push out of it.
 */

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "scripts", "cli.js");
const ZONES = ["Asia/Ho_Chi_Minh", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"] as const;

let dir: string;

function runNode(
  zone: string,
  args: readonly string[],
): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, TZ: zone },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The problems `thidua validate --json` reports for a file, in the given time zone. */
function validateIn(zone: string, file: string): { code: string; cell: string | null; message: string }[] {
  const { stdout } = runNode(zone, [
    CLI,
    "validate",
    file,
    "--json",
    "--lang",
    "en",
    "--plan-date",
    "2026-05-05",
    "--year",
    "2026",
  ]);
  const report = JSON.parse(stdout) as {
    files: { problems: { code: string; cell: string | null; message: string }[] }[];
  };
  return report.files[0]?.problems.map(({ code, cell, message }) => ({ code, cell, message })) ?? [];
}

/** The plan as exceljs writes it in a child process running in `zone` (the fixtures build dates with Date.UTC). */
function writePlanIn(zone: string, file: string): void {
  const script = `
    const { writeTemplateBuffer } = require(${JSON.stringify(join(ROOT, "dist", "scripts", "xlsx", "write-template.js"))});
    const { KH_SPEC } = require(${JSON.stringify(join(ROOT, "dist", "core", "template-spec", "index.js"))});
    const fill = JSON.parse(process.argv[1], (key, value) => typeof value === "string" && /^\\d{4}-\\d{2}-\\d{2}T00:00:00.000Z$/.test(value) ? new Date(value) : value);
    writeTemplateBuffer(KH_SPEC, { fill }).then((buffer) => require("node:fs").writeFileSync(process.argv[2], buffer));
  `;
  const run = runNode(zone, ["-e", script, JSON.stringify(PLAN_FILL), file]);
  if (run.code !== 0) throw new Error(run.stderr);
}

const EDGE_TASKS = [
  { content: "ND1", task: "Khởi động", lead: "Văn phòng", deadline: day(2026, 1, 1) },
  { content: "ND2", task: "Tổng kết giai đoạn 1", lead: "Văn phòng", deadline: day(2027, 12, 31) },
];
const PLAN_FILL = {
  fields: {
    unitCode: "SKHCN",
    unitName: "Sở Khoa học và Công nghệ",
    unitType: "CQ",
    docNumber: "45/KH-SKHCN",
    issueDate: day(2026, 5, 21),
    signer: "Nguyễn Văn An",
    contactName: "Trần Thị Bình",
    contactEmail: "vanthu@hatinh.gov.vn",
  },
  tables: {
    tasks: EDGE_TASKS,
    criteria: ["CQ1", "CQ2", "CQ3", "CQ4", "CQ5"].map((code) => ({
      ownCriterion: code,
      provincialCriterion: code,
    })),
  },
};

/** Issued 21/05/2026, the day after the deadline: late by exactly that date; tasks on the phase's first and last days. */
const EXPECTED = [
  {
    code: "KH_ISSUED_AFTER_DEADLINE",
    cell: "B8",
    message:
      "The plan was issued on 21/05/2026, after its deadline 20/05/2026 (15 days from the provincial plan of 05/05/2026).",
  },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "thidua-tz-"));
  writeFileSync(
    join(dir, "plan.xlsx"),
    await writeKh({ fields: PLAN_FILL.fields, tables: PLAN_FILL.tables }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a date cell reads back as the same calendar date in any time zone", () => {
  it("the child processes really run in the zones asked for", () => {
    const offsets = ZONES.map((zone) =>
      runNode(zone, ["-p", "new Date(Date.UTC(2026, 4, 21)).getTimezoneOffset()"]).stdout.trim(),
    );
    expect(offsets).toEqual(["-420", "240", "-840", "720", "0"]);
  });

  it.each(ZONES)("validated with TZ=%s", (zone) => {
    expect(validateIn(zone, "plan.xlsx")).toEqual(EXPECTED);
  });

  it.each([
    ["America/New_York", "Asia/Ho_Chi_Minh"],
    ["Asia/Ho_Chi_Minh", "America/New_York"],
    ["Pacific/Kiritimati", "Etc/GMT+12"],
  ])("written with TZ=%s, validated with TZ=%s", (writer, reader) => {
    const file = `plan-${writer.replace(/\W/g, "-")}.xlsx`;
    writePlanIn(writer, join(dir, file));

    expect(validateIn(reader, file)).toEqual(EXPECTED);
  });
});
