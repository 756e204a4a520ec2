import type { CatalogueEntry } from "./types";

export type UnitTypeCode = "CQ" | "MT" | "DN";

/** Who takes part (đối tượng thi đua), plan section III.1.a–c. */
export const UNIT_TYPES: readonly CatalogueEntry<UnitTypeCode>[] = [
  {
    code: "CQ",
    vi: "Cơ quan, đơn vị, địa phương",
    short: "Cơ quan, đơn vị, địa phương",
    en: "Agencies, units and localities",
  },
  {
    code: "MT",
    vi: "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    short: "Mặt trận Tổ quốc, đoàn thể",
    en: "Fatherland Front and socio-political organisations",
  },
  { code: "DN", vi: "Doanh nghiệp", short: "Doanh nghiệp", en: "Enterprises" },
];

export type IndividualGroupCode = "CBCCVC" | "DNH" | "KHAC";

/** Individuals appear only in award nominations (III.1.d). */
export const INDIVIDUAL_GROUPS: readonly CatalogueEntry<IndividualGroupCode>[] = [
  {
    code: "CBCCVC",
    vi: "Cán bộ, công chức, viên chức",
    short: "Cán bộ, công chức, viên chức",
    en: "Officials and public employees",
  },
  { code: "DNH", vi: "Doanh nhân", short: "Doanh nhân", en: "Entrepreneurs" },
  { code: "KHAC", vi: "Đối tượng khác", short: "Đối tượng khác", en: "Other individuals" },
];

export type NomineeKindCode = "TAPTHE" | "CANHAN";

export const NOMINEE_KINDS: readonly CatalogueEntry<NomineeKindCode>[] = [
  { code: "TAPTHE", vi: "Tập thể", short: "Tập thể", en: "Collective" },
  { code: "CANHAN", vi: "Cá nhân", short: "Cá nhân", en: "Individual" },
];
