import { INDICATORS } from "../../core/catalogue/indicators";
import type { UnitTypeCode } from "../../core/catalogue/unit-types";
import type { MovementConfig } from "../../core/config";
import { consolidate } from "../../core/consolidate/consolidate";
import type {
  ConsolidationResult,
  IndicatorExtract,
  NominationExtract,
  SubmittedFile,
  TaskExtract,
  UnitStatus,
} from "../../core/consolidate/types";
import { createProblem, type Problem } from "../../core/problems";
import { createRegistry, type RegistryUnit } from "../../core/registry";
import type { TemplateKind } from "../../core/template-spec/types";
import { FIXTURE_CONFIG } from "../fixtures/config";

/**
 * The consolidation the output writers receive, made by the core's consolidate() from hand-built
 * submissions (as the validating workers hand them over): a change in the core shows up in the
 * outputs' tests. Names and texts carry the hostile inputs the outputs must neutralise.
 */

export const HOSTILE = {
  hyperlinkName: '=HYPERLINK("http://x","y")',
  ddeTask: "=cmd|' /C calc'!A0",
  atFormula: "@SUM(1)",
  plusFormula: "+1+1",
  minusFormula: "-2+3",
  tabFormula: "\t=1+1",
  scriptName: "<script>window.__pwned = 1</script>UBND xã Thạch Hà",
} as const;

export const FIXTURE_AS_OF = Date.parse("2026-11-25T12:00:00+07:00");

const config: MovementConfig = FIXTURE_CONFIG;

const round1 = (value: number): number => Math.round(value * 10) / 10;

const NO_EXTRACTS = { tasks: [], indicators: [], nominations: [] } as const;

const SO = "Khối các sở, ban, ngành";
const XA = "Cụm các xã, phường";
const DT = "Khối Mặt trận, đoàn thể";
const DNK = "Khối doanh nghiệp";

export const FIXTURE_UNITS: readonly RegistryUnit[] = [
  { code: "SNV", name: "Sở Nội vụ", type: "CQ", cluster: SO, email: "snv@hatinh.gov.vn" },
  { code: "SKHCN", name: "Sở Khoa học và Công nghệ", type: "CQ", cluster: SO, email: "skhcn@hatinh.gov.vn" },
  {
    code: "SNNMT",
    name: "Sở Nông nghiệp và Môi trường",
    type: "CQ",
    cluster: SO,
    email: "snnmt@hatinh.gov.vn",
  },
  { code: "XA001", name: HOSTILE.hyperlinkName, type: "CQ", cluster: XA, email: "xa001@hatinh.gov.vn" },
  { code: "XA002", name: HOSTILE.scriptName, type: "CQ", cluster: XA, email: "thachha@hatinh.gov.vn" },
  { code: "TD", name: "Tỉnh đoàn Hà Tĩnh", type: "MT", cluster: DT, email: "tinhdoan@hatinh.gov.vn" },
  { code: "HND", name: "Hội Nông dân tỉnh", type: "MT", cluster: DT, email: "hoinongdan@hatinh.gov.vn" },
  {
    code: "DN001",
    name: "Công ty Cổ phần Công nghệ Hồng Lĩnh",
    type: "DN",
    cluster: DNK,
    email: "lienhe@honglinh.vn",
  },
  {
    code: "DN002",
    name: "Công ty TNHH Năng lượng Xanh Kỳ Anh",
    type: "DN",
    cluster: DNK,
    email: "info@xanhkyanh.vn",
  },
];

/** Received times as a Vietnamese officer reads them; 14/11 23:59 is still on time for BC. */
const at = (vietnamTime: string): number => Date.parse(`${vietnamTime}+07:00`);

const PLAN: Record<string, [UnitStatus, UnitStatus]> = {
  SNV: ["on_time", "on_time"],
  SKHCN: ["late", "invalid"],
  SNNMT: ["on_time", "late"],
  XA001: ["missing", "missing"],
  XA002: ["invalid", "on_time"],
  TD: ["on_time", "on_time"],
  HND: ["on_time", "missing"],
  DN001: ["late", "on_time"],
  DN002: ["missing", "missing"],
};

