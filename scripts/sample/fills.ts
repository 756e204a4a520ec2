import {
  ROUNDS,
  type ContentCode,
  CONTENTS,
  listCriteriaForSubject,
  INDICATORS,
  type Indicator,
  type AwardCode,
  type RoundCode,
  type IndividualGroupCode,
  type UnitTypeCode,
  ENUM_CATALOGUES,
  formatEnumOption,
  indicatorFieldKey,
  type EnumCatalogueName,
  addDays,
  formatVietnameseDate,
  parseIsoDate,
  type IsoDate,
} from "../../core/index";
import type { RawCellValue } from "../xlsx/write-template";
import type { Random } from "./random";
import {
  ACHIEVEMENTS,
  ACTIVITIES,
  COLLECTIVES,
  LEADS,
  OWN_CRITERIA,
  PLACEHOLDER_NAMES,
  POSITIONS,
  SIGNER_TITLES,
  TASKS,
  fillUnitName,
} from "./texts";
import type { SampleUnit } from "./units";

/** A fill the sample may still change (a defect, another unit code) before it is written. */
export type FillRow = Record<string, RawCellValue>;
export interface MutableFill {
  fields: Record<string, RawCellValue>;
  tables: Record<string, FillRow[]>;
}

/** A calendar date as exceljs must receive it: midnight UTC (see PITFALLS, dates). */
export function toCellDate(date: IsoDate): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/** What the template's dropdown writes for a code: "ND1 - Nâng cao nhận thức, đổi mới tư duy". */
export function toOption(catalogue: EnumCatalogueName, code: string): string {
  const entry = ENUM_CATALOGUES[catalogue].find((candidate) => candidate.code === code);
  if (!entry) throw new Error(`no ${code} in ${catalogue}`);
  return formatEnumOption(entry);
}

function unitFields(unit: SampleUnit, random: Random): FillRow {
  const [signer, contact] = random.sample(PLACEHOLDER_NAMES, 2);
  return {
    unitCode: unit.code,
    unitName: unit.name,
    unitType: toOption("unitType", unit.type),
    signer: `${signer ?? "Nguyễn Văn A"}, ${random.pick(SIGNER_TITLES[unit.role])}`,
    contactName: contact ?? "Trần Thị B",
    contactEmail: unit.email,
  };
}

/** The contents a unit plans for: departments take all seven, others a relevant share. */
function chooseContents(unit: SampleUnit, random: Random): ContentCode[] {
  const all = CONTENTS.map((content) => content.code);
  if (unit.role === "department") return all;
  const core: ContentCode[] = unit.type === "DN" ? ["ND1", "ND4", "ND5"] : ["ND1", "ND4", "ND6"];
  const others = random.sample(
    all.filter((code) => !core.includes(code)),
    random.int(1, 4 - (unit.type === "MT" ? 1 : 0)),
  );
  return all.filter((code) => core.includes(code) || others.includes(code));
}

/** Task deadlines: quarter ends and the report date, inside phase 1 and after any issue date in May 2026. */
const TASK_DEADLINES: readonly IsoDate[] = [
  "2026-06-30",
  "2026-09-30",
  "2026-11-14",
  "2026-12-31",
  "2027-03-31",
  "2027-06-30",
  "2027-09-30",
  "2027-12-31",
];

export interface KhFillInput {
  readonly unit: SampleUnit;
  readonly issueDate: IsoDate;
  readonly docNumber: number;
  readonly random: Random;
}

/** A valid unit plan: tasks for its contents, and its own criteria covering every criterion of its type. */
export function buildKhFill({ unit, issueDate, docNumber, random }: KhFillInput): MutableFill {
  const tasks: FillRow[] = [];
  for (const content of chooseContents(unit, random)) {
    const texts = random.sample(TASKS[content][unit.type], random.int(1, 2));
    for (const text of texts) {
      tasks.push({
        content: toOption("content", content),
        task: text.task,
        target: text.target,
        lead: random.pick(LEADS[unit.role]),
        deadline: toCellDate(random.pick(TASK_DEADLINES)),
        expectedResult: text.result,
      });
    }
  }
  const criteria = listCriteriaForSubject(unit.type).map((criterion): FillRow => ({
    ownCriterion: fillUnitName(random.pick(OWN_CRITERIA[criterion.code] ?? [criterion.short]), unit.name),
    provincialCriterion: toOption("criterion", criterion.code),
    note: random.chance(0.2) ? "Đánh giá hằng năm" : null,
  }));
  return {
    fields: {
      ...unitFields(unit, random),
      docNumber: `${docNumber}/KH-${unit.issuer}`,
      issueDate: toCellDate(issueDate),
    },
    tables: { tasks, criteria },
  };
}

