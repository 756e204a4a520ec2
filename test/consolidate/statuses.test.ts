import { consolidate } from "../../core/consolidate/consolidate";
import type { SubmittedFile } from "../../core/consolidate/types";
import { resolveConfig } from "../../core/config";
import { createProblem, type Problem } from "../../core/problems";
import { createRegistry } from "../../core/registry";
import { submitted } from "./submitted-file";

const registry = createRegistry([
  { code: "SNV", name: "Sở Nội vụ", type: "CQ", cluster: "Khối các sở", email: "snv@example.vn" },
  { code: "TD", name: "Tỉnh đoàn", type: "MT", cluster: "Khối đoàn thể", email: "td@example.vn" },
  {
    code: "DN001",
    name: "Công ty Mẫu 001",
    type: "DN",
    cluster: "Khối doanh nghiệp",
    email: "dn@example.vn",
  },
]);
const config = resolveConfig(
  { provincialPlanDate: "2026-05-05", reportYear: 2026, round: "SOKET" },
  {},
  Date.UTC(2026, 10, 25),
);
const asOf = Date.parse("2026-11-25T12:00:00+07:00");
const error: Problem = createProblem(
  "REQUIRED_MISSING",
  "error",
  { sheet: "Thông tin", cell: "B5" },
  { field: { vi: "Tên đơn vị", en: "Unit name" } },
);

function statusOf(result: ReturnType<typeof consolidate>, unit: string, kind: string): string | undefined {
  return result.statuses.find((entry) => entry.unit.code === unit && entry.kind === kind)?.status;
}

function outcomeOf(result: ReturnType<typeof consolidate>, file: string): string | undefined {
  return result.files.find((entry) => entry.file === file)?.outcome;
}

