import { consolidate } from "../../core/consolidate/consolidate";
import type { SubmittedFile } from "../../core/consolidate/types";
import { resolveConfig } from "../../core/config";
import { createProblem, paramsOf, type Problem } from "../../core/problems";
import { createRegistry } from "../../core/registry";
import { submitted } from "./submitted-file";

/**
 * Decisions the core takes for the writers (issue 8, cases 1, 2, 11, 12): identity conflicts,
 * attribution by file name, blank templates, the kind filter, the follow-up list and order,
 * outcome counts and deadlines; no Vietnamese in the result.
 */

const registry = createRegistry([
  { code: "SNV", name: "Sở Nội vụ", type: "CQ", cluster: "Khối các sở", email: "snv@example.vn" },
  { code: "STC", name: "Sở Tài chính", type: "CQ", cluster: "Khối các sở", email: "stc@example.vn" },
  { code: "TD", name: "Tỉnh đoàn", type: "MT", cluster: "", email: "td@example.vn" },
]);
const config = resolveConfig(
  {
    provincialPlanDate: "2026-05-05",
    reportYear: 2026,
    round: "SOKET",
    expectedKinds: ["KH", "BC", "DN-KT"],
  },
  {},
  Date.UTC(2026, 10, 25),
);
const asOf = Date.parse("2026-11-25T12:00:00+07:00");
const required: Problem = createProblem(
  "REQUIRED_MISSING",
  "error",
  { sheet: "Thông tin", cell: "B5" },
  { field: { vi: "Tên đơn vị", en: "Unit name" } },
);
const conflict: Problem = createProblem(
  "UNIT_NAME_CONFLICT",
  "error",
  { sheet: "Thông tin", cell: "B5" },
  {
    found: "Sở Tài chính",
    unit: "SNV",
    expected: "Sở Nội vụ",
    pointsTo: "STC",
    pointsToName: "Sở Tài chính",
  },
);

const run = (files: SubmittedFile[], kindsFilter: ("KH" | "BC" | "DN-KT")[] | null = null) =>
  consolidate({ registry, config, asOf, source: "test", files, kindsFilter });
const statusOf = (result: ReturnType<typeof run>, unit: string, kind: string) =>
  result.statuses.find((entry) => entry.unit.code === unit && entry.kind === kind)?.status;
const fileOf = (result: ReturnType<typeof run>, file: string) =>
  result.files.find((entry) => entry.file === file);

describe("1. a file whose unit name is another unit's", () => {
  it("never supersedes the unit's own file, counts for nobody and points to the unit its name names", () => {
    const result = run([
      submitted("KH/KH_SNV.xlsx", {}),
      submitted("KH/Ke hoach So Tai chinh.xlsx", {
        receivedAt: Date.parse("2026-05-14T03:00:00Z"),
        unitName: "Sở Tài chính",
        problems: [conflict],
      }),
    ]);

    expect(fileOf(result, "KH/KH_SNV.xlsx")).toMatchObject({ outcome: "on_time", supersededBy: null });
    expect(fileOf(result, "KH/Ke hoach So Tai chinh.xlsx")).toMatchObject({
      outcome: "identity_conflict",
      unitCode: "SNV",
      pointsTo: "STC",
      errors: 1,
    });
    expect(statusOf(result, "SNV", "KH")).toBe("on_time");
    expect(statusOf(result, "STC", "KH")).toBe("missing");
    expect(
      result.statuses.find((entry) => entry.unit.code === "STC" && entry.kind === "KH")?.underReview,
    ).toEqual(["KH/Ke hoach So Tai chinh.xlsx"]);
    expect(
      result.statuses.find((entry) => entry.unit.code === "SNV" && entry.kind === "KH")?.duplicates,
    ).toBe(0);
  });

  it("points to the unit its file name names when the name in it names none", () => {
    const noOne = createProblem(
      "UNIT_NAME_CONFLICT",
      "error",
      { sheet: "Thông tin", cell: "B5" },
      { ...paramsOf(conflict, "UNIT_NAME_CONFLICT")!, pointsTo: null, pointsToName: null },
    );
    const result = run([submitted("KH/KH_STC.xlsx", { unitName: "Công ty X", problems: [noOne] })]);

    expect(fileOf(result, "KH/KH_STC.xlsx")).toMatchObject({ outcome: "identity_conflict", pointsTo: "STC" });
  });
});