/** Plausible ranges per indicator and unit type; null leaves the indicator blank (not reported). */
const INDICATOR_RANGES: Readonly<Record<string, Partial<Record<UnitTypeCode, readonly [number, number]>>>> = {
  "ND1.SU_KIEN": { CQ: [2, 40], MT: [3, 30], DN: [1, 12] },
  "ND1.NGUOI_THAM_GIA": { CQ: [80, 6000], MT: [100, 8000], DN: [20, 600] },
  "ND2.HE_THONG_DAM_MAY": { CQ: [0, 8], MT: [0, 2], DN: [0, 4] },
  "ND2.UNG_DUNG_AI": { CQ: [0, 4], MT: [0, 1], DN: [0, 3] },
  "ND2.SU_CO_ATTT": { CQ: [0, 6], MT: [0, 2], DN: [0, 3] },
  "ND3.DVC_TOAN_TRINH": { CQ: [5, 250] },
  "ND3.TY_LE_HO_SO_TRUC_TUYEN": { CQ: [55, 99] },
  "ND3.CSDL_KET_NOI": { CQ: [1, 12], MT: [0, 2] },
  "ND4.MO_HINH_XANH": { CQ: [0, 10], MT: [0, 6], DN: [0, 3] },
  "ND4.TIET_KIEM_NANG_LUONG": { CQ: [1, 12], MT: [1, 8], DN: [2, 18] },
  "ND5.DOANH_NGHIEP_MOI": { CQ: [0, 15], MT: [0, 3] },
  "ND6.BINH_DAN_HOC_VU_SO": { CQ: [100, 9000], MT: [50, 5000], DN: [10, 500] },
  "ND6.TY_LE_KY_NANG_SO": { CQ: [40, 95], MT: [40, 90] },
  "ND7.HOP_TAC_QUOC_TE": { CQ: [0, 3], MT: [0, 1], DN: [0, 2] },
  "CHUNG.SANG_KIEN": { CQ: [0, 15], MT: [0, 8], DN: [0, 10] },
  "CHUNG.MO_HINH_NHAN_RONG": { CQ: [0, 8], MT: [0, 6], DN: [0, 3] },
  "CHUNG.TAP_THE_KHEN_THUONG": { CQ: [0, 20], MT: [0, 12], DN: [0, 6] },
  "CHUNG.CA_NHAN_KHEN_THUONG": { CQ: [0, 60], MT: [0, 40], DN: [0, 25] },
};

/** One indicator's value: whole counts, percentages with one decimal; indicators the catalogue adds later get a modest default. */
export function sampleIndicatorValue(
  indicator: Indicator,
  type: UnitTypeCode,
  random: Random,
): number | null {
  const known = INDICATOR_RANGES[indicator.code];
  const range = known
    ? known[type]
    : indicator.measure === "percent"
      ? ([50, 95] as const)
      : ([0, 10] as const);
  if (!range) return null;
  const [min, max] = range;
  return indicator.measure === "percent"
    ? Math.round((min + random.next() * (max - min)) * 10) / 10
    : random.int(min, max);
}

export interface BcFillInput {
  readonly unit: SampleUnit;
  readonly year: number;
  readonly reportDate: IsoDate;
  readonly docNumber: number;
  readonly random: Random;
}

