import { type UnitTypeCode, type RegistryUnit } from "../../core/index";

/** What kind of place a sample unit is: it decides its name, cluster, signer and wording. */
export type UnitRole = "department" | "provincialFront" | "commune" | "ward" | "communeFront" | "enterprise";

export interface SampleUnit extends RegistryUnit {
  /** A sample unit always has a type of the catalogue (the registry may hold rows that do not). */
  readonly type: UnitTypeCode;
  readonly role: UnitRole;
  /** The issuer part of its document numbers: 45/KH-<issuer>. */
  readonly issuer: string;
}

/** Provincial departments: the ones the seed names first, then other departments of a province. */
const DEPARTMENTS: readonly { code: string; name: string }[] = [
  { code: "SNV", name: "Sở Nội vụ" },
  { code: "SKHCN", name: "Sở Khoa học và Công nghệ" },
  { code: "SNNMT", name: "Sở Nông nghiệp và Môi trường" },
  { code: "SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch" },
  { code: "STC", name: "Sở Tài chính" },
  { code: "SCT", name: "Sở Công Thương" },
  { code: "SXD", name: "Sở Xây dựng" },
  { code: "SYT", name: "Sở Y tế" },
  { code: "SGDDT", name: "Sở Giáo dục và Đào tạo" },
  { code: "STP", name: "Sở Tư pháp" },
  { code: "TTRT", name: "Thanh tra tỉnh" },
  { code: "VPUBND", name: "Văn phòng UBND tỉnh" },
];

/** The Fatherland Front and the provincial socio-political organisations (seed, section V.h). */
const FRONT_ORGANISATIONS: readonly { code: string; name: string }[] = [
  { code: "MTTQ", name: "Ủy ban MTTQ tỉnh" },
  { code: "TDOAN", name: "Tỉnh đoàn" },
  { code: "HND", name: "Hội Nông dân tỉnh" },
  { code: "HLHPN", name: "Hội Liên hiệp Phụ nữ tỉnh" },
  { code: "LDLD", name: "Liên đoàn Lao động tỉnh" },
  { code: "HCCB", name: "Hội Cựu chiến binh tỉnh" },
];

export const CLUSTERS = {
  departments: "Khối các sở, ban, ngành",
  front: "Khối Mặt trận, đoàn thể",
  enterprises: "Khối doanh nghiệp",
  communes: (index: number): string => `Cụm thi đua số ${index} (xã, phường)`,
} as const;

/** Commune clusters: the province groups its communes and wards into six. */
export const COMMUNE_CLUSTER_COUNT = 6;

const ENTERPRISE_FORMS = [
  "Công ty TNHH Mẫu Số",
  "Công ty Cổ phần Mẫu Số",
  "Công ty TNHH MTV Mẫu Số",
  "Doanh nghiệp tư nhân Mẫu Số",
] as const;

/** Zero-padded sample number: wide enough for every unit and the unknown ones after them. */
export function formatSampleNumber(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function sampleNumberWidth(units: number): number {
  return Math.max(3, String(units * 2).length);
}

function email(code: string, role: UnitRole): string {
  // A reserved domain (RFC 2606): no real mailbox can receive what a test sends.
  return role === "enterprise"
    ? `lienhe.${code.toLowerCase()}@doanhnghiep.example`
    : `vanthu.${code.toLowerCase()}@hatinh.example`;
}

function unit(
  code: string,
  name: string,
  type: UnitTypeCode,
  cluster: string,
  role: UnitRole,
  issuer: string,
): SampleUnit {
  return { code, name, type, cluster, email: email(code, role), role, issuer };
}

/** How many units of each type: about 45% agencies and localities, 15% front, 40% enterprises. */
export function splitByType(count: number): Record<UnitTypeCode, number> {
  const cq = Math.min(count, Math.max(1, Math.round(count * 0.45)));
  const mt = Math.min(count - cq, Math.round(count * 0.15));
  return { CQ: cq, MT: mt, DN: count - cq - mt };
}

/** A sample commune, ward or enterprise that is not in the registry (a unit that sends without being expected). */
export function createUnregisteredUnit(number: number, width: number, type: "CQ" | "DN"): SampleUnit {
  const label = formatSampleNumber(number, width);
  return type === "CQ"
    ? unit(
        `XA${label}`,
        `UBND xã Mẫu ${label}`,
        "CQ",
        CLUSTERS.communes(1 + (number % COMMUNE_CLUSTER_COUNT)),
        "commune",
        "UBND",
      )
    : unit(
        `DN${label}`,
        `Công ty TNHH Mẫu Số ${label}`,
        "DN",
        CLUSTERS.enterprises,
        "enterprise",
        `DN${label}`,
      );
}

/**
 * The registry of a sample province of `count` units: real departments and front organisations
 * (as many as the seed and a province have), then clearly fictitious communes, wards and
 * enterprises numbered by their place in the registry ("UBND xã Mẫu 017", "Công ty TNHH Mẫu Số 042").
 */
export function buildSampleUnits(count: number): SampleUnit[] {
  const split = splitByType(count);
  const width = sampleNumberWidth(count);
  const departments = Math.min(DEPARTMENTS.length, Math.max(Math.min(split.CQ, 3), Math.ceil(split.CQ / 3)));
  const fronts = Math.min(
    FRONT_ORGANISATIONS.length,
    Math.max(Math.min(split.MT, 2), Math.ceil(split.MT / 2)),
  );
  const units: SampleUnit[] = [];
  const next = (): string => formatSampleNumber(units.length + 1, width);

  DEPARTMENTS.slice(0, departments).forEach((department) => {
    units.push(
      unit(department.code, department.name, "CQ", CLUSTERS.departments, "department", department.code),
    );
  });
  FRONT_ORGANISATIONS.slice(0, fronts).forEach((front) => {
    units.push(unit(front.code, front.name, "MT", CLUSTERS.front, "provincialFront", front.code));
  });
  const communes = split.CQ - departments;
  const communeFronts = split.MT - fronts;
  // Communes and their front committees alternate, so that every commune cluster has both.
  for (let index = 0; index < Math.max(communes, communeFronts); index += 1) {
    if (index < communes) {
      const label = next();
      const cluster = CLUSTERS.communes(1 + (index % COMMUNE_CLUSTER_COUNT));
      // About one commune in five is a ward (phường).
      units.push(
        index % 5 === 4
          ? unit(`PH${label}`, `UBND phường Mẫu ${label}`, "CQ", cluster, "ward", "UBND")
          : unit(`XA${label}`, `UBND xã Mẫu ${label}`, "CQ", cluster, "commune", "UBND"),
      );
    }
    if (index < communeFronts) {
      const label = next();
      units.push(
        unit(
          `MTX${label}`,
          `Ủy ban MTTQ xã Mẫu ${label}`,
          "MT",
          CLUSTERS.communes(1 + (index % COMMUNE_CLUSTER_COUNT)),
          "communeFront",
          "MTTQ",
        ),
      );
    }
  }
  for (let index = 0; index < split.DN; index += 1) {
    const label = next();
    const form = ENTERPRISE_FORMS[index % ENTERPRISE_FORMS.length] ?? ENTERPRISE_FORMS[0];
    units.push(
      unit(`DN${label}`, `${form} ${label}`, "DN", CLUSTERS.enterprises, "enterprise", `DN${label}`),
    );
  }
  return units;
}
