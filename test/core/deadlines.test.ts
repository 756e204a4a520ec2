import type { MovementConfig } from "../../core/config";
import {
  computeDeadline,
  computePlanDeadline,
  computeReportDeadline,
  isDatedAfter,
  isReceivedLate,
} from "../../core/deadlines";
import { formatProblem } from "../../core/messages/index";
import { BC_SPEC, DNKT_SPEC, KH_SPEC } from "../../core/template-spec/index";
import { toVietnamDate } from "../../core/values/calendar";
import { validateWorkbook } from "../../core/validate/validate";
import { buildSnapshot, date, num, text, type SnapshotFill } from "../fixtures/snapshot";
import { FIXTURE_CONFIG } from "../fixtures/config";

const CONFIG: MovementConfig = FIXTURE_CONFIG;
const at = (iso: string): number => Date.parse(iso);

const UNIT = { unitCode: text("SKHCN"), unitName: text("Sở Khoa học và Công nghệ"), unitType: text("CQ") };
const SIGNATURE = {
  signer: text("Nguyễn Văn An"),
  contactName: text("Trần Thị Bình"),
  contactEmail: text("vanthu@hatinh.gov.vn"),
};

const VALID_BC: SnapshotFill = {
  fields: {
    ...UNIT,
    reportYear: num(2026),
    docNumber: text("120/BC-SKHCN"),
    reportDate: date("2026-11-05"),
    ...SIGNATURE,
    "indicator:ND1.SU_KIEN": num(3),
  },
};
const VALID_KH: SnapshotFill = {
  fields: { ...UNIT, docNumber: text("45/KH-SKHCN"), issueDate: date("2026-05-15"), ...SIGNATURE },
  tables: {
    tasks: [
      {
        content: text("ND1"),
        task: text("Tuyên truyền"),
        lead: text("Văn phòng"),
        deadline: date("2026-12-31"),
      },
    ],
    criteria: ["CQ1", "CQ2", "CQ3", "CQ4", "CQ5"].map((code) => ({
      ownCriterion: text(`Tiêu chí ${code}`),
      provincialCriterion: text(code),
    })),
  },
};

describe("the yearly report is due before 15/11, Vietnam time (UTC+7)", () => {
  const deadline = computeReportDeadline(2026);

  it("has 14/11 as its last day, and 15/11 00:00 in Hà Tĩnh (14/11 17:00 UTC) as the first late instant", () => {
    expect(deadline).toEqual({
      kind: "BC",
      lastDay: "2026-11-14",
      dueBefore: at("2026-11-14T17:00:00Z"),
      basis: "yearlyReport",
    });
  });

  it.each([
    ["2026-11-14T16:59:59Z", false, "14/11 23:59:59 in Vietnam"],
    ["2026-11-14T16:59:59.999Z", false, "the last millisecond of 14/11"],
    ["2026-11-14T17:00:00Z", true, "15/11 00:00:00 in Vietnam"],
    ["2026-11-14T20:00:00Z", true, "a OneDrive timestamp: 15/11 03:00 in Vietnam, still 14/11 in UTC"],
    ["2026-11-14T23:59:59+07:00", false, "the same instant written with the offset"],
  ])("received %s is late: %s (%s)", (received, late) => {
    expect(isReceivedLate(at(received), deadline)).toBe(late);
  });

  it("is computed for the configured year, not the current one", () => {
    expect(computeDeadline("BC", { ...CONFIG, reportYear: 2028 })?.lastDay).toBe("2028-11-14");
  });
});