/** A valid yearly report: the indicators that fit the unit type, and a few activities with results. */
export function buildBcFill({ unit, year, reportDate, docNumber, random }: BcFillInput): MutableFill {
  const fields: FillRow = {
    ...unitFields(unit, random),
    reportYear: year,
    docNumber: `${docNumber}/BC-${unit.issuer}`,
    reportDate: toCellDate(reportDate),
  };
  for (const indicator of INDICATORS)
    fields[indicatorFieldKey(indicator.code)] = sampleIndicatorValue(indicator, unit.type, random);
  const activities: FillRow[] = [];
  for (const content of chooseContents(unit, random)) {
    for (const text of random.sample(ACTIVITIES[content], random.int(1, 2))) {
      const figure = text.result.includes("%") ? random.int(2, 15) : random.int(2, 400);
      activities.push({
        content: toOption("content", content),
        activity: text.activity,
        result: text.result.replace("{n}", String(figure)),
      });
    }
  }
  return { fields, tables: { activities } };
}

/** The round a sample year's nominations are for: the year's review round if it has one, else the yearly round. */
export function sampleRound(year: number): RoundCode {
  return ROUNDS.find((round) => round.year === year)?.code ?? "HANGNAM";
}

/** Awards a sample nominates in each round: only those the plan lists for it (flags only for collectives). */
export function awardsForRound(round: RoundCode): readonly AwardCode[] {
  switch (round) {
    case "SOKET":
      return ["BKTTG", "BKCT", "GK"];
    case "TONGKET":
      return ["HCLD", "CTDCP", "BKTTG", "CTDT", "BKCT", "GK"];
    case "HANGNAM":
      return ["BKCT", "GK"];
  }
}

const INDIVIDUAL_AWARDS: ReadonlySet<AwardCode> = new Set(["HCLD", "BKTTG", "BKCT", "GK"]);

export interface DnktFillInput {
  readonly unit: SampleUnit;
  readonly round: RoundCode;
  readonly docDate: IsoDate;
  readonly docNumber: number;
  readonly random: Random;
}

/** A valid nomination file: one to four collectives and individuals, awards of the round, a content each. */
export function buildDnktFill({ unit, round, docDate, docNumber, random }: DnktFillInput): MutableFill {
  const awards = awardsForRound(round);
  const count = random.int(1, 4);
  // Each collective and each person at most once in a file.
  const collectives = random.shuffle(COLLECTIVES[unit.type]);
  const people = random.shuffle(PLACEHOLDER_NAMES);
  const nominations: FillRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const content = random.pick(CONTENTS).code;
    const achievement = random.pick(ACHIEVEMENTS[content]);
    const collective = collectives.shift();
    if (collective !== undefined && (index === 0 || random.chance(0.4))) {
      nominations.push({
        nomineeKind: toOption("nomineeKind", "TAPTHE"),
        nomineeName: fillUnitName(collective, unit.name),
        award: toOption("award", random.pick(awards)),
        content: toOption("content", content),
        achievement,
      });
      continue;
    }
    const group: IndividualGroupCode =
      unit.type === "DN" ? (random.chance(0.8) ? "DNH" : "KHAC") : random.chance(0.85) ? "CBCCVC" : "KHAC";
    nominations.push({
      nomineeKind: toOption("nomineeKind", "CANHAN"),
      nomineeName: people.shift() ?? random.pick(PLACEHOLDER_NAMES),
      position: fillUnitName(random.pick(POSITIONS[group]), unit.name),
      individualGroup: toOption("individualGroup", group),
      award: toOption("award", random.pick(awards.filter((award) => INDIVIDUAL_AWARDS.has(award)))),
      content: toOption("content", content),
      achievement,
      // Others need a written recognition by a competent authority (III.1.d); fictitious numbers.
      evidence:
        group === "KHAC"
          ? `Quyết định công nhận sáng kiến số ${random.int(10, 990)}/QĐ-UBND ngày ${formatVietnameseDate(addDays(docDate, -random.int(30, 200)))}`
          : null,
    });
  }
  return {
    fields: {
      ...unitFields(unit, random),
      round: toOption("round", round),
      docNumber: `${docNumber}/TTr-${unit.issuer}`,
      docDate: toCellDate(docDate),
    },
    tables: { nominations },
  };
}
