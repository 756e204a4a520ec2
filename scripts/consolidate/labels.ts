import {
  type FileOutcome,
  type IndicatorMeasure,
  type UnitStatus,
  type Language,
  type Severity,
  type TemplateKind,
} from "../../core/index";

/**
 * Words and colours of the consolidated outputs, as data. The workbook speaks Vietnamese (its
 * sheet names and headers are what Sở Nội vụ files and filters on); the HTML report speaks both.
 */

export const STATUS_LABELS: Readonly<Record<Language, Readonly<Record<UnitStatus, string>>>> = {
  vi: {
    on_time: "Đúng hạn",
    late: "Nộp muộn",
    invalid: "Không hợp lệ",
    missing: "Chưa nộp",
    not_due: "Chưa đến hạn",
  },
  en: { on_time: "On time", late: "Late", invalid: "Invalid", missing: "Missing", not_due: "Not yet due" },
};

/** The province's figures, named once for the workbook, the report and the CLI. */
export interface TotalsLabels {
  readonly expected: string;
  readonly received: string;
  readonly onTime: string;
  readonly late: string;
  readonly invalid: string;
  readonly missing: string;
  readonly notDue: string;
  readonly reportingRate: string;
  readonly onTimeRate: string;
}

function totalsLabels(
  language: Language,
  words: { expected: string; received: string; reportingRate: string; onTimeRate: string },
): TotalsLabels {
  const status = STATUS_LABELS[language];
  return {
    ...words,
    onTime: status.on_time,
    late: status.late,
    invalid: status.invalid,
    missing: status.missing,
    notDue: status.not_due,
  };
}

export const TOTALS_LABELS: Readonly<Record<Language, TotalsLabels>> = {
  vi: totalsLabels("vi", {
    expected: "Phải nộp",
    received: "Đã nộp",
    reportingRate: "Tỷ lệ nộp",
    onTimeRate: "Tỷ lệ đúng hạn",
  }),
  en: totalsLabels("en", {
    expected: "Expected",
    received: "Received",
    reportingRate: "Reporting rate",
    onTimeRate: "On-time rate",
  }),
};

export const OUTCOME_LABELS: Readonly<Record<Language, Readonly<Record<FileOutcome, string>>>> = {
  vi: {
    on_time: "Đúng hạn",
    late: "Nộp muộn",
    invalid: "Không hợp lệ",
    duplicate: "Bản cũ (đã có bản mới hơn)",
    unknown_unit: "Đơn vị không có trong danh sách",
    not_a_template: "Không phải biểu mẫu",
    unreadable: "Không đọc được",
    after_as_of: "Nhận sau thời điểm tính (chưa tính)",
    identity_conflict: "Tên đơn vị không khớp mã (cần xem lại, chưa tính)",
    blank_template: "Biểu mẫu trống (chưa tính)",
    not_a_spreadsheet: "Không phải bảng tính (không đọc)",
    other_period: "Kỳ khác (không tính cho kỳ này)",
  },
  en: {
    on_time: "On time",
    late: "Late",
    invalid: "Invalid",
    duplicate: "Older copy (superseded)",
    unknown_unit: "Unit not in the registry",
    not_a_template: "Not a template",
    unreadable: "Unreadable",
    after_as_of: "Received after the as-of time (not counted)",
    identity_conflict: "Unit name does not match its code (to review, not counted)",
    blank_template: "Blank template (not counted)",
    not_a_spreadsheet: "Not a spreadsheet (not read)",
    other_period: "Another period (not counted for this one)",
  },
};

export const KIND_LABELS: Readonly<Record<Language, Readonly<Record<TemplateKind, string>>>> = {
  vi: { KH: "Kế hoạch triển khai (KH)", BC: "Báo cáo năm (BC)", "DN-KT": "Đề nghị khen thưởng (DN-KT)" },
  en: { KH: "Implementation plan (KH)", BC: "Yearly report (BC)", "DN-KT": "Award nominations (DN-KT)" },
};