describe("1. a file whose code the registry lacks", () => {
  it("points to the registered unit whose name it carries (a mistyped code)", () => {
    const unknown = createProblem(
      "UNIT_UNKNOWN",
      "error",
      { sheet: "Thông tin", cell: "B4" },
      { found: "STC1" },
    );
    const result = run([
      submitted("KH/ke-hoach.xlsx", { unitCode: "STC1", unitName: "Sở Tài chính", problems: [unknown] }),
    ]);

    expect(fileOf(result, "KH/ke-hoach.xlsx")).toMatchObject({ outcome: "unknown_unit", pointsTo: "STC" });
    expect(result.statuses.find((entry) => entry.unit.code === "STC" && entry.kind === "KH")).toMatchObject({
      status: "missing",
      underReview: ["KH/ke-hoach.xlsx"],
    });
  });
});

describe("2. a file that cannot be read or is not a template, named for a unit and a kind", () => {
  const empty = createProblem("FILE_EMPTY", "error", {});
  const noStamp = createProblem("TEMPLATE_STAMP_MISSING", "error", {});

  it("makes the unit invalid (resend), not missing, and says it was attributed by its file name", () => {
    const result = run([
      submitted("KH_STC.xlsx", {
        readable: false,
        kind: null,
        version: null,
        unitCode: null,
        unitName: null,
        problems: [empty],
      }),
      submitted("BC/BC_TD.ods", {
        kind: null,
        version: null,
        unitCode: null,
        unitName: null,
        problems: [noStamp],
      }),
    ]);

    expect(statusOf(result, "STC", "KH")).toBe("invalid");
    expect(statusOf(result, "TD", "BC")).toBe("invalid");
    expect(fileOf(result, "KH_STC.xlsx")).toMatchObject({
      outcome: "invalid",
      unitCode: "STC",
      kind: "KH",
      attribution: "file_name",
    });
    expect(fileOf(result, "KH_STC.xlsx")?.problems.map((problem) => problem.code)).toEqual([
      "FILE_EMPTY",
      "UNIT_FROM_FILE_NAME",
    ]);
  });

  it("never supersedes a workbook that says whose it is, even when newer", () => {
    const result = run([
      submitted("KH_SNV.xlsx", {}),
      submitted("KH_SNV (1).xlsx", {
        receivedAt: Date.parse("2026-05-15T03:00:00Z"),
        readable: false,
        kind: null,
        version: null,
        unitCode: null,
        unitName: null,
        problems: [empty],
      }),
    ]);

    expect(statusOf(result, "SNV", "KH")).toBe("on_time");
    expect(fileOf(result, "KH_SNV (1).xlsx")).toMatchObject({
      outcome: "unreadable",
      unitCode: "SNV",
      attribution: "file_name",
    });
  });

  it("leaves a file unattributed when its name names no unit, two units, or no kind", () => {
    const unreadable = {
      readable: false,
      kind: null,
      version: null,
      unitCode: null,
      unitName: null,
      problems: [empty],
    };
    const result = run([
      submitted("scan.xlsx", unreadable),
      submitted("KH_SNV_STC.xlsx", unreadable),
      submitted("SNV.xlsx", unreadable),
    ]);

    expect(result.files.map((file) => [file.file, file.outcome, file.unitCode])).toEqual([
      ["KH_SNV_STC.xlsx", "unreadable", null],
      ["SNV.xlsx", "unreadable", null],
      ["scan.xlsx", "unreadable", null],
    ]);
    expect(statusOf(result, "SNV", "KH")).toBe("missing");
  });
});

describe("11. a blank template", () => {
  it("is its own outcome, counted for no unit, its 'required' errors not listed", () => {
    const result = run([
      submitted("KH/KH_SNV.xlsx", { blank: true, unitCode: null, unitName: null, problems: [required] }),
    ]);

    expect(fileOf(result, "KH/KH_SNV.xlsx")).toMatchObject({
      outcome: "blank_template",
      problems: [],
      unitCode: null,
    });
    expect(statusOf(result, "SNV", "KH")).toBe("missing");
    expect(result.topProblems).toEqual([]);
  });
});