const RECEIVED: Record<UnitStatus, Record<"KH" | "BC", number | null>> = {
  on_time: { KH: at("2026-05-18T09:30:00"), BC: at("2026-11-14T23:59:00") },
  late: { KH: at("2026-06-02T08:15:00"), BC: at("2026-11-15T03:00:00") },
  invalid: { KH: at("2026-05-19T16:45:00"), BC: at("2026-11-10T10:00:00") },
  missing: { KH: null, BC: null },
  not_due: { KH: null, BC: null },
};

const field = (vi: string, en: string): { vi: string; en: string } => ({ vi, en });

/** The invalid files' shared error: the document number left blank. */
const missingDocumentNumber = (): Problem =>
  createProblem(
    "REQUIRED_MISSING",
    "error",
    { sheet: "Thông tin", cell: "C6" },
    { field: field("Số văn bản", "Document number") },
  );

function problemsFor(unit: RegistryUnit, kind: "KH" | "BC", status: UnitStatus): Problem[] {
  const problems: Problem[] = [];
  if (status === "invalid") {
    problems.push(missingDocumentNumber());
    if (kind === "BC")
      problems.push(
        createProblem(
          "NUMBER_NEGATIVE",
          "error",
          { sheet: "Chỉ tiêu", cell: "E9" },
          {
            field: field("Số dịch vụ công trực tuyến toàn trình", "Fully online public services"),
            found: -3,
          },
        ),
      );
    if (kind === "KH")
      problems.push(
        createProblem(
          "DATE_EXPECTED",
          "error",
          { sheet: "Nhiệm vụ", cell: "F7" },
          { field: field("Thời hạn", "Deadline"), found: HOSTILE.ddeTask },
        ),
      );
  }
  if (status === "late") {
    problems.push(
      createProblem(
        "SUBMISSION_LATE",
        "warning",
        {},
        {
          receivedAt: kind === "KH" ? "02/06/2026 08:15" : "15/11/2026 03:00",
          lastDay: kind === "KH" ? "20/05/2026" : "14/11/2026",
        },
      ),
    );
  }
  if (unit.code === "XA002") {
    problems.push(
      createProblem(
        "TEXT_EXPECTED",
        "warning",
        { sheet: "Thông tin", cell: "C5" },
        { field: field("Tên đơn vị", "Unit name"), found: HOSTILE.scriptName },
      ),
    );
  }
  return problems;
}

function fileName(unit: RegistryUnit, kind: string): string {
  return `${kind}/${kind}_${unit.code}_2026.xlsx`;
}

/**
 * The small province of the tests: 9 units, 18 expected submissions, every status and outcome.
 * Each file is what the validating workers would hand over (its problems, its extracted rows);
 * the statuses in PLAN follow from them: errors make a file invalid, SUBMISSION_LATE late.
 */