describe("consolidate: who sent what", () => {
  it("judges the newest file of a unit and kind and lists the older ones as duplicates", () => {
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [
        submitted("KH/old.xlsx", { receivedAt: Date.parse("2026-05-10T03:00:00Z"), problems: [error] }),
        submitted("KH/new.xlsx", { receivedAt: Date.parse("2026-05-15T03:00:00Z") }),
      ],
    });
    expect(statusOf(result, "SNV", "KH")).toBe("on_time");
    expect(outcomeOf(result, "KH/old.xlsx")).toBe("duplicate");
    expect(result.files.find((file) => file.file === "KH/old.xlsx")?.supersededBy).toBe("KH/new.xlsx");
    expect(
      result.statuses.find((entry) => entry.unit.code === "SNV" && entry.kind === "KH")?.duplicates,
    ).toBe(1);
  });

  it("keeps an invalid newest file invalid even when an older one was valid", () => {
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [
        submitted("a.xlsx", { receivedAt: Date.parse("2026-05-10T03:00:00Z") }),
        submitted("b.xlsx", { receivedAt: Date.parse("2026-05-15T03:00:00Z"), problems: [error] }),
      ],
    });
    expect(statusOf(result, "SNV", "KH")).toBe("invalid");
    expect(outcomeOf(result, "a.xlsx")).toBe("duplicate");
  });

  it("counts a plan received at 17:00Z on its last day as late (00:00 next day in Vietnam)", () => {
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [
        submitted("on-time.xlsx", { unitCode: "SNV", receivedAt: Date.parse("2026-05-20T16:59:59Z") }),
        submitted("late.xlsx", { unitCode: "TD", receivedAt: Date.parse("2026-05-20T17:00:00Z") }),
      ],
    });
    expect(statusOf(result, "SNV", "KH")).toBe("on_time");
    expect(statusOf(result, "TD", "KH")).toBe("late");
  });

  it("counts a report dated after its deadline as late although received in time", () => {
    const datedLate = createProblem(
      "BC_DATED_AFTER_DEADLINE",
      "warning",
      { sheet: "Thông tin", cell: "B9" },
      { found: "16/11/2026", lastDay: "14/11/2026" },
    );
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [
        submitted("bc.xlsx", {
          kind: "BC",
          receivedAt: Date.parse("2026-11-10T03:00:00Z"),
          problems: [datedLate],
        }),
      ],
    });
    expect(statusOf(result, "SNV", "BC")).toBe("late");
  });

  it("reports unknown units, unreadable files and non-templates, and marks units with nothing as missing", () => {
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [
        submitted("stranger.xlsx", { unitCode: "XYZ" }),
        submitted("broken.xlsx", {
          readable: false,
          kind: null,
          version: null,
          unitCode: null,
          problems: [createProblem("FILE_TRUNCATED", "error", {})],
        }),
        submitted("plain.xlsx", {
          kind: null,
          version: null,
          unitCode: null,
          problems: [createProblem("TEMPLATE_STAMP_MISSING", "error", {})],
        }),
      ],
    });
    expect(outcomeOf(result, "stranger.xlsx")).toBe("unknown_unit");
    expect(outcomeOf(result, "broken.xlsx")).toBe("unreadable");
    expect(outcomeOf(result, "plain.xlsx")).toBe("not_a_template");
    expect(result.statuses.every((entry) => entry.status === "missing")).toBe(true);
    expect(result.totals).toMatchObject({ expected: 6, received: 0, missing: 6, reportingRate: 0 });
  });

  it("lists files received after the as-of moment without counting them, and without letting them supersede", () => {
    const result = consolidate({
      registry,
      config,
      asOf: Date.parse("2026-05-12T00:00:00Z"),
      source: "test",
      files: [
        submitted("future.xlsx", { receivedAt: Date.parse("2026-05-12T03:00:00Z") }),
        submitted("TD_old.xlsx", { unitCode: "TD", receivedAt: Date.parse("2026-05-11T03:00:00Z") }),
        submitted("TD_resent.xlsx", {
          unitCode: "TD",
          receivedAt: Date.parse("2026-05-13T03:00:00Z"),
          problems: [error],
        }),
      ],
    });
    expect(result.files.map((file) => [file.file, file.outcome])).toEqual([
      ["TD_old.xlsx", "on_time"],
      ["TD_resent.xlsx", "after_as_of"],
      ["future.xlsx", "after_as_of"],
    ]);
    // 12/05/2026 is before the plan's deadline (20/05): nothing received is not yet due, not missing.
    expect(statusOf(result, "SNV", "KH")).toBe("not_due");
    expect(statusOf(result, "TD", "KH")).toBe("on_time");
    expect(result.totals.received).toBe(1);
    expect(result.topProblems).toEqual([]);
  });

  it("shows a unit code typed with spaces or in lower case as the registry's code", () => {
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [
        submitted("a.xlsx", { unitCode: " snv " }),
        submitted("b.xlsx", { unitCode: " zz9 ", kind: "BC" }),
      ],
    });

    expect(result.files.map((file) => file.unitCode)).toEqual(["SNV", " zz9 "]);
    expect(statusOf(result, "SNV", "KH")).toBe("on_time");
  });

  it("warns when the file name names another registered unit, and trusts the workbook", () => {
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [submitted("KH_TD.xlsx", { unitCode: "SNV" })],
    });
    expect(statusOf(result, "SNV", "KH")).toBe("on_time");
    expect(result.files[0]?.problems.map((problem) => problem.code)).toEqual([
      "UNIT_CODE_FILE_NAME_MISMATCH",
    ]);
  });

  describe("reads the file name as a hint only", () => {
    const hintRegistry = createRegistry([
      ...registry.units,
      { code: "DN", name: "Đơn vị mã DN", type: "CQ", cluster: "Khối các sở", email: "dn@example.vn" },
      { code: "KT", name: "Đơn vị mã KT", type: "CQ", cluster: "Khối các sở", email: "kt@example.vn" },
      { code: "UBND-KY", name: "UBND xã Kỳ Mẫu", type: "CQ", cluster: "Cụm 1", email: "ky@example.vn" },
    ]);
    const warningsFor = (file: string, unitCode: string, kind: SubmittedFile["kind"] = "KH"): string[] => {
      const result = consolidate({
        registry: hintRegistry,
        config,
        asOf,
        source: "test",
        files: [submitted(file, { unitCode, kind })],
      });
      return (
        result.files[0]?.problems.map(
          (problem) => `${problem.code}:${String(problem.params.fromFileName)}`,
        ) ?? []
      );
    };

    it.each([
      ["a kind with a hyphen is not read as two unit codes", "DN-KT_SNV.xlsx", "SNV", "DN-KT"],
      ["a kind alone in the name names no unit", "DN-KT.xlsx", "SNV", "DN-KT"],
      ["a code with a hyphen matches whole", "BC_UBND-KY_2026.xlsx", "UBND-KY", "BC"],
      ["the unit's own code, in any case", "kh_snv (1).xlsx", "SNV", "KH"],
      ["a unit whose code equals a kind is still found", "DN-KT_DN.xlsx", "DN", "DN-KT"],
    ] as const)("no warning: %s", (_label, file, unitCode, kind) => {
      expect(warningsFor(file, unitCode, kind)).toEqual([]);
    });

    it("warns, naming the unit the file name gives, when it is another registered one", () => {
      expect(warningsFor("DN-KT_KT.xlsx", "SNV", "DN-KT")).toEqual(["UNIT_CODE_FILE_NAME_MISMATCH:KT"]);
      expect(warningsFor("BC_UBND-KY.xlsx", "SNV", "BC")).toEqual(["UNIT_CODE_FILE_NAME_MISMATCH:UBND-KY"]);
    });
  });

  it("computes rates by unit type and cluster over expected unit-kind pairs", () => {
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [
        submitted("1.xlsx", { unitCode: "SNV" }),
        submitted("2.xlsx", { unitCode: "TD", receivedAt: Date.parse("2026-06-01T03:00:00Z") }),
      ],
    });
    expect(result.totalsByKind.find((entry) => entry.kind === "KH")?.totals).toMatchObject({
      expected: 3,
      received: 2,
      onTime: 1,
      late: 1,
      missing: 1,
      reportingRate: 66.7,
      onTimeRate: 33.3,
    });
    expect(result.byUnitType.map((group) => [group.key, group.totals.received])).toEqual([
      ["CQ", 1],
      ["MT", 1],
      ["DN", 0],
    ]);
  });

  it("totals indicators from accepted reports only: sums for counts, means for percentages", () => {
    const bc = (
      file: string,
      unitCode: string,
      values: Record<string, number>,
      problems: Problem[] = [],
    ): SubmittedFile =>
      submitted(file, {
        kind: "BC",
        unitCode,
        receivedAt: Date.parse("2026-11-10T03:00:00Z"),
        problems,
        extracts: {
          tasks: [],
          nominations: [],
          indicators: Object.entries(values).map(([code, value]) => ({ code, value })),
        },
      });
    const result = consolidate({
      registry,
      config,
      asOf,
      source: "test",
      files: [
        bc("a.xlsx", "SNV", { "ND1.SU_KIEN": 3, "ND3.TY_LE_HO_SO_TRUC_TUYEN": 80 }),
        bc("b.xlsx", "TD", { "ND1.SU_KIEN": 4, "ND3.TY_LE_HO_SO_TRUC_TUYEN": 90 }),
        bc("c.xlsx", "DN001", { "ND1.SU_KIEN": 100 }, [error]),
      ],
    });
    const total = (code: string) => result.indicatorTotals.find((entry) => entry.code === code);
    expect(total("ND1.SU_KIEN")).toMatchObject({
      province: 7,
      reporting: 2,
      byUnitType: { CQ: 3, MT: 4, DN: null },
    });
    expect(total("ND3.TY_LE_HO_SO_TRUC_TUYEN")?.province).toBe(85);
  });
});
