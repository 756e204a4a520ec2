import { consolidate } from "../../core/consolidate/consolidate";
import { toConsolidationJson, consolidationJsonSchema } from "../../core/consolidate/result-json";
import type { NominationExtract, SubmittedFile } from "../../core/consolidate/types";
import { configFileSchema, resolveConfig } from "../../core/config";
import { createRegistry } from "../../core/registry";
import { planReminders } from "../../core/remind/plan-reminders";
import { submitted } from "./submitted-file";

/** Each period counted on its own: what is not yet due is never missing, rounds never overwrite each other. */

const registry = createRegistry([
  { code: "SNV", name: "Sở Nội vụ", type: "CQ", cluster: "Khối các sở", email: "snv@example.vn" },
  { code: "TD", name: "Tỉnh đoàn", type: "MT", cluster: "Khối đoàn thể", email: "td@example.vn" },
]);
const at = (iso: string): number => Date.parse(`${iso}+07:00`);

function configAsOf(asOf: number, file: Parameters<typeof resolveConfig>[0] = {}, year?: number) {
  return resolveConfig(
    { provincialPlanDate: "2026-05-05", ...file },
    year === undefined ? {} : { reportYear: year },
    asOf,
  );
}

function nomination(name: string, award: NominationExtract["award"]): NominationExtract {
  return {
    row: 7,
    nomineeKind: "TAPTHE",
    nomineeName: name,
    position: null,
    individualGroup: null,
    award,
    content: "ND2",
    achievement: "Thành tích",
    evidence: null,
    department: "SKHCN",
  };
}

function nominations(file: string, period: string, receivedAt: string, name: string): SubmittedFile {
  return submitted(file, {
    kind: "DN-KT",
    period,
    receivedAt: at(receivedAt),
    extracts: { tasks: [], indicators: [], nominations: [nomination(name, "GK")] },
  });
}

describe("not yet due", () => {
  const asOf = at("2026-06-30T12:00:00");
  const files = [
    submitted("KH_SNV.xlsx", { receivedAt: at("2026-05-15T09:00:00") }),
    submitted("BC_TD.xlsx", {
      kind: "BC",
      unitCode: "TD",
      unitName: "Tỉnh đoàn",
      receivedAt: at("2026-06-20T09:00:00"),
    }),
  ];
  const result = consolidate({ registry, config: configAsOf(asOf), asOf, source: "test", files });

  it("as of 30/06/2026 the reports due 14/11 are not due, not missing; the late plan is missing", () => {
    expect(result.statuses.map((entry) => `${entry.unit.code}/${entry.period}: ${entry.status}`)).toEqual([
      "SNV/KH:GD1: on_time",
      "SNV/BC:2026: not_due",
      "TD/KH:GD1: missing",
      "TD/BC:2026: on_time",
    ]);
  });

  it("keeps what is not due out of the rates: 2 received of 3 due", () => {
    expect(result.totals).toMatchObject({ expected: 4, due: 3, notDue: 1, received: 2, missing: 1 });
    expect(result.totals.reportingRate).toBe(66.7);
    expect(result.totalsByKind.find((entry) => entry.kind === "BC")?.totals).toMatchObject({
      expected: 2,
      due: 1,
      reportingRate: 100,
    });
  });

  it("follows up and reminds only what is due", () => {
    expect(result.followUp.map((entry) => `${entry.unit.code}/${entry.kind}`)).toEqual(["TD/KH"]);
    const report = consolidationJsonSchema.parse(toConsolidationJson(result, "vi"));
    const plan = planReminders(report);
    expect(
      plan.reminders.flatMap((reminder) =>
        reminder.items.map((item) => `${reminder.unit.code}/${item.period}`),
      ),
    ).toEqual(["TD/KH:GD1"]);
  });

  it("a round without an announced deadline is never missing", () => {
    const withNominations = consolidate({
      registry,
      config: configAsOf(at("2027-12-20T12:00:00"), {
        expectedKinds: ["DN-KT"],
        nominationDeadlines: { "DN-KT:SOKET:2027": "2027-12-15" },
      }),
      asOf: at("2027-12-20T12:00:00"),
      source: "test",
      files: [],
    });
    expect(
      withNominations.statuses.map((entry) => `${entry.unit.code}/${entry.period}: ${entry.status}`),
    ).toEqual([
      "SNV/DN-KT:HANGNAM:2027: not_due",
      "SNV/DN-KT:SOKET:2027: missing",
      "TD/DN-KT:HANGNAM:2027: not_due",
      "TD/DN-KT:SOKET:2027: missing",
    ]);
  });
});