export function buildFixtureResult(): ConsolidationResult {
  const taskRows: (TaskExtract & { unitCode: string })[] = [
    {
      unitCode: "SNV",
      row: 7,
      content: "ND1",
      task: "Tổ chức hội nghị quán triệt Kế hoạch thi đua đến toàn thể công chức",
      target: "100% công chức được quán triệt",
      lead: "Văn phòng Sở",
      deadline: "2026-06-30",
      expectedResult: "Hội nghị được tổ chức",
    },
    {
      unitCode: "SNV",
      row: 8,
      content: "ND3",
      task: HOSTILE.ddeTask,
      target: HOSTILE.plusFormula,
      lead: HOSTILE.minusFormula,
      deadline: "2027-03-31",
      expectedResult: HOSTILE.tabFormula,
    },
    {
      unitCode: "SNV",
      row: 9,
      content: "ND6",
      task: HOSTILE.atFormula,
      target: "Mỗi công chức hoàn thành khóa Bình dân học vụ số",
      lead: "Phòng Công chức",
      deadline: "2026-12-31",
      expectedResult: "Chứng nhận hoàn thành",
    },
    {
      unitCode: "SNNMT",
      row: 7,
      content: "ND4",
      task: HOSTILE.hyperlinkName,
      target: "05 mô hình kinh tế tuần hoàn",
      lead: "Chi cục Bảo vệ môi trường",
      deadline: "2027-06-30",
      expectedResult: "Mô hình được nhân rộng",
    },
    {
      unitCode: "TD",
      row: 7,
      content: "ND6",
      task: "Ra quân hỗ trợ người dân cài đặt, sử dụng ứng dụng số",
      target: "10.000 lượt người dân",
      lead: "Ban Phong trào",
      deadline: "2026-08-31",
      expectedResult: "Tổ công nghệ số cộng đồng hoạt động",
    },
    {
      unitCode: "DN001",
      row: 7,
      content: "ND5",
      task: "Phát triển nền tảng quản lý nông sản truy xuất nguồn gốc",
      target: null,
      lead: "Phòng Phát triển sản phẩm",
      deadline: null,
      expectedResult: null,
    },
  ];

  const nominationRows: (NominationExtract & { unitCode: string })[] = [
    {
      unitCode: "SNNMT",
      row: 7,
      nomineeKind: "TAPTHE",
      nomineeName: "Chi cục Bảo vệ môi trường",
      position: null,
      individualGroup: null,
      award: "BKCT",
      content: "ND4",
      achievement: "Xây dựng 05 mô hình kinh tế tuần hoàn trong nông nghiệp",
      evidence: "Quyết định công nhận số 12/QĐ-SNNMT",
      department: "SNNMT",
    },
    {
      unitCode: "TD",
      row: 7,
      nomineeKind: "CANHAN",
      nomineeName: "Nguyễn Văn An",
      position: "Bí thư Tỉnh đoàn",
      individualGroup: "CBCCVC",
      award: "BKTTG",
      content: "ND6",
      achievement: HOSTILE.hyperlinkName,
      evidence: null,
      department: "SKHCN",
    },
    {
      unitCode: "DN001",
      row: 8,
      nomineeKind: "CANHAN",
      nomineeName: "Trần Thị Bình",
      position: "Giám đốc",
      individualGroup: "DNH",
      award: "GK",
      content: "ND5",
      achievement: "Làm chủ công nghệ truy xuất nguồn gốc",
      evidence: HOSTILE.atFormula,
      department: "SKHCN",
    },
  ];

  const submitted: SubmittedFile[] = [];
  const bcAccepted = FIXTURE_UNITS.filter((unit) => {
    const status = PLAN[unit.code]?.[1];
    return status === "on_time" || status === "late";
  });
  for (const unit of FIXTURE_UNITS) {
    const plan = PLAN[unit.code] ?? ["missing", "missing"];
    (["KH", "BC"] as const).forEach((kind, index) => {
      const status = plan[index] ?? "missing";
      const receivedAt = RECEIVED[status][kind];
      if (receivedAt === null) return;
      const unitIndex = bcAccepted.indexOf(unit);
      const indicators: IndicatorExtract[] =
        kind === "BC" && unitIndex >= 0
          ? INDICATORS.map((indicator, index) => ({
              code: indicator.code,
              value:
                indicator.measure === "percent"
                  ? round1(55 + ((unitIndex * 7 + index * 3) % 40) + 0.5)
                  : (unitIndex + 1) * (index + 2),
            }))
          : [];
      const own = <T extends { unitCode: string }>(rows: readonly T[]): Omit<T, "unitCode">[] =>
        kind === "KH"
          ? rows.filter((row) => row.unitCode === unit.code).map(({ unitCode: _unitCode, ...row }) => row)
          : [];
      submitted.push({
        file: fileName(unit, kind),
        receivedAt,
        sizeBytes: 18_432 + index * 1_024 + unit.code.length,
        sha256: sha(unit.code + kind),
        kind,
        version: "2026.1",
        unitCode: unit.code,
        unitName: unit.name,
        problems: problemsFor(unit, kind, status),
        period: kind === "KH" ? "KH:GD1" : "BC:2026",
        readable: true,
        extracts: { tasks: own(taskRows), indicators, nominations: own(nominationRows) },
      });
    });
  }
  const extraFile = (file: string, overrides: Partial<SubmittedFile>): SubmittedFile => ({
    file,
    receivedAt: at("2026-05-10T07:00:00"),
    sizeBytes: 9_216,
    sha256: sha(file),
    kind: null,
    period: null,
    version: null,
    unitCode: null,
    unitName: null,
    problems: [],
    readable: true,
    extracts: NO_EXTRACTS,
    ...overrides,
  });
  submitted.push(
    extraFile("KH/KH_SNV_2026_ban_nhap.xlsx", {
      kind: "KH",
      version: "2026.1",
      unitCode: "SNV",
      unitName: "Sở Nội vụ",
      problems: [
        createProblem(
          "REQUIRED_MISSING",
          "error",
          { sheet: "Nhiệm vụ", cell: "C7" },
          { field: field("Nhiệm vụ", "Task") },
        ),
      ],
    }),
    extraFile("KH/KH_XYZ_2026.xlsx", {
      kind: "KH",
      version: "2026.1",
      unitCode: "XYZ",
      unitName: HOSTILE.atFormula,
      problems: [
        createProblem("UNIT_UNKNOWN", "error", { sheet: "Thông tin", cell: "C4" }, { found: "XYZ" }),
      ],
    }),
    extraFile("Khac/danh_sach.xlsx", {
      problems: [createProblem("TEMPLATE_STAMP_MISSING", "error", {})],
    }),
    extraFile("Khac/bao_cao_cu.xls", {
      readable: false,
      problems: [createProblem("FILE_LEGACY_XLS", "error", {})],
    }),
  );
  const registryFile = {
    file: "danh-sach-don-vi.xlsx",
    sha256: "ab".repeat(32),
    problems: [
      createProblem(
        "EMAIL_INVALID",
        "error",
        { sheet: "Đơn vị", cell: "E9" },
        { field: { vi: "Thư điện tử liên hệ", en: "Contact e-mail" }, found: "vanthu skhcn" },
      ),
    ],
  };
  return consolidate({
    files: submitted,
    registry: createRegistry(FIXTURE_UNITS),
    config,
    asOf: FIXTURE_AS_OF,
    source: "thư mục ./nop-ho-so",
    registryFile,
  });
}