describe("the unit plan is due 15 days after the provincial plan, and within Q2 2026", () => {
  it("with the provincial plan of 05/05/2026: the end of 20/05/2026 in Vietnam", () => {
    const deadline = computePlanDeadline(CONFIG);

    expect(deadline).toEqual({
      kind: "KH",
      lastDay: "2026-05-20",
      dueBefore: at("2026-05-20T17:00:00Z"),
      basis: "provincialPlan",
    });
    expect(isReceivedLate(at("2026-05-20T23:59:59+07:00"), deadline)).toBe(false);
    expect(isReceivedLate(at("2026-05-21T00:00:00+07:00"), deadline)).toBe(true);
    expect(isDatedAfter("2026-05-20", deadline)).toBe(false);
    expect(isDatedAfter("2026-05-21", deadline)).toBe(true);
  });

  it("with no provincial plan date configured: the end of Q2 2026 (30/06/2026)", () => {
    expect(computePlanDeadline({ ...CONFIG, provincialPlanDate: null })).toMatchObject({
      lastDay: "2026-06-30",
      basis: "phase1",
    });
  });

  it("never later than 30/06/2026, even for a provincial plan of 20/06/2026", () => {
    expect(computePlanDeadline({ ...CONFIG, provincialPlanDate: "2026-06-20" })).toMatchObject({
      lastDay: "2026-06-30",
      basis: "phase1",
    });
  });

  it("counts 15 days across a month end (plan of 25/05/2026: 09/06/2026)", () => {
    expect(computePlanDeadline({ ...CONFIG, provincialPlanDate: "2026-05-25" }).lastDay).toBe("2026-06-09");
  });
});

describe("SUBMISSION_LATE: the received time given to validateWorkbook", () => {
  function lateness(
    fill: SnapshotFill,
    spec: typeof BC_SPEC,
    receivedAt: number | null,
    config: MovementConfig = CONFIG,
  ): unknown[] {
    return validateWorkbook(buildSnapshot(spec, fill), { config, receivedAt }).problems.map((problem) => ({
      ...problem,
      en: formatProblem(problem, "en"),
    }));
  }

  it("a report received 2026-11-14T16:59:59Z is on time", () => {
    expect(lateness(VALID_BC, BC_SPEC, at("2026-11-14T16:59:59Z"))).toEqual([]);
  });

  it("a report received 2026-11-14T17:00:00Z is late: a whole-file warning in Vietnam time", () => {
    expect(lateness(VALID_BC, BC_SPEC, at("2026-11-14T17:00:00Z"))).toEqual([
      {
        code: "SUBMISSION_LATE",
        severity: "warning",
        sheet: null,
        cell: null,
        params: { receivedAt: "15/11/2026 00:00", lastDay: "14/11/2026" },
        en: "Late: received 15/11/2026 00:00 (Vietnam time); the deadline was the end of 14/11/2026.",
      },
    ]);
  });

  it("a plan received at 20/05/2026 23:59 in Vietnam is on time, at 21/05 00:00 late", () => {
    expect(lateness(VALID_KH, KH_SPEC, at("2026-05-20T16:59:59Z"))).toEqual([]);
    expect(lateness(VALID_KH, KH_SPEC, at("2026-05-20T17:00:00Z"))).toMatchObject([
      { code: "SUBMISSION_LATE", params: { lastDay: "20/05/2026" } },
    ]);
  });

  it("no received time, no lateness (the CLI validates files, not submissions)", () => {
    expect(lateness(VALID_BC, BC_SPEC, null)).toEqual([]);
  });

  it("nominations have no deadline until Sở KH&CN sets one per round", () => {
    const fill: SnapshotFill = {
      fields: {
        ...UNIT,
        round: text("SOKET"),
        docNumber: text("15/TTr-SKHCN"),
        docDate: date("2027-03-10"),
        ...SIGNATURE,
      },
      tables: {
        nominations: [
          {
            nomineeKind: text("TAPTHE"),
            nomineeName: text("Phòng Quản lý công nghệ"),
            award: text("BKCT"),
            content: text("ND3"),
            achievement: text("Dẫn đầu"),
          },
        ],
      },
    };
    expect(lateness(fill, DNKT_SPEC, at("2030-01-01T00:00:00Z"))).toEqual([]);
    expect(
      lateness(fill, DNKT_SPEC, at("2027-04-30T17:00:00Z"), { ...CONFIG, nominationDeadline: "2027-04-30" }),
    ).toMatchObject([{ code: "SUBMISSION_LATE", params: { lastDay: "30/04/2027" } }]);
  });
});

describe("the calendar day of an instant is the day in Hà Tĩnh, not in UTC", () => {
  it.each([
    ["2026-11-14T16:59:59Z", "2026-11-14"],
    ["2026-11-14T17:00:00Z", "2026-11-15"],
    ["2026-12-31T17:00:00Z", "2027-01-01"],
  ])("%s is %s in Hà Tĩnh", (instant, day) => {
    expect(toVietnamDate(at(instant))).toBe(day);
  });
});
