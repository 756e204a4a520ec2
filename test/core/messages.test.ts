import type { LocalizedText } from "../../core/catalogue/types";
import { formatProblem, isLanguage } from "../../core/messages/index";
import { PROBLEM_CODES, createProblem, type ProblemCode, type ProblemParam } from "../../core/problems";
import { findMessageFaults } from "../fixtures/check-message";
import { NAMED_CODES } from "../../core/messages/names";

const field: LocalizedText = { vi: "Ngày ban hành", en: "Issue date" };

/**
 * A representative problem of each code, with the params its producer gives it. A Record over
 * every code: adding a code without a sample here fails to compile.
 */
const SAMPLE_PARAMS: Readonly<Record<ProblemCode, Readonly<Record<string, ProblemParam>>>> = {
  FILE_EMPTY: {},
  FILE_NOT_ZIP: { detected: "pdf" },
  FILE_LEGACY_XLS: {},
  FILE_ENCRYPTED: {},
  FILE_TRUNCATED: {},
  FILE_ZIP_BOMB: {
    declaredBytes: 62_914_560,
    limitBytes: 52_428_800,
    declaredMegabytes: 60,
    limitMegabytes: 50,
  },
  FILE_NOT_WORKBOOK: { detected: "docx" },
  FOLDER_UNREADABLE: { folder: "Cum 3/XA017", reason: "EACCES" },
  RECEIVED_TIMES_SHARED: { count: 250, total: 300, at: "29/11/2026 10:15" },
  FILE_UNREADABLE: { reason: "1:19: disallowed character in tag name" },
  FILE_SYSTEM_FILE: { what: "office_lock", owner: "KH_SNV.xlsx" },
  FILE_CHECK_FAILED: { reason: "RangeError: Maximum call stack size exceeded" },
  FILE_GONE: { reason: "404 itemNotFound" },
  WORKBOOK_EMPTY: {},
  TEMPLATE_STAMP_MISSING: {},
  TEMPLATE_KIND_UNKNOWN: { found: "KH-CU" },
  TEMPLATE_VERSION_OLD: { found: "2026.0", expected: "2026.1", kind: "KH" },
  TEMPLATE_VERSION_UNKNOWN: { found: "9.9", expected: "2026.1", kind: "KH" },
  SHEET_MISSING: { sheetName: "Nhiệm vụ", found: "Nhiem vu" },
  TABLE_TOO_LONG: { field: { vi: "Tiêu chí", en: "Criteria" }, max: 500 },
  TABLE_MOVED: {
    table: { vi: "Nhiệm vụ", en: "Tasks" },
    foundRow: 2,
    expectedRow: 3,
    column: { vi: "Nội dung thi đua", en: "Content" },
    foundColumn: "B",
    expectedColumn: "A",
  },
  TABLE_HEADER_NOT_FOUND: {
    table: { vi: "Đơn vị", en: "Units" },
    expectedRow: 3,
    row: 1,
    missing: { vi: '"Cụm, khối thi đua"', en: '"Emulation cluster or bloc"' },
  },
  TABLE_HEADER_AMBIGUOUS: {
    table: { vi: "Nhiệm vụ", en: "Tasks" },
    expectedRow: 3,
    rows: "3, 9",
    label: null,
    columns: null,
  },
  INDICATOR_ROWS_MOVED: { code: "ND1.SU_KIEN", found: "E3", expected: "E4", keyColumn: "A" },
  INDICATOR_CODES_MISSING: { codes: "ND1.SU_KIEN, ND1.NGUOI_THAM_GIA", count: 2, keyColumn: "A" },
  INDICATOR_CODE_DUPLICATE: { code: "ND1.SU_KIEN", field, rows: "4, 9" },
  FIELD_ROWS_MOVED: {
    code: "Mã đơn vị (*)",
    field: { vi: "Mã đơn vị", en: "Unit code" },
    found: "B3",
    expected: "B4",
    keyColumn: "A",
    sheetName: "Thông tin",
  },
  FIELD_LABELS_MISSING: {
    codes: "Số kế hoạch (*)",
    fields: { vi: '"Số kế hoạch"', en: '"Plan number"' },
    count: 1,
    keyColumn: "A",
    sheetName: "Thông tin",
  },
  FIELD_LABEL_DUPLICATE: { code: "Người ký (*)", field: { vi: "Người ký", en: "Signed by" }, rows: "10, 12" },
  INDICATOR_ROW_UNKNOWN: { row: 12, found: "Chỉ tiêu riêng của Sở", keyColumn: "A" },
  REQUIRED_MISSING: { field },
  FORMULA_ERROR: { field, found: "#REF!" },
  FORMULA_NO_RESULT: { field },
  MERGED_INPUT_CELL: { field, range: "B4:B5" },
  TEXT_EXPECTED: { field, found: "TRUE" },
  TEXT_TOO_LONG: { field, length: 300, max: 255 },
  NUMBER_EXPECTED: { field, found: "khoảng 10" },
  NUMBER_AMBIGUOUS: { field, found: "1,234.5" },
  INTEGER_EXPECTED: { field, found: "1,5", row: 5 },
  NUMBER_NEGATIVE: { field, found: -3, min: 0 },
  NUMBER_TOO_LARGE: { field, found: 20_000_000, max: 10_000_000 },
  PERCENT_OUT_OF_RANGE: { field, found: 120, min: 0, max: 100 },
  PERCENT_LOOKS_LIKE_FRACTION: { field, found: 0.765, suggested: 76.5 },
  DATE_EXPECTED: { field, found: "giữa tháng 5", shownAs: null },
  // (a year typed into a date cell: { found: 2026, shownAs: "18/07/1905" }, test/core/values.test.ts)
  DATE_IMPOSSIBLE: { field, found: "31/02/2026" },
  YEAR_EXPECTED: { field, found: 2025, min: 2026, max: 2030 },
  ENUM_UNKNOWN: { field, found: "ND8", catalogue: "content" },
  EMAIL_INVALID: { field, found: "vanthu@hatinh" },
  DOC_NUMBER_INVALID: { field, found: "45/BC-UBND", expected: "KH", example: "45/KH-UBND" },
  UNIT_UNKNOWN: { found: "SXD" },
  UNIT_TYPE_MISMATCH: { found: "DN", expected: "CQ", unit: "SKHCN" },
  UNIT_CODE_FILE_NAME_MISMATCH: { fromFileName: "SNV", found: "SKHCN" },
  UNIT_NAME_CONFLICT: {
    found: "Sở Tài chính",
    unit: "SNV",
    expected: "Sở Nội vụ",
    pointsTo: "STC",
    pointsToName: "Sở Tài chính",
  },
  UNIT_NAME_DIFFERS: { found: "Sở Nội vụ Hà Tĩnh mới", unit: "SNV", expected: "Sở Nội vụ tỉnh" },
  UNIT_FROM_FILE_NAME: { unit: "DN031", kind: "KH" },
  REGISTRY_DUPLICATE_CODE: { found: "SNV" },
  SUBMISSION_LATE: { receivedAt: "15/11/2026 00:00", lastDay: "14/11/2026" },
  KH_NO_TASKS: {},
  KH_TASK_DEADLINE_OUT_OF_RANGE: { found: "31/01/2031", from: "01/01/2026", to: "31/12/2030", row: 5 },
  KH_CRITERION_OTHER_TYPE: { found: "MT1", unitType: "CQ", expected: "CQ1, CQ2, CQ3, CQ4, CQ5", row: 9 },
  KH_CRITERION_UNCOVERED: {
    criterion: "CQ5",
    criterionLabel: { vi: "Chính sách hỗ trợ doanh nghiệp", en: "Policies supporting enterprises" },
  },
  KH_ISSUED_AFTER_DEADLINE: { found: "21/05/2026", lastDay: "20/05/2026", provincialPlanDate: "05/05/2026" },
  KH_ISSUED_AFTER_PHASE1: { found: "01/07/2026", lastDay: "30/06/2026", provincialPlanDate: null },
  BC_YEAR_MISMATCH: { found: 2027, expected: 2026 },
  BC_DATED_AFTER_DEADLINE: { found: "15/11/2026", lastDay: "14/11/2026" },
  BC_NO_INDICATORS: {},
  DNKT_NO_NOMINATIONS: {},
  DNKT_ROUND_MISMATCH: { found: "TONGKET", expected: 2027 },
  DNKT_AWARD_NOT_IN_ROUND: { found: "HCLD", round: "SOKET", expected: "BKTTG, BKCT, GK", row: 4 },
  DNKT_FLAG_FOR_INDIVIDUAL: {
    found: "CTDT",
    awardLabel: { vi: "Cờ thi đua của UBND tỉnh", en: "Provincial People's Committee Emulation Flag" },
    row: 5,
  },
  DNKT_GROUP_REQUIRED: { row: 5 },
  UNIT_CODE_NORMALISED: { found: "xa 010", code: "XA010" },
  REGISTRY_CODE_INVALID: { found: "XÃ-01?", row: 12 },
  REGISTRY_ROW_HEADING: { found: "KHỐI SỞ, BAN, NGÀNH", row: 4 },
  REGISTRY_ROW_FOOTER: { found: "Tổng số: 40", row: 47 },
  REGISTRY_ROWS_BLANK: { from: 20, to: 22 },
  DNKT_KHAC_NEEDS_EVIDENCE: { row: 6 },
  FILE_ALTERED_BY_SERVICE: { size: 24_310, listedSize: 24_102 },
  FILE_EDITED_LATER: { by: "Trần Văn B <b@snv.hatinh.gov.vn>", at: "29/11/2026 10:15" },
  FILE_UNIT_VERSION_MISSING: { by: "Trần Văn B <b@snv.hatinh.gov.vn>", at: "29/11/2026 10:15" },
  FILE_MODIFIED_BY_OTHER: {
    creator: "Nguyễn Thị A <a@xa.hatinh.gov.vn>",
    modifier: "Trần Văn B <b@snv.hatinh.gov.vn>",
  },
  UPLOAD_TIMES_SHARED: { count: 250, total: 300, at: "29/11/2026 10:15" },
};

