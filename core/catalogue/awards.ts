import type { CatalogueEntry } from "./types";
import type { ContentCode } from "./contents";

export type RoundCode = "HANGNAM" | "SOKET" | "TONGKET";

export interface Round extends CatalogueEntry<RoundCode> {
  /** The year of the review, when the round has one. */
  readonly year: number | null;
}

/** Rounds of awards (plan section III.2.1). */
export const ROUNDS: readonly Round[] = [
  {
    code: "HANGNAM",
    year: null,
    vi: "Khen thưởng hằng năm (theo thẩm quyền của đơn vị)",
    short: "Hằng năm",
    en: "Annual (within the unit's own authority)",
  },
  {
    code: "SOKET",
    year: 2027,
    vi: "Khen thưởng sơ kết giai đoạn 1 (năm 2027)",
    short: "Sơ kết 2027",
    en: "Preliminary review 2027",
  },
  {
    code: "TONGKET",
    year: 2030,
    vi: "Khen thưởng tổng kết (năm 2030)",
    short: "Tổng kết 2030",
    en: "Final review 2030",
  },
];

export type AwardCode = "HCLD" | "CTDCP" | "BKTTG" | "CTDT" | "BKCT" | "GK";

export interface Award extends CatalogueEntry<AwardCode> {
  /** Rounds in which the plan lists this award; HANGNAM is open to every award (own authority). */
  readonly rounds: readonly Exclude<RoundCode, "HANGNAM">[];
  readonly forCollective: boolean;
  readonly forIndividual: boolean;
}

/** Forms of award (hình thức khen thưởng), plan section III.2.1.b–c. */
export const AWARDS: readonly Award[] = [
  {
    code: "HCLD",
    vi: "Huân chương Lao động",
    short: "Huân chương Lao động",
    en: "Labour Order",
    rounds: ["TONGKET"],
    forCollective: true,
    forIndividual: true,
  },
  {
    code: "CTDCP",
    vi: "Cờ Thi đua của Chính phủ",
    short: "Cờ Thi đua của Chính phủ",
    en: "Government Emulation Flag",
    rounds: ["TONGKET"],
    forCollective: true,
    forIndividual: false,
  },
  {
    code: "BKTTG",
    vi: "Bằng khen của Thủ tướng Chính phủ",
    short: "Bằng khen của Thủ tướng",
    en: "Prime Minister's Certificate of Merit",
    rounds: ["SOKET", "TONGKET"],
    forCollective: true,
    forIndividual: true,
  },
  {
    code: "CTDT",
    vi: "Cờ thi đua của UBND tỉnh",
    short: "Cờ thi đua của UBND tỉnh",
    en: "Provincial People's Committee Emulation Flag",
    rounds: ["TONGKET"],
    forCollective: true,
    forIndividual: false,
  },
  {
    code: "BKCT",
    vi: "Bằng khen của Chủ tịch UBND tỉnh",
    short: "Bằng khen của Chủ tịch UBND tỉnh",
    en: "Provincial Chairman's Certificate of Merit",
    rounds: ["SOKET", "TONGKET"],
    forCollective: true,
    forIndividual: true,
  },
  {
    code: "GK",
    vi: "Giấy khen của Thủ trưởng cơ quan, đơn vị",
    short: "Giấy khen của Thủ trưởng",
    en: "Head of unit's Certificate of Merit",
    rounds: ["SOKET", "TONGKET"],
    forCollective: true,
    forIndividual: true,
  },
];

/** Whether the plan lists the award in that round; annual awards are each unit's own call. */
export function isAwardAllowedInRound(award: Award, round: RoundCode): boolean {
  return round === "HANGNAM" || award.rounds.includes(round);
}

export type DepartmentCode = "SNV" | "SKHCN" | "SNNMT";

export const DEPARTMENTS: readonly CatalogueEntry<DepartmentCode>[] = [
  { code: "SNV", vi: "Sở Nội vụ", short: "Sở Nội vụ", en: "Department of Home Affairs" },
  {
    code: "SKHCN",
    vi: "Sở Khoa học và Công nghệ",
    short: "Sở KH&CN",
    en: "Department of Science and Technology",
  },
  {
    code: "SNNMT",
    vi: "Sở Nông nghiệp và Môi trường",
    short: "Sở NN&MT",
    en: "Department of Agriculture and Environment",
  },
];

/** Routing of nominations (plan V.2.c–đ): green transformation to Sở NN&MT, the rest to Sở KH&CN; all are appraised by Sở Nội vụ. */
export const NOMINATION_ROUTING = {
  byContent: { ND4: "SNNMT" } as Partial<Record<ContentCode, DepartmentCode>>,
  otherwise: "SKHCN" as DepartmentCode,
  appraisedBy: "SNV" as DepartmentCode,
} as const;

export function routeNomination(content: ContentCode): DepartmentCode {
  return NOMINATION_ROUTING.byContent[content] ?? NOMINATION_ROUTING.otherwise;
}