export const SEVERITY_LABELS: Readonly<Record<Language, Readonly<Record<Severity, string>>>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo" },
  en: { error: "Error", warning: "Warning" },
};

/** What the officer does next about a unit that is not on time (the reminder's subject). */
export const FOLLOW_UP_LABELS: Readonly<
  Record<Language, Readonly<Record<Exclude<UnitStatus, "on_time" | "not_due">, string>>>
> = {
  vi: { missing: "Nhắc đơn vị gửi hồ sơ", invalid: "Đề nghị sửa lỗi và gửi lại", late: "Ghi nhận nộp muộn" },
  en: {
    missing: "Remind the unit to send its file",
    invalid: "Ask for a corrected file",
    late: "Record as late",
  },
};

/** The group of units whose registry row has no unit type of the catalogue (the registry's problems say which). */
export const NO_UNIT_TYPE_LABELS: Readonly<Record<Language, string>> = {
  vi: "(loại đơn vị chưa hợp lệ)",
  en: "(unit type not valid)",
};

/** The group of units whose registry row names no cluster (the registry's problems say which). */
export const NO_CLUSTER_LABELS: Readonly<Record<Language, string>> = {
  vi: "(chưa ghi cụm, khối)",
  en: "(no cluster given)",
};

export interface StatusColour {
  /** Background, RRGGBB. */
  readonly fill: string;
  /** Text on that background, RRGGBB. */
  readonly text: string;
  /** A stronger shade for chart bars and badges' borders, RRGGBB. */
  readonly strong: string;
}

/** The conventional calm good / neutral / bad palette of spreadsheet styles, plus grey for absence. */
export const STATUS_COLOURS: Readonly<Record<UnitStatus, StatusColour>> = {
  on_time: { fill: "C6EFCE", text: "006100", strong: "2E7D4F" },
  late: { fill: "FFEB9C", text: "7A4F01", strong: "C58A00" },
  invalid: { fill: "FFC7CE", text: "9C0006", strong: "B4232C" },
  missing: { fill: "E7E6E6", text: "3A3A3A", strong: "8C8C8C" },
  not_due: { fill: "DDEBF7", text: "1F3864", strong: "5B7DB1" },
};

export const SEVERITY_COLOURS: Readonly<Record<Severity, StatusColour>> = {
  error: STATUS_COLOURS.invalid,
  warning: STATUS_COLOURS.late,
};

/** Navy for headings and the reporting rate, teal-green for the on-time rate. */
export const BRAND_COLOURS = {
  navy: "1F3864",
  headerFill: "D9E2F3",
  groupFill: "EEF2F8",
  reporting: "2F5597",
  onTime: "2E7D4F",
  track: "E9EDF3",
} as const;

/** The sheets of the consolidated workbook, in the order they are written. */
export const SHEET_KEYS = [
  "overview",
  "statuses",
  "followUp",
  "tasks",
  "indicators",
  "acrossYears",
  "nominations",
  "problems",
  "log",
] as const;

export type SheetKey = (typeof SHEET_KEYS)[number];

/** Sheet names of the consolidated workbook (at most 31 characters, none of []:*?/\). */
export const SHEET_NAMES: Readonly<Record<Language, Readonly<Record<SheetKey, string>>>> = {
  vi: {
    overview: "Tổng quan",
    statuses: "Tình hình nộp",
    followUp: "Chưa nộp",
    tasks: "Nhiệm vụ",
    indicators: "Chỉ tiêu",
    acrossYears: "Qua các năm",
    nominations: "Khen thưởng",
    problems: "Lỗi",
    log: "Nhật ký",
  },
  en: {
    overview: "Overview",
    statuses: "Submissions",
    followUp: "To follow up",
    tasks: "Tasks",
    indicators: "Indicators",
    acrossYears: "Across the years",
    nominations: "Nominations",
    problems: "Problems",
    log: "Log",
  },
};

