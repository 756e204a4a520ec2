import { INDICATORS } from "../../core/catalogue/indicators";
import { UNIT_TYPES, type UnitTypeCode } from "../../core/catalogue/unit-types";
import type { MovementConfig } from "../../core/config";
import { computeDeadline } from "../../core/deadlines";
import {
  FILE_OUTCOMES,
  type ConsolidatedFile,
  type ConsolidationResult,
  type FileOutcome,
  type GroupTotals,
  type IndicatorTotal,
  type Totals,
  type UnitKindStatus,
  type UnitStatus,
} from "../../core/consolidate/types";
import { createProblem, type Problem } from "../../core/problems";
import type { RegistryUnit } from "../../core/registry";
import type { TemplateKind } from "../../core/spec/types";

/**
 * A hand-built ConsolidationResult: what the writers receive, independent of how the core computes
 * it. Names and texts carry the hostile inputs the outputs must neutralise.
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

const config: MovementConfig = {
  provincialPlanDate: "2026-05-05",
  reportYear: 2026,
  round: "SOKET",
  nominationDeadline: null,
  expectedKinds: ["KH", "BC"],
};

const round1 = (value: number): number => Math.round(value * 10) / 10;

export function summarise(statuses: readonly UnitKindStatus[]): Totals {
  const count = (status: UnitStatus): number => statuses.filter((entry) => entry.status === status).length;
  const expected = statuses.length;
  const onTime = count("on_time");
  const late = count("late");
  const invalid = count("invalid");
  const received = onTime + late + invalid;
  return {
    expected,
    received,
    onTime,
    late,
    invalid,
    missing: count("missing"),
    reportingRate: expected === 0 ? 0 : round1((received / expected) * 100),
    onTimeRate: expected === 0 ? 0 : round1((onTime / expected) * 100),
  };
}

function groupBy(statuses: readonly UnitKindStatus[], keyOf: (unit: RegistryUnit) => string): GroupTotals[] {
  const keys = [...new Set(statuses.map((entry) => keyOf(entry.unit)))];
  return keys.map((key) => ({
    key,
    totals: summarise(statuses.filter((entry) => keyOf(entry.unit) === key)),
  }));
}

function indicatorTotalsOf(indicators: ConsolidationResult["indicators"]): IndicatorTotal[] {
  const aggregate = (values: number[], measure: "count" | "percent"): number | null =>
    values.length === 0
      ? null
      : measure === "count"
        ? values.reduce((a, b) => a + b, 0)
        : round1(values.reduce((a, b) => a + b, 0) / values.length);
  return INDICATORS.map((indicator) => {
    const rows = indicators.filter((row) => row.code === indicator.code);
    const byUnitType = Object.fromEntries(
      UNIT_TYPES.map((type) => [
        type.code,
        aggregate(
          rows.filter((row) => row.unitType === type.code).map((row) => row.value),
          indicator.measure,
        ),
      ]),
    ) as Record<UnitTypeCode, number | null>;
    return {
      code: indicator.code,
      content: indicator.content,
      measure: indicator.measure,
      reporting: rows.length,
      province: aggregate(
        rows.map((row) => row.value),
        indicator.measure,
      ),
      byUnitType,
    };
  });
}

function topProblemsOf(files: readonly ConsolidatedFile[]): ConsolidationResult["topProblems"] {
  const counts = new Map<string, { count: number; files: Set<string> }>();
  for (const file of files) {
    for (const problem of file.problems) {
      const entry = counts.get(problem.code) ?? { count: 0, files: new Set<string>() };
      entry.count += 1;
      entry.files.add(file.file);
      counts.set(problem.code, entry);
    }
  }
  return [...counts.entries()]
    .map(([code, entry]) => ({ code, count: entry.count, files: entry.files.size }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}

interface Assembly {
  readonly source: string;
  readonly registry?: ConsolidationResult["registry"];
  readonly config: MovementConfig;
  readonly asOf: number;
  readonly statuses: UnitKindStatus[];
  readonly files: ConsolidatedFile[];
  readonly tasks: ConsolidationResult["tasks"][number][];
  readonly indicators: ConsolidationResult["indicators"][number][];
  readonly nominations: ConsolidationResult["nominations"][number][];
}

/** The totals, groups and top problems of a hand-assembled result, as the core defines them. */
function assemble(parts: Assembly): ConsolidationResult {
  return {
    asOf: parts.asOf,
    source: parts.source,
    registry: parts.registry ?? null,
    kindsFilter: null,
    config: parts.config,
    templateVersion: "2026.1",
    ruleVersion: "2026.1",
    totals: summarise(parts.statuses),
    totalsByKind: parts.config.expectedKinds.map((kind) => ({
      kind,
      totals: summarise(parts.statuses.filter((entry) => entry.kind === kind)),
    })),
    byUnitType: groupBy(parts.statuses, (unit) => unit.type),
    byCluster: groupBy(parts.statuses, (unit) => unit.cluster).sort((a, b) =>
      a.key.localeCompare(b.key, "vi"),
    ),
    statuses: parts.statuses,
    files: parts.files,
    tasks: parts.tasks,
    indicators: parts.indicators,
    indicatorTotals: indicatorTotalsOf(parts.indicators),
    nominations: parts.nominations,
    topProblems: topProblemsOf(parts.files),
    sourceProblems: [],
    receivedTimes: "modification_time",
    // Missing, then invalid, then late; registry order within each.
    followUp: (["missing", "invalid", "late"] as const).flatMap((status) =>
      parts.statuses.filter((entry) => entry.status === status),
    ),
    review: parts.files.filter((file) => file.outcome === "identity_conflict"),
    outcomeCounts: FILE_OUTCOMES.map((outcome) => ({
      outcome,
      count: parts.files.filter((file) => file.outcome === outcome).length,
    })),
    deadlines: parts.config.expectedKinds.map((kind) => ({
      kind,
      lastDay: computeDeadline(kind, parts.config)?.lastDay ?? null,
    })),
  };
}

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
};