describe("rounds and years never overwrite each other", () => {
  const asOf = at("2027-11-25T12:00:00");
  const files = [
    nominations("DN-KT_SNV_soket.xlsx", "DN-KT:SOKET:2027", "2027-03-10T09:00:00", "Phòng Sơ kết"),
    nominations("DN-KT_SNV_2027.xlsx", "DN-KT:HANGNAM:2027", "2027-10-10T09:00:00", "Phòng Hằng năm 2027"),
    nominations("DN-KT_SNV_2026.xlsx", "DN-KT:HANGNAM:2026", "2026-11-10T09:00:00", "Phòng Hằng năm 2026"),
    submitted("BC_SNV_2026.xlsx", { kind: "BC", period: "BC:2026", receivedAt: at("2026-11-10T09:00:00") }),
  ];
  const result = consolidate({ registry, config: configAsOf(asOf), asOf, source: "test", files });
  const outcome = (file: string): string | undefined =>
    result.files.find((entry) => entry.file === file)?.outcome;

  it("keeps a unit's sơ kết 2027 and yearly 2027 nominations both, neither an older copy", () => {
    expect(outcome("DN-KT_SNV_soket.xlsx")).toBe("on_time");
    expect(outcome("DN-KT_SNV_2027.xlsx")).toBe("on_time");
    expect(result.nominations.map((row) => `${row.period}: ${row.nomineeName}`)).toEqual([
      "DN-KT:HANGNAM:2027: Phòng Hằng năm 2027",
      "DN-KT:SOKET:2027: Phòng Sơ kết",
    ]);
  });

  it("lists 2026's files as another period, never counted for 2027", () => {
    expect(outcome("DN-KT_SNV_2026.xlsx")).toBe("other_period");
    expect(outcome("BC_SNV_2026.xlsx")).toBe("other_period");
    expect(result.statuses.find((entry) => entry.unit.code === "SNV" && entry.kind === "BC")?.status).toBe(
      "missing",
    );
  });

  it("gives each round its own totals", () => {
    expect(
      result.roundTotals.map((round) => [
        round.period,
        round.files,
        round.nominations,
        round.byAward.find((entry) => entry.award === "GK")?.count,
      ]),
    ).toEqual([
      ["DN-KT:HANGNAM:2027", 1, 1, 1],
      ["DN-KT:SOKET:2027", 1, 1, 1],
    ]);
  });

  it("--kind DN-KT leaves plans' tasks and reports' indicators out, and each nomination keeps its unit's type and cluster", () => {
    const plan = submitted("KH_SNV.xlsx", {
      receivedAt: at("2026-05-15T09:00:00"),
      extracts: {
        tasks: [
          {
            row: 7,
            content: "ND1",
            task: "Nhiệm vụ",
            target: null,
            lead: null,
            deadline: null,
            expectedResult: null,
          },
        ],
        indicators: [],
        nominations: [],
      },
    });
    const narrowed = consolidate({
      registry,
      config: configAsOf(asOf),
      asOf,
      source: "test",
      files: [...files, plan],
      kindsFilter: ["DN-KT"],
    });
    expect(narrowed.tasks).toEqual([]);
    expect(narrowed.indicators).toEqual([]);
    expect(narrowed.nominations.map((row) => [row.unitCode, row.unitType, row.cluster])).toEqual([
      ["SNV", "CQ", "Khối các sở"],
      ["SNV", "CQ", "Khối các sở"],
    ]);
    const all = consolidate({
      registry,
      config: configAsOf(asOf),
      asOf,
      source: "test",
      files: [...files, plan],
    });
    expect(all.tasks.map((row) => [row.unitCode, row.period, row.cluster])).toEqual([
      ["SNV", "KH:GD1", "Khối các sở"],
    ]);
  });
});

describe("the configuration of a five-year movement", () => {
  it("takes the year from --year, else from the as-of moment; the file's reportYear and round are retired with a note", () => {
    const config = resolveConfig({ reportYear: 2026, round: "SOKET" }, {}, at("2027-03-01T00:00:00"));
    expect(config.reportYear).toBe(2027);
    expect(config.retiredKeys).toEqual(["reportYear", "round"]);
    expect(resolveConfig({}, { reportYear: 2028 }, at("2027-03-01T00:00:00")).reportYear).toBe(2028);
  });

  it("accepts a deadline per round and refuses a key that is not a round", () => {
    expect(
      configFileSchema.safeParse({ nominationDeadlines: { "DN-KT:SOKET:2027": "2027-03-31" } }).success,
    ).toBe(true);
    expect(
      configFileSchema.safeParse({ nominationDeadlines: { "DN-KT:SOKET:2028": "2028-03-31" } }).success,
    ).toBe(false);
    expect(configFileSchema.safeParse({ nominationDeadlines: { "BC:2027": "2027-03-31" } }).success).toBe(
      false,
    );
  });
});