/** Titles written in the first row of each sheet. */
export const SHEET_TITLES: Readonly<Record<Language, Readonly<Record<SheetKey, string>>>> = {
  vi: {
    overview:
      "TỔNG HỢP TÌNH HÌNH THỰC HIỆN PHONG TRÀO THI ĐUA ĐỔI MỚI SÁNG TẠO, PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, CHUYỂN ĐỔI SỐ, CHUYỂN ĐỔI XANH",
    statuses: "TÌNH HÌNH NỘP HỒ SƠ CỦA CÁC ĐƠN VỊ",
    followUp: "ĐƠN VỊ CHƯA NỘP, NỘP MUỘN HOẶC HỒ SƠ KHÔNG HỢP LỆ",
    tasks: "NHIỆM VỤ TRONG KẾ HOẠCH TRIỂN KHAI CỦA CÁC ĐƠN VỊ",
    indicators: "CHỈ TIÊU TRONG BÁO CÁO CỦA CÁC ĐƠN VỊ",
    acrossYears: "BÁO CÁO VÀ CHỈ TIÊU QUA CÁC NĂM (CƠ SỞ SƠ KẾT, TỔNG KẾT)",
    nominations: "ĐỀ NGHỊ KHEN THƯỞNG CỦA CÁC ĐƠN VỊ",
    problems: "LỖI VÀ CẢNH BÁO TRONG CÁC TỆP ĐÃ NHẬN",
    log: "NHẬT KÝ TỔNG HỢP",
  },
  en: {
    overview:
      "CONSOLIDATED PROGRESS OF THE EMULATION MOVEMENT ON INNOVATION, SCIENCE AND TECHNOLOGY, DIGITAL AND GREEN TRANSFORMATION",
    statuses: "SUBMISSIONS OF THE UNITS",
    followUp: "UNITS MISSING, LATE OR WITH AN INVALID FILE",
    tasks: "TASKS IN THE UNITS' IMPLEMENTATION PLANS",
    indicators: "INDICATORS IN THE UNITS' REPORTS",
    acrossYears: "REPORTS AND INDICATORS ACROSS THE YEARS (FOR THE 2027 AND 2030 REVIEWS)",
    nominations: "AWARD NOMINATIONS OF THE UNITS",
    problems: "ERRORS AND WARNINGS IN THE FILES RECEIVED",
    log: "CONSOLIDATION LOG",
  },
};

/** Column headers, shared by every sheet that shows the same fact. */
export interface WorkbookHeaders extends TotalsLabels {
  readonly scope: string;
  readonly group: string;
  readonly outcome: string;
  readonly fileCount: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly unitType: string;
  readonly cluster: string;
  readonly email: string;
  readonly kind: string;
  readonly period: string;
  readonly year: string;
  readonly nominationCount: string;
  readonly status: string;
  readonly followUp: string;
  readonly file: string;
  readonly receivedAt: string;
  readonly uploadedBy: string;
  readonly editedLater: string;
  readonly oneDriveItem: string;
  readonly oneDriveUrl: string;
  readonly errors: string;
  readonly warnings: string;
  readonly duplicates: string;
  readonly underReview: string;
  readonly row: string;
  readonly content: string;
  readonly contentLabel: string;
  readonly indicatorCode: string;
  readonly indicator: string;
  readonly measureUnit: string;
  readonly value: string;
  readonly province: string;
  readonly reporting: string;
  readonly aggregation: string;
  readonly department: string;
  readonly sheet: string;
  readonly cell: string;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly sizeBytes: string;
  readonly sha256: string;
  readonly version: string;
  readonly supersededBy: string;
  readonly attribution: string;
  readonly pointsTo: string;
}

export type HeaderKey = keyof WorkbookHeaders;