describe("12. the decisions the writers only format", () => {
  const files = [
    submitted("KH_SNV.xlsx", { problems: [required] }),
    submitted("DN-KT_SNV.xlsx", {
      kind: "DN-KT",
      problems: [createProblem("DNKT_NO_NOMINATIONS", "error", {})],
    }),
    submitted("BC_TD.xlsx", {
      kind: "BC",
      unitCode: "TD",
      unitName: "Tỉnh đoàn",
      receivedAt: Date.parse("2026-11-20T03:00:00Z"),
    }),
  ];

  it("--kind DN-KT: only DN-KT files, DN-KT problems and DN-KT deadlines are in the result", () => {
    const result = run(files, ["DN-KT"]);

    expect(result.files.map((file) => file.file)).toEqual(["DN-KT_SNV.xlsx"]);
    expect(result.topProblems.map((entry) => entry.code)).toEqual(["DNKT_NO_NOMINATIONS"]);
    expect(result.deadlines.map((deadline) => deadline.kind)).toEqual(["DN-KT"]);
    expect(result.config.expectedKinds).toEqual(["DN-KT"]);
    expect(new Set(result.statuses.map((entry) => entry.kind))).toEqual(new Set(["DN-KT"]));
  });

  it("lists follow-ups missing first, then invalid, then late, registry order within", () => {
    const result = run(files);
    // No nomination deadline is set: the units that sent none are not yet due, and not followed up.
    expect(
      result.statuses.filter((entry) => entry.status === "not_due").map((entry) => entry.unit.code),
    ).toEqual(["STC", "TD"]);

    expect(result.followUp.map((entry) => `${entry.unit.code}/${entry.kind}: ${entry.status}`)).toEqual([
      "SNV/BC: missing",
      "STC/KH: missing",
      "STC/BC: missing",
      "TD/KH: missing",
      "SNV/KH: invalid",
      "SNV/DN-KT: invalid",
      "TD/BC: late",
    ]);
  });

  it("counts files per outcome, every outcome listed, and gives each expected kind's deadline", () => {
    const result = run(files);

    expect(Object.fromEntries(result.outcomeCounts.map((entry) => [entry.outcome, entry.count]))).toEqual({
      on_time: 0,
      late: 1,
      invalid: 2,
      duplicate: 0,
      unknown_unit: 0,
      not_a_template: 0,
      unreadable: 0,
      after_as_of: 0,
      identity_conflict: 0,
      blank_template: 0,
      not_a_spreadsheet: 0,
      other_period: 0,
    });
    // KH: 15 days after the provincial plan of 05/05/2026; BC: before 15/11; DN-KT: no deadline set.
    expect(result.deadlines).toEqual([
      { kind: "KH", period: "KH:GD1", lastDay: "2026-05-20" },
      { kind: "BC", period: "BC:2026", lastDay: "2026-11-14" },
      { kind: "DN-KT", period: "DN-KT:HANGNAM:2026", lastDay: null },
    ]);
  });

  it("carries no Vietnamese label: a unit without a cluster is the group with key ''", () => {
    const result = run(files);

    expect(result.byCluster.map((group) => group.key)).toEqual(["", "Khối các sở"]);
    expect(JSON.stringify({ ...result, statuses: [], followUp: [], config: null })).not.toMatch(/chưa ghi/);
    expect(result.byUnitType.map((group) => Object.keys(group).sort())).toEqual([
      ["key", "totals"],
      ["key", "totals"],
    ]);
  });
});

describe("issue 17: a file's unit code typed with spaces or in lower case", () => {
  it('credits "s nv" and "stc" to SNV and STC (the file carries its UNIT_CODE_NORMALISED warning), never as unknown', () => {
    const normalised = (found: string, code: string): Problem =>
      createProblem("UNIT_CODE_NORMALISED", "warning", { sheet: "Thông tin", cell: "B4" }, { found, code });
    const result = run([
      submitted("KH_snv.xlsx", { unitCode: "s nv", problems: [normalised("s nv", "SNV")] }),
      submitted("KH_stc.xlsx", {
        unitCode: "stc",
        unitName: "Sở Tài chính",
        problems: [normalised("stc", "STC")],
      }),
    ]);

    expect([statusOf(result, "SNV", "KH"), statusOf(result, "STC", "KH")]).toEqual(["on_time", "on_time"]);
    expect(fileOf(result, "KH_snv.xlsx")).toMatchObject({ outcome: "on_time", unitCode: "SNV" });
    expect(fileOf(result, "KH_stc.xlsx")).toMatchObject({ outcome: "on_time", unitCode: "STC" });
  });
});