/** A deterministic fake SHA-256 (64 hex digits) for a name. */
function sha(text: string): string {
  let hash = 0x811c9dc5;
  let out = "";
  for (let round = 0; out.length < 64; round += 1) {
    for (const char of text + String(round)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, "0");
  }
  return out.slice(0, 64);
}

/**
 * A province of `units` units, each sending KH, BC and DN-KT (3 files per unit), 30 tasks per plan,
 * every indicator per report, 3 nominations per DN-KT and a few problems: the size the
 * consolidation must write within bounded memory (1,000 units: 3,000 files, 30,000 tasks). Every
 * plan is accepted (on time or late), so every unit's 30 tasks reach the Nhiệm vụ sheet; reports
 * and nominations go through every status, a "missing" one being an unreadable file.
 */
export function buildSyntheticResult(units: number): ConsolidationResult {
  const kinds: TemplateKind[] = ["KH", "BC", "DN-KT"];
  const types: UnitTypeCode[] = ["CQ", "MT", "DN"];
  const statusCycle: UnitStatus[] = [
    "on_time",
    "on_time",
    "on_time",
    "late",
    "invalid",
    "on_time",
    "missing",
    "on_time",
    "late",
    "on_time",
    "on_time",
  ];
  const registry: RegistryUnit[] = Array.from({ length: units }, (_, index) => {
    const code = `DV${String(index + 1).padStart(4, "0")}`;
    return {
      code,
      name: `Đơn vị mẫu số ${index + 1} thuộc ${["Sở", "Ban", "Xã", "Phường", "Công ty"][index % 5]}`,
      type: types[index % 3] ?? "CQ",
      cluster: `Cụm thi đua số ${(index % 12) + 1}`,
      email: `dv${index + 1}@hatinh.gov.vn`,
    };
  });
  const submitted: SubmittedFile[] = [];
  const base = Date.parse("2026-05-10T08:00:00+07:00");
  registry.forEach((unit, unitIndex) => {
    kinds.forEach((kind, kindIndex) => {
      const status: UnitStatus =
        kind === "KH"
          ? unitIndex % 4 === 3
            ? "late"
            : "on_time"
          : (statusCycle[(unitIndex + kindIndex) % statusCycle.length] ?? "on_time");
      const file = `${kind}/${kind}_${unit.code}.xlsx`;
      const problems: Problem[] = [];
      if (status === "missing")
        problems.push(createProblem("FILE_UNREADABLE", "error", {}, { reason: "zip" }));
      if (status === "invalid") problems.push(missingDocumentNumber());
      if (status === "late")
        problems.push(
          createProblem(
            "SUBMISSION_LATE",
            "warning",
            {},
            { receivedAt: "15/11/2026 03:00", lastDay: "14/11/2026" },
          ),
        );
      if (unitIndex % 4 === 0)
        problems.push(
          createProblem(
            "NUMBER_AMBIGUOUS",
            "warning",
            { sheet: "Chỉ tiêu", cell: `E${7 + kindIndex}` },
            { field: field("Giá trị", "Value"), found: "1,234" },
          ),
        );
      const tasks: TaskExtract[] =
        kind === "KH"
          ? Array.from({ length: 30 }, (_, row) => ({
              row: 7 + row,
              content: (["ND1", "ND2", "ND3", "ND4", "ND5", "ND6", "ND7"] as const)[row % 7] ?? "ND1",
              task: `Nhiệm vụ ${row + 1}: triển khai chuyển đổi số trong hoạt động của đơn vị, số hóa hồ sơ, dữ liệu`,
              target: `${(row % 10) * 10}% hồ sơ được số hóa`,
              lead: "Văn phòng",
              deadline: `2027-${String((row % 12) + 1).padStart(2, "0")}-15`,
              expectedResult: "Hoàn thành đúng tiến độ",
            }))
          : [];
      const indicators: IndicatorExtract[] =
        kind === "BC"
          ? INDICATORS.map((indicator, index) => ({
              code: indicator.code,
              value:
                indicator.measure === "percent" ? (unitIndex * 7 + index) % 100 : (unitIndex % 50) + index,
            }))
          : [];
      const nominations: NominationExtract[] =
        kind === "DN-KT"
          ? Array.from({ length: 3 }, (_, row) => ({
              row: 7 + row,
              nomineeKind: row === 0 ? "TAPTHE" : "CANHAN",
              nomineeName: `Nguyễn Văn ${row + 1}`,
              position: "Chuyên viên",
              individualGroup: row === 0 ? null : "CBCCVC",
              award: "BKCT",
              content: row === 1 ? "ND4" : "ND2",
              achievement: "Có sáng kiến ứng dụng công nghệ số được công nhận",
              evidence: null,
              department: row === 1 ? "SNNMT" : "SKHCN",
            }))
          : [];
      submitted.push({
        file,
        receivedAt: base + unitIndex * 60_000 + kindIndex * 1_000,
        sizeBytes: 20_000 + unitIndex,
        sha256: sha(file),
        kind: status === "missing" ? null : kind,
        version: status === "missing" ? null : "2026.1",
        unitCode: status === "missing" ? null : unit.code,
        unitName: status === "missing" ? null : unit.name,
        problems,
        period:
          status === "missing"
            ? null
            : kind === "KH"
              ? "KH:GD1"
              : kind === "BC"
                ? "BC:2026"
                : "DN-KT:HANGNAM:2026",
        readable: status !== "missing",
        extracts: status === "missing" ? NO_EXTRACTS : { tasks, indicators, nominations },
      });
    });
  });
  return consolidate({
    files: submitted,
    registry: createRegistry(registry),
    config: { ...config, expectedKinds: kinds },
    asOf: FIXTURE_AS_OF,
    source: "synthetic",
  });
}