export const HEADERS: Readonly<Record<Language, WorkbookHeaders>> = {
  vi: {
    scope: "Phạm vi",
    group: "Nhóm",
    ...TOTALS_LABELS.vi,
    reportingRate: `${TOTALS_LABELS.vi.reportingRate} (%)`,
    onTimeRate: `${TOTALS_LABELS.vi.onTimeRate} (%)`,
    outcome: "Kết quả",
    fileCount: "Số tệp",
    unitCode: "Mã đơn vị",
    unitName: "Tên đơn vị",
    unitType: "Loại đơn vị",
    cluster: "Cụm, khối thi đua",
    email: "Thư điện tử",
    kind: "Loại hồ sơ",
    period: "Kỳ",
    year: "Năm",
    nominationCount: "Số đề nghị",
    status: "Tình trạng",
    followUp: "Việc cần làm",
    file: "Tệp",
    receivedAt: "Thời điểm nhận (giờ Việt Nam)",
    uploadedBy: "Người tải lên (OneDrive)",
    editedLater: "Sửa sau khi nộp (OneDrive)",
    oneDriveItem: "Mã mục OneDrive",
    oneDriveUrl: "Địa chỉ trên OneDrive",
    errors: "Số lỗi",
    warnings: "Số cảnh báo",
    duplicates: "Số bản cũ",
    underReview: "Tệp mang tên đơn vị, mã khác (cần xem lại)",
    row: "Dòng",
    content: "Nội dung thi đua",
    contentLabel: "Tên nội dung",
    indicatorCode: "Mã chỉ tiêu",
    indicator: "Chỉ tiêu",
    measureUnit: "Đơn vị tính",
    value: "Giá trị",
    province: "Toàn tỉnh",
    reporting: "Số đơn vị báo cáo",
    aggregation: "Cách tính",
    department: "Cơ quan tiếp nhận",
    sheet: "Trang tính",
    cell: "Ô",
    code: "Mã lỗi",
    severity: "Mức độ",
    message: "Nội dung",
    sizeBytes: "Dung lượng (byte)",
    sha256: "SHA-256",
    version: "Phiên bản biểu mẫu",
    supersededBy: "Được thay bằng tệp",
    attribution: "Xác định đơn vị",
    pointsTo: "Tên trong tệp chỉ đơn vị",
  },
  en: {
    scope: "Scope",
    group: "Group",
    ...TOTALS_LABELS.en,
    reportingRate: `${TOTALS_LABELS.en.reportingRate} (%)`,
    onTimeRate: `${TOTALS_LABELS.en.onTimeRate} (%)`,
    outcome: "Outcome",
    fileCount: "Files",
    unitCode: "Unit code",
    unitName: "Unit name",
    unitType: "Unit type",
    cluster: "Emulation cluster",
    email: "E-mail",
    kind: "Kind",
    period: "Period",
    year: "Year",
    nominationCount: "Nominations",
    status: "Status",
    followUp: "Next step",
    file: "File",
    receivedAt: "Received (Vietnam time)",
    uploadedBy: "Uploaded by (OneDrive)",
    editedLater: "Edited after submission (OneDrive)",
    oneDriveItem: "OneDrive item id",
    oneDriveUrl: "OneDrive address",
    errors: "Errors",
    warnings: "Warnings",
    duplicates: "Older copies",
    underReview: "Files naming the unit under another code (to review)",
    row: "Row",
    content: "Emulation content",
    contentLabel: "Content name",
    indicatorCode: "Indicator code",
    indicator: "Indicator",
    measureUnit: "Unit of measure",
    value: "Value",
    province: "Province",
    reporting: "Units reporting",
    aggregation: "Aggregation",
    department: "Receiving department",
    sheet: "Sheet",
    cell: "Cell",
    code: "Problem code",
    severity: "Severity",
    message: "Message",
    sizeBytes: "Size (bytes)",
    sha256: "SHA-256",
    version: "Template version",
    supersededBy: "Superseded by",
    attribution: "Unit found by",
    pointsTo: "Unit its name points to",
  },
};

/** How an indicator's province figure is formed. */
export const AGGREGATION_LABELS: Readonly<Record<Language, Readonly<Record<IndicatorMeasure, string>>>> = {
  vi: { count: "Tổng", percent: "Trung bình" },
  en: { count: "Sum", percent: "Average" },
};