const sample = (code: ProblemCode) =>
  createProblem(code, "error", { sheet: "Thông tin", cell: "B8" }, { ...SAMPLE_PARAMS[code] });

describe("every problem code has a sound message in Vietnamese and in English", () => {
  it.each(PROBLEM_CODES.map((code) => [code]))("%s", (code) => {
    const problem = sample(code);

    expect([...findMessageFaults(problem, "vi"), ...findMessageFaults(problem, "en")]).toEqual([]);
    expect(formatProblem(problem, "vi")).not.toBe(formatProblem(problem, "en"));
  });

  it("names the field by its template label, and shows the value found and what is expected", () => {
    const problem = sample("YEAR_EXPECTED");

    expect(formatProblem(problem, "vi")).toBe('"Ngày ban hành": cần năm từ 2026 đến 2030, tìm thấy "2025".');
    expect(formatProblem(problem, "en")).toBe(
      '"Issue date": a year from 2026 to 2030 is expected, found "2025".',
    );
  });

  it("asks whether a fraction in a percentage cell was meant as a percentage, numbers as each language writes them", () => {
    const problem = sample("PERCENT_LOOKS_LIKE_FRACTION");

    expect(formatProblem(problem, "vi")).toBe(
      '"Ngày ban hành": ô ghi 0,765 (không định dạng %) nên được đọc là 0,765 %; có phải 76,5 %? Nếu vậy, hãy ghi 76,5.',
    );
    expect(formatProblem(problem, "en")).toBe(
      '"Issue date": the cell holds 0.765 (not formatted as %), read as 0.765 %; did you mean 76.5 %? If so, enter 76.5.',
    );
  });

  it("words a localized param in the message's language", () => {
    const problem = sample("KH_CRITERION_UNCOVERED");

    expect(formatProblem(problem, "vi")).toContain("tiêu chí Chính sách hỗ trợ doanh nghiệp (CQ5)");
    expect(formatProblem(problem, "en")).toContain("criterion Policies supporting enterprises (CQ5)");
  });

  it("leaves out an optional part rather than printing it empty", () => {
    const withoutDetected = createProblem("FILE_NOT_ZIP", "error", {});

    expect(formatProblem(withoutDetected, "en")).toBe(
      "The file is not an Excel workbook (.xlsx); use the thidua template and save as .xlsx.",
    );
    expect(
      findMessageFaults(
        createProblem("SHEET_MISSING", "error", {}, { sheetName: "Tiêu chí", found: "" }),
        "vi",
      ),
    ).toEqual([]);
  });

  it("the check itself catches a param the message needs but the problem lacks", () => {
    const faults = findMessageFaults(createProblem("TEXT_TOO_LONG", "error", {}, { field }), "en");

    expect(faults).toEqual([
      expect.stringContaining('reads param "length" that the problem lacks'),
      expect.stringContaining('reads param "max" that the problem lacks'),
      expect.stringContaining("stray spaces"),
    ]);
  });

  it("knows exactly two languages", () => {
    expect(["vi", "en", "fr", ""].map(isLanguage)).toEqual([true, true, false, false]);
  });
});