const field = (vi: string, en: string): { vi: string; en: string } => ({ vi, en });

function problemsFor(unit: RegistryUnit, kind: "KH" | "BC", status: UnitStatus): Problem[] {
  const problems: Problem[] = [];
  if (status === "invalid") {
    problems.push(
      createProblem(
        "REQUIRED_MISSING",
        "error",
        { sheet: "Thông tin", cell: "C6" },
        { field: field("Số văn bản", "Document number") },
      ),
    );
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

/** The small province of the tests: 9 units, 18 expected submissions, every status and outcome. */
export function buildFixtureResult(): ConsolidationResult {
  const statuses: UnitKindStatus[] = [];
  const files: ConsolidatedFile[] = [];
  for (const unit of FIXTURE_UNITS) {
    const plan = PLAN[unit.code] ?? ["missing", "missing"];
    (["KH", "BC"] as const).forEach((kind, index) => {
      const status = plan[index] ?? "missing";
      const receivedAt = RECEIVED[status][kind];
      const problems = problemsFor(unit, kind, status);
      const errors = problems.filter((problem) => problem.severity === "error").length;
      const duplicates = unit.code === "SNV" && kind === "KH" ? 1 : 0;
      const file = receivedAt === null ? null : fileName(unit, kind);
      statuses.push({
        unit,
        kind,
        status,
        file,
        receivedAt,
        errors,
        warnings: problems.length - errors,
        duplicates,
        underReview: [],
      });
      if (file !== null && receivedAt !== null) {
        files.push({
          file,
          receivedAt,
          sizeBytes: 18_432 + index * 1_024 + unit.code.length,
          sha256: sha(unit.code + kind),
          kind,
          version: "2026.1",
          unitCode: unit.code,
          unitName: unit.name,
          outcome: status as FileOutcome,
          supersededBy: null,
          attribution: "workbook",
          pointsTo: null,
          errors,
          warnings: problems.length - errors,
          problems,
        });
      }
    });
  }
  const extraFile = (
    file: string,
    outcome: FileOutcome,
    overrides: Partial<ConsolidatedFile>,
  ): ConsolidatedFile => ({
    file,
    receivedAt: at("2026-05-10T07:00:00"),
    sizeBytes: 9_216,
    sha256: sha(file),
    kind: null,
    version: null,
    unitCode: null,
    unitName: null,
    outcome,
    supersededBy: null,
    attribution: null,
    pointsTo: null,
    errors: 0,
    warnings: 0,
    problems: [],
    ...overrides,
  });
  files.push(
    extraFile("KH/KH_SNV_2026_ban_nhap.xlsx", "duplicate", {
      kind: "KH",
      version: "2026.1",
      unitCode: "SNV",
      unitName: "Sở Nội vụ",
      supersededBy: "KH/KH_SNV_2026.xlsx",
      errors: 1,
      problems: [
        createProblem(
          "REQUIRED_MISSING",
          "error",
          { sheet: "Nhiệm vụ", cell: "C7" },
          { field: field("Nhiệm vụ", "Task") },
        ),
      ],
    }),
    extraFile("KH/KH_XYZ_2026.xlsx", "unknown_unit", {
      kind: "KH",
      version: "2026.1",
      unitCode: "XYZ",
      unitName: HOSTILE.atFormula,
      errors: 1,
      problems: [
        createProblem("UNIT_UNKNOWN", "error", { sheet: "Thông tin", cell: "C4" }, { found: "XYZ" }),
      ],
    }),
    extraFile("Khac/danh_sach.xlsx", "not_a_template", {
      errors: 1,
      problems: [createProblem("TEMPLATE_STAMP_MISSING", "error", {})],
    }),
    extraFile("Khac/bao_cao_cu.xls", "unreadable", {
      errors: 1,
      problems: [createProblem("FILE_LEGACY_XLS", "error", {})],
    }),
  );
  files.sort((a, b) => (a.file < b.file ? -1 : 1));

  const tasks: ConsolidationResult["tasks"][number][] = [
    {
      unitCode: "SNV",
      unitName: "Sở Nội vụ",
      file: "KH/KH_SNV_2026.xlsx",
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
      unitName: "Sở Nội vụ",
      file: "KH/KH_SNV_2026.xlsx",
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
      unitName: "Sở Nội vụ",
      file: "KH/KH_SNV_2026.xlsx",
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
      unitName: "Sở Nông nghiệp và Môi trường",
      file: "KH/KH_SNNMT_2026.xlsx",
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
      unitName: "Tỉnh đoàn Hà Tĩnh",
      file: "KH/KH_TD_2026.xlsx",
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
      unitName: "Công ty Cổ phần Công nghệ Hồng Lĩnh",
      file: "KH/KH_DN001_2026.xlsx",
      row: 7,
      content: "ND5",
      task: "Phát triển nền tảng quản lý nông sản truy xuất nguồn gốc",
      target: null,
      lead: "Phòng Phát triển sản phẩm",
      deadline: null,
      expectedResult: null,
    },
  ];

  const indicatorRows: ConsolidationResult["indicators"][number][] = [];
  const bcAccepted = FIXTURE_UNITS.filter((unit) => {
    const status = PLAN[unit.code]?.[1];
    return status === "on_time" || status === "late";
  });
  bcAccepted.forEach((unit, unitIndex) => {
    INDICATORS.forEach((indicator, index) => {
      const value =
        indicator.measure === "percent"
          ? round1(55 + ((unitIndex * 7 + index * 3) % 40) + 0.5)
          : (unitIndex + 1) * (index + 2);
      indicatorRows.push({
        code: indicator.code,
        value,
        unitCode: unit.code,
        unitName: unit.name,
        unitType: unit.type,
        file: fileName(unit, "BC"),
      });
    });
  });

  const nominations: ConsolidationResult["nominations"][number][] = [
    {
      unitCode: "SNNMT",
      unitName: "Sở Nông nghiệp và Môi trường",
      file: "KH/KH_SNNMT_2026.xlsx",
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
      unitName: "Tỉnh đoàn Hà Tĩnh",
      file: "KH/KH_TD_2026.xlsx",
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
      unitName: "Công ty Cổ phần Công nghệ Hồng Lĩnh",
      file: "KH/KH_DN001_2026.xlsx",
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

  const registry = {
    file: "danh-sach-don-vi.xlsx",
    sha256: "ab".repeat(32),
    units: FIXTURE_UNITS.length,
    problems: [
      createProblem(
        "EMAIL_INVALID",
        "error",
        { sheet: "Đơn vị", cell: "E9" },
        { field: { vi: "Thư điện tử liên hệ", en: "Contact e-mail" }, found: "vanthu skhcn" },
      ),
    ],
  };
  return assemble({
    source: "thư mục ./nop-ho-so",
    registry,
    config,
    asOf: FIXTURE_AS_OF,
    statuses,
    files,
    tasks,
    indicators: indicatorRows,
    nominations,
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
 * consolidation must write within bounded memory (1,000 units: 3,000 files, 30,000 tasks).
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
  const statuses: UnitKindStatus[] = [];
  const files: ConsolidatedFile[] = [];
  const tasks: ConsolidationResult["tasks"][number][] = [];
  const indicators: ConsolidationResult["indicators"][number][] = [];
  const nominations: ConsolidationResult["nominations"][number][] = [];
  const base = Date.parse("2026-05-10T08:00:00+07:00");
  registry.forEach((unit, unitIndex) => {
    kinds.forEach((kind, kindIndex) => {
      const status = statusCycle[(unitIndex + kindIndex) % statusCycle.length] ?? "on_time";
      const file = `${kind}/${kind}_${unit.code}.xlsx`;
      const receivedAt = base + unitIndex * 3_600_000 + kindIndex * 60_000;
      const problems: Problem[] = [];
      if (status === "invalid")
        problems.push(
          createProblem(
            "REQUIRED_MISSING",
            "error",
            { sheet: "Thông tin", cell: "C6" },
            { field: field("Số văn bản", "Document number") },
          ),
        );
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
      const errors = problems.filter((problem) => problem.severity === "error").length;
      statuses.push({
        unit,
        kind,
        status,
        file: status === "missing" ? null : file,
        receivedAt: status === "missing" ? null : receivedAt,
        errors,
        warnings: problems.length - errors,
        duplicates: 0,
        underReview: [],
      });
      // A "missing" unit still has its file in the synthetic folder, received after the as-of: it keeps the file count at 3 per unit.
      files.push({
        file,
        receivedAt,
        sizeBytes: 20_000 + unitIndex,
        sha256: sha(file),
        kind,
        version: "2026.1",
        unitCode: unit.code,
        unitName: unit.name,
        outcome: status === "missing" ? "unreadable" : status,
        supersededBy: null,
        attribution: "workbook",
        pointsTo: null,
        errors,
        warnings: problems.length - errors,
        problems,
      });
      // Every plan contributes its tasks, whatever its status: the synthetic size is what matters here.
      if (kind === "KH") {
        for (let row = 0; row < 30; row += 1) {
          tasks.push({
            unitCode: unit.code,
            unitName: unit.name,
            file,
            row: 7 + row,
            content: (["ND1", "ND2", "ND3", "ND4", "ND5", "ND6", "ND7"] as const)[row % 7] ?? "ND1",
            task: `Nhiệm vụ ${row + 1}: triển khai chuyển đổi số trong hoạt động của đơn vị, số hóa hồ sơ, dữ liệu`,
            target: `${(row % 10) * 10}% hồ sơ được số hóa`,
            lead: "Văn phòng",
            deadline: `2027-${String((row % 12) + 1).padStart(2, "0")}-15`,
            expectedResult: "Hoàn thành đúng tiến độ",
          });
        }
      } else if (kind === "BC") {
        INDICATORS.forEach((indicator, index) =>
          indicators.push({
            code: indicator.code,
            value: indicator.measure === "percent" ? (unitIndex * 7 + index) % 100 : (unitIndex % 50) + index,
            unitCode: unit.code,
            unitName: unit.name,
            unitType: unit.type,
            file,
          }),
        );
      } else {
        for (let row = 0; row < 3; row += 1) {
          nominations.push({
            unitCode: unit.code,
            unitName: unit.name,
            file,
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
          });
        }
      }
    });
  });
  return assemble({
    source: "synthetic",
    config: { ...config, expectedKinds: kinds },
    asOf: FIXTURE_AS_OF,
    statuses,
    files,
    tasks,
    indicators,
    nominations,
  });
}