/** Rows of the overview table, by scope. */
export const SCOPE_LABELS: Readonly<
  Record<
    Language,
    Readonly<Record<"province" | "kind" | "period" | "unitType" | "cluster" | "files", string>>
  >
> = {
  vi: {
    province: "Toàn tỉnh",
    kind: "Theo loại hồ sơ",
    period: "Theo kỳ",
    unitType: "Theo loại đơn vị",
    cluster: "Theo cụm, khối",
    files: "Tệp đã nhận",
  },
  en: {
    province: "Province",
    kind: "By kind",
    period: "By period",
    unitType: "By unit type",
    cluster: "By cluster",
    files: "Files received",
  },
};

/** The run's facts in Nhật ký. */
export interface LogLabels {
  readonly asOf: string;
  readonly source: string;
  readonly registry: string;
  readonly registrySha256: string;
  readonly registryUnits: string;
  readonly registryProblems: string;
  readonly kindsFilter: string;
  readonly allKinds: string;
  readonly reportYear: string;
  readonly provincialPlanDate: string;
  readonly round: string;
  readonly nominationDeadline: string;
  readonly expectedKinds: string;
  readonly deadlines: string;
  readonly templateVersion: string;
  readonly ruleVersion: string;
  readonly files: string;
  readonly notSet: string;
  readonly filesHeading: string;
  readonly receivedTimes: string;
  readonly receivedTimesNote: string;
  readonly sourceProblems: string;
}

export const LOG_LABELS: Readonly<Record<Language, LogLabels>> = {
  vi: {
    asOf: "Số liệu tính đến (giờ Việt Nam)",
    source: "Nguồn hồ sơ",
    registry: "Danh sách đơn vị",
    registrySha256: "SHA-256 của danh sách đơn vị",
    registryUnits: "Số đơn vị đọc được",
    registryProblems: "Số lỗi trong danh sách đơn vị (xem trang Lỗi)",
    kindsFilter: "Chỉ tổng hợp loại hồ sơ",
    allKinds: "(mọi loại)",
    reportYear: "Năm tổng hợp",
    provincialPlanDate: "Ngày Kế hoạch của UBND tỉnh",
    round: "Đợt khen thưởng",
    nominationDeadline: "Hạn gửi đề nghị khen thưởng",
    expectedKinds: "Loại hồ sơ phải nộp",
    deadlines: "Hạn nộp",
    templateVersion: "Phiên bản biểu mẫu",
    ruleVersion: "Phiên bản quy tắc kiểm tra",
    files: "Số tệp đã nhận",
    notSet: "(chưa đặt)",
    filesHeading: "CÁC TỆP ĐÃ NHẬN",
    receivedTimes: "Thời điểm nhận",
    receivedTimesNote:
      "Thời điểm nhận là thời điểm sửa đổi tệp trong thư mục (sao chép thư mục làm thay đổi; thư mục OneDrive đồng bộ cho lần sửa cuối của người gửi, không phải lúc tải lên)",
    sourceProblems: "Số lỗi của nguồn hồ sơ (xem trang Lỗi)",
  },
  en: {
    asOf: "Figures as of (Vietnam time)",
    source: "Source of the files",
    registry: "Unit registry",
    registrySha256: "SHA-256 of the unit registry",
    registryUnits: "Units read",
    registryProblems: "Problems in the unit registry (see the Problems sheet)",
    kindsFilter: "Kinds consolidated only",
    allKinds: "(every kind)",
    reportYear: "Year consolidated",
    provincialPlanDate: "Date of the provincial plan",
    round: "Award round",
    nominationDeadline: "Nomination deadline",
    expectedKinds: "Kinds expected",
    deadlines: "Deadlines",
    templateVersion: "Template version",
    ruleVersion: "Validation rule version",
    files: "Files received",
    notSet: "(not set)",
    filesHeading: "FILES RECEIVED",
    receivedTimes: "Received times",
    receivedTimesNote:
      "Received times are file modification times in the folder (copying the folder changes them; a folder synced from OneDrive gives the sender's last edit, not the upload)",
    sourceProblems: "Problems of the source (see the Problems sheet)",
  },
};