/** A catalogue code outside "(CODE)": the officer would read a code instead of a name. */
function bareCodes(text: string): string[] {
  return NAMED_CODES.filter((code) => {
    const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Not part of a longer code (ND1.SU_KIEN, DN-KT, DN031), and not in brackets of its own.
    const anywhere = new RegExp(`(?<![\\w.-])${escaped}(?![\\w.-])`, "g");
    const bracketed = new RegExp(`\\(${escaped}\\)`, "g");
    return (text.match(anywhere)?.length ?? 0) > (text.match(bracketed)?.length ?? 0);
  });
}

describe("messages name the catalogue's entries instead of showing codes", () => {
  it.each(PROBLEM_CODES.map((code) => [code]))("%s", (code) => {
    const problem = sample(code);

    expect({
      vi: bareCodes(formatProblem(problem, "vi")),
      en: bareCodes(formatProblem(problem, "en")),
    }).toEqual({
      vi: [],
      en: [],
    });
  });

  it("the check itself catches a bare code and lets a bracketed one pass", () => {
    expect(bareCodes("hình thức CTDT không có trong đợt SOKET").sort()).toEqual(["CTDT", "SOKET"]);
    expect(
      bareCodes("Cờ thi đua của UBND tỉnh (CTDT); biểu mẫu DN-KT; đơn vị DN031; chỉ tiêu (ND1.SU_KIEN)"),
    ).toEqual([]);
  });

  it("words an award out of its round as the officer reads the template", () => {
    const problem = createProblem(
      "DNKT_AWARD_NOT_IN_ROUND",
      "error",
      {},
      { found: "CTDT", round: "SOKET", expected: "BKTTG, BKCT, GK", row: 4 },
    );

    expect(formatProblem(problem, "vi")).toBe(
      "Dòng 4: Cờ thi đua của UBND tỉnh (CTDT) không xét trong đợt Sơ kết 2027; đợt này xét: Bằng khen của Thủ tướng Chính phủ; Bằng khen của Chủ tịch UBND tỉnh; Giấy khen của Thủ trưởng cơ quan, đơn vị.",
    );
    expect(formatProblem(problem, "en")).toBe(
      "Row 4: the Provincial People's Committee Emulation Flag (CTDT) is not given in the Preliminary review 2027 round; this round gives: Prime Minister's Certificate of Merit, Provincial Chairman's Certificate of Merit, Head of unit's Certificate of Merit.",
    );
  });
});