/** How a file was matched to its unit (Nhật ký). */
export const ATTRIBUTION_LABELS: Readonly<
  Record<Language, Readonly<Record<"workbook" | "file_name", string>>>
> = {
  vi: { workbook: "Theo mã trong tệp", file_name: "Theo tên tệp" },
  en: { workbook: "By the code in the file", file_name: "By the file name" },
};

/** The other words of the workbook: lines above and below its tables. */
export interface WorkbookPhrases {
  readonly totalFiles: string;
  /** The group of indicators that belong to no content. */
  readonly commonIndicators: string;
  readonly indicatorTotalsTitle: string;
  readonly indicatorTotalsNote: string;
  readonly indicatorTotalsFrom: (row: number) => string;
}

export const WORKBOOK_PHRASES: Readonly<Record<Language, WorkbookPhrases>> = {
  vi: {
    totalFiles: "Tổng số tệp",
    commonIndicators: "Chỉ tiêu chung của mọi đơn vị",
    indicatorTotalsTitle: "TỔNG HỢP TOÀN TỈNH THEO NỘI DUNG THI ĐUA VÀ LOẠI ĐƠN VỊ",
    indicatorTotalsNote:
      "Chỉ tiêu đếm: cộng các đơn vị; chỉ tiêu tỷ lệ (%): trung bình các đơn vị có báo cáo được chấp nhận.",
    indicatorTotalsFrom: (row) => `Tổng hợp toàn tỉnh theo nội dung và loại đơn vị: từ dòng ${row}`,
  },
  en: {
    totalFiles: "Total files",
    commonIndicators: "Indicators every unit reports",
    indicatorTotalsTitle: "PROVINCE TOTALS BY EMULATION CONTENT AND UNIT TYPE",
    indicatorTotalsNote:
      "Count indicators: sum over the units; percentage indicators (%): average over the units whose report was accepted.",
    indicatorTotalsFrom: (row) => `Province totals by content and unit type: from row ${row}`,
  },
};

/** Texts of the HTML report, in both languages. */
export interface ReportTexts extends TotalsLabels {
  readonly documentTitle: string;
  readonly authority: string;
  readonly heading: string;
  readonly movement: string;
  readonly asOf: string;
  readonly vietnamTime: string;
  readonly reportYear: string;
  readonly source: string;
  readonly deadline: string;
  readonly lastDay: string;
  readonly noDeadline: string;
  readonly headline: string;
  readonly ofExpected: string;
  readonly statusMix: string;
  readonly byKind: string;
  readonly period: string;
  readonly year: string;
  readonly acrossYears: string;
  readonly acrossYearsNote: string;
  readonly indicator: string;
  readonly kind: string;
  readonly byUnitType: string;
  readonly byCluster: string;
  readonly chartNote: string;
  readonly unitsExpected: string;
  readonly topProblems: string;
  readonly topProblemsNote: string;
  readonly problemCode: string;
  readonly problemExample: string;
  readonly occurrences: string;
  readonly files: string;
  readonly noProblems: string;
  readonly followUp: string;
  readonly followUpNote: string;
  readonly unit: string;
  readonly unitType: string;
  readonly cluster: string;
  readonly status: string;
  readonly email: string;
  readonly receivedAt: string;
  readonly uploadedBy: string;
  readonly editedLater: string;
  readonly errors: string;
  readonly nothingToFollowUp: string;
  readonly filesHeading: string;
  readonly outcome: string;
  readonly footer: string;
  readonly templateVersion: string;
  readonly ruleVersion: string;
  /** The CLI's closing lines: where the two outputs were written. */
  readonly workbookWritten: string;
  readonly reportWritten: string;
  readonly filesAfterAsOf: string;
  readonly filesOtherPeriod: string;
  readonly filesIdentityConflict: string;
  readonly review: string;
  readonly reviewNote: string;
  readonly file: string;
  readonly unitCode: string;
  readonly pointsTo: string;
  readonly noFiles: string;
  /** The progress bar's unit: "120/900 tệp". */
  readonly progressFiles: string;
  /** Where received times come from, when they are file modification times. */
  readonly receivedTimesNote: string;
}

export const REPORT_TEXTS: Readonly<Record<Language, ReportTexts>> = {
  vi: {
    documentTitle: "Báo cáo tổng hợp phong trào thi đua",
    authority: "UBND TỈNH HÀ TĨNH · SỞ NỘI VỤ",
    heading: "Báo cáo tổng hợp tình hình nộp hồ sơ",
    movement:
      "Phong trào thi đua “Đổi mới sáng tạo, phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh” giai đoạn 2026 - 2030",
    asOf: "Số liệu tính đến",
    vietnamTime: "giờ Việt Nam",
    reportYear: "Năm tổng hợp",
    source: "Nguồn",
    deadline: "Hạn nộp",
    lastDay: "hết ngày",
    noDeadline: "chưa đặt hạn",
    headline: "Số liệu chính",
    ...TOTALS_LABELS.vi,
    ofExpected: "trên số phải nộp",
    statusMix: "Cơ cấu tình trạng hồ sơ toàn tỉnh",
    byKind: "Theo loại hồ sơ và kỳ",
    period: "Kỳ",
    year: "Năm",
    acrossYears: "Qua các năm",
    acrossYearsNote:
      "Báo cáo năm của các đơn vị từng năm và tổng toàn tỉnh của mỗi chỉ tiêu theo năm (cơ sở sơ kết 2027, tổng kết 2030). Chi tiết từng đơn vị ở trang Qua các năm của sổ tổng hợp.",
    indicator: "Chỉ tiêu",
    kind: "Loại hồ sơ",
    byUnitType: "Tỷ lệ nộp và đúng hạn theo loại đơn vị",
    byCluster: "Tỷ lệ nộp và đúng hạn theo cụm, khối thi đua",
    chartNote: "Tỷ lệ tính trên số hồ sơ phải nộp của mỗi nhóm.",
    unitsExpected: "hồ sơ phải nộp",
    topProblems: "Lỗi thường gặp",
    topProblemsNote: "Các mã lỗi, cảnh báo xuất hiện nhiều nhất trong các tệp đã nhận, kèm một ví dụ.",
    problemCode: "Mã",
    problemExample: "Ví dụ",
    occurrences: "Số lần",
    files: "Số tệp",
    noProblems: "Không có lỗi hay cảnh báo nào.",
    followUp: "Đơn vị cần đôn đốc",
    followUpNote: "Đơn vị chưa nộp, hồ sơ không hợp lệ hoặc nộp muộn, kèm địa chỉ thư điện tử để nhắc.",
    unit: "Đơn vị",
    unitType: "Loại đơn vị",
    cluster: "Cụm, khối",
    status: "Tình trạng",
    email: "Thư điện tử",
    receivedAt: "Thời điểm nhận",
    uploadedBy: "tải lên bởi",
    editedLater: "sửa sau khi nộp bởi",
    errors: "Số lỗi",
    nothingToFollowUp: "Tất cả đơn vị đã nộp đúng hạn.",
    filesHeading: "Tệp đã nhận theo kết quả",
    outcome: "Kết quả",
    footer: "Báo cáo do công cụ thidua lập tự động từ các tệp đã nhận; chi tiết trong sổ tổng hợp Excel.",
    workbookWritten: "Sổ tổng hợp",
    reportWritten: "Báo cáo HTML",
    filesAfterAsOf: "tệp nhận sau thời điểm tính: có trong sổ tổng hợp, chưa được tính",
    filesOtherPeriod: "tệp của kỳ khác (năm hoặc đợt khác): có trong sổ tổng hợp, không tính cho năm này",
    filesIdentityConflict:
      "tệp có tên đơn vị không khớp với mã (có thể chép từ đơn vị khác): chưa được tính, cần xem lại (trang Lỗi)",
    review: "Tệp cần xem lại",
    reviewNote:
      "Tên đơn vị trong tệp không khớp với mã đơn vị (có thể chép từ hồ sơ của đơn vị khác): tệp chưa được tính cho đơn vị nào.",
    file: "Tệp",
    unitCode: "Mã trong tệp",
    pointsTo: "Tên trong tệp chỉ đơn vị",
    noFiles: "Không có bảng tính nào (.xlsx, .xls, .ods, .csv…) trong thư mục nguồn",
    progressFiles: "tệp",
    receivedTimesNote:
      "Thời điểm nhận là thời điểm sửa đổi tệp trong thư mục: sao chép thư mục làm thay đổi thời điểm này; với thư mục OneDrive đồng bộ, đó là lần sửa cuối của người gửi, không phải lúc tải lên.",
    templateVersion: "Phiên bản biểu mẫu",
    ruleVersion: "phiên bản quy tắc",
  },
  en: {
    documentTitle: "Emulation movement consolidated report",
    authority: "HÀ TĨNH PROVINCIAL PEOPLE'S COMMITTEE · DEPARTMENT OF HOME AFFAIRS",
    heading: "Consolidated submission report",
    movement:
      "Emulation movement on innovation, science and technology, digital and green transformation, 2026–2030",
    asOf: "Figures as of",
    vietnamTime: "Vietnam time",
    reportYear: "Year consolidated",
    source: "Source",
    deadline: "Deadline",
    lastDay: "end of",
    noDeadline: "no deadline set",
    headline: "Key figures",
    ...TOTALS_LABELS.en,
    ofExpected: "of expected",
    statusMix: "Province-wide status mix",
    byKind: "By kind of submission and period",
    period: "Period",
    year: "Year",
    acrossYears: "Across the years",
    acrossYearsNote:
      "The units' yearly reports year by year and the province's total of each indicator per year (the basis of the 2027 and 2030 reviews). Each unit's detail is on the workbook's Across the years sheet.",
    indicator: "Indicator",
    kind: "Kind",
    byUnitType: "Reporting and on-time rates by unit type",
    byCluster: "Reporting and on-time rates by cluster",
    chartNote: "Rates are over the submissions each group is expected to send.",
    unitsExpected: "expected",
    topProblems: "Most frequent problems",
    topProblemsNote: "The problem codes met most often in the files received, with an example.",
    problemCode: "Code",
    problemExample: "Example",
    occurrences: "Occurrences",
    files: "Files",
    noProblems: "No errors or warnings.",
    followUp: "Units to follow up",
    followUpNote: "Units missing, invalid or late, with their e-mail address for reminders.",
    unit: "Unit",
    unitType: "Unit type",
    cluster: "Cluster",
    status: "Status",
    email: "E-mail",
    receivedAt: "Received",
    uploadedBy: "uploaded by",
    editedLater: "edited after it was sent by",
    errors: "Errors",
    nothingToFollowUp: "Every unit sent its files on time.",
    filesHeading: "Files received by outcome",
    outcome: "Outcome",
    footer: "Produced automatically by thidua from the files received; details in the consolidated workbook.",
    workbookWritten: "Consolidated workbook",
    reportWritten: "HTML report",
    filesAfterAsOf: "files received after the as-of time: listed in the workbook, not counted",
    filesOtherPeriod:
      "files of another period (year or round): listed in the workbook, not counted for this year",
    filesIdentityConflict:
      "files whose unit name does not match their code (maybe copied from another unit): not counted, to review (Problems sheet)",
    review: "Files to review",
    reviewNote:
      "The unit name in the file does not match its unit code (maybe copied from another unit's file): counted for no unit.",
    file: "File",
    unitCode: "Code in the file",
    pointsTo: "Unit its name points to",
    noFiles: "No spreadsheet (.xlsx, .xls, .ods, .csv…) under the source folder",
    progressFiles: "files",
    receivedTimesNote:
      "Received times are file modification times in the folder: copying the folder changes them; in a folder synced from OneDrive they are the sender's last edit, not the upload.",
    templateVersion: "Template version",
    ruleVersion: "rule version",
  },
};
