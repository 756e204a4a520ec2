import type { Language } from "../../core/index";

/** The pane's own words; problem messages come from the core's catalogue, as in the CLI. */
const STRINGS = {
  vi: {
    title: "Kiểm tra biểu mẫu thi đua",
    language: "English",
    check: "Kiểm tra",
    checking: "Đang kiểm tra…",
    mark: "Đánh dấu",
    unmark: "Bỏ đánh dấu",
    marked: (n: number) => `Đã đánh dấu ${n} ô.`,
    unmarked: (n: number) => `Đã bỏ ${n} dấu.`,
    ready: "Sẵn sàng gửi",
    readyDetail: "Không còn lỗi nào. Bạn có thể gửi tệp này.",
    notReady: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
    wholeFile: "Toàn tệp",
    errors: (n: number) => `${n} lỗi`,
    warnings: (n: number) => `${n} cảnh báo`,
    warning: "Cảnh báo",
    error: "Lỗi",
    recognised: (kind: string, version: string) => `Biểu mẫu ${kind}, phiên bản ${version}.`,
    oldVersion: (kind: string, version: string, current: string) =>
      `Biểu mẫu ${kind} phiên bản cũ (${version}); phiên bản hiện hành là ${current}.`,
    notTemplate: "Sổ làm việc này không phải biểu mẫu thidua.",
    blankTemplate: "Mở biểu mẫu trống hiện hành",
    downloadTemplate: "Tải biểu mẫu trống hiện hành",
    chooseFile: "Chọn tệp .xlsx",
    dropHere: "Kéo thả tệp .xlsx vào đây, hoặc",
    standalone:
      "Kiểm tra một tệp trên máy tính này: kiểm tra không đưa tệp đi đâu; tệp chỉ được gửi khi bạn bấm Gửi Sở Nội vụ.",
    cannotSendFromThisExcel:
      "Excel này không trao được tệp .xlsx cho tiện ích (ví dụ Excel trên iPad): hãy gửi từ trang kiểm tra trong trình duyệt (kéo thả tệp đã lưu).",
    oldExcel:
      "Phiên bản Excel này chưa hỗ trợ kiểm tra ngay trong sổ làm việc (cần ExcelApi 1.13). Hãy chọn tệp đã lưu để kiểm tra.",
    refused: "Không đọc được tệp này",
    fileName: (name: string) => `Tệp: ${name}`,
    deadline: (kind: string, day: string) => `Hạn nộp ${kind}: hết ngày ${day} (giờ Việt Nam)`,
    daysLeft: (n: number) => (n === 0 ? "hôm nay là ngày cuối" : `còn ${n} ngày`),
    late: (n: number) => `đã quá hạn ${n} ngày`,
    settings: "Thiết lập kỳ báo cáo",
    settingsByProvince: "Kỳ báo cáo và hạn nộp theo cấu hình của Sở Nội vụ (như khi tổng hợp).",
    planDate: "Ngày ban hành Kế hoạch của UBND tỉnh",
    reportYear: "Năm báo cáo",
    nominationDeadline: "Hạn đề nghị khen thưởng",
    save: "Lưu",
    reset: "Dùng cấu hình chung",
    configError: (message: string) => `config.json không hợp lệ (${message}); dùng giá trị mặc định.`,
    skippedSheets: (sheets: readonly string[]) =>
      `Không đánh dấu được trang ${sheets.map((s) => `"${s}"`).join(", ")}: trang được khóa bằng mật khẩu riêng. Hãy mở khóa (Xem lại > Bỏ bảo vệ trang tính) rồi đánh dấu lại.`,
    mergesUnread: (sheets: readonly string[]) =>
      `Trang ${sheets.map((s) => `"${s}"`).join(", ")} có hơn 512 vùng ô gộp, Excel không liệt kê được: chưa kiểm tra ô nhập liệu bị gộp trên trang đó.`,
    moved: {
      hidden: (sheet: string) =>
        `Trang "${sheet}" đang bị ẩn từ sau lần kiểm tra: hãy hiện trang (chuột phải vào thẻ trang > Bỏ ẩn) rồi chọn lại.`,
      veryHidden: (sheet: string) =>
        `Trang "${sheet}" bị ẩn hoàn toàn (không bỏ ẩn được từ thẻ trang); hãy kiểm tra lại tệp hoặc dùng biểu mẫu trống hiện hành.`,
      missing: (sheet: string) =>
        `Không còn trang "${sheet}": trang đã bị đổi tên hoặc xóa từ sau lần kiểm tra. Hãy bấm Kiểm tra lại.`,
    },
    failed: (message: string) => `Không thực hiện được: ${message}`,
    send: "Gửi Sở Nội vụ",
    sending: "Đang gửi…",
    sendAnyway: "Vẫn gửi",
    replace: "Thay tệp cũ",
    cancel: "Hủy",
    copyReceipt: "Sao chép biên nhận",
    copied: "Đã sao chép.",
    lastReceipt: "Lần gửi trước:",
  },
  en: {
    title: "Emulation form check",
    language: "Tiếng Việt",
    check: "Check",
    checking: "Checking…",
    mark: "Mark cells",
    unmark: "Remove marks",
    marked: (n: number) => `${n} cells marked.`,
    unmarked: (n: number) => `${n} marks removed.`,
    ready: "Ready to send",
    readyDetail: "No error left. You can send this file.",
    notReady: (errors: number, warnings: number) => `${errors} errors, ${warnings} warnings`,
    wholeFile: "Whole file",
    errors: (n: number) => `${n} errors`,
    warnings: (n: number) => `${n} warnings`,
    warning: "Warning",
    error: "Error",
    recognised: (kind: string, version: string) => `Template ${kind}, version ${version}.`,
    oldVersion: (kind: string, version: string, current: string) =>
      `An old version of template ${kind} (${version}); the current version is ${current}.`,
    notTemplate: "This workbook is not a thidua template.",
    blankTemplate: "Open the current blank template",
    downloadTemplate: "Download the current blank template",
    chooseFile: "Choose an .xlsx file",
    dropHere: "Drop an .xlsx file here, or",
    standalone:
      "Check a file on this computer: checking sends the file nowhere; it is sent only when you press Send to Sở Nội vụ.",
    cannotSendFromThisExcel:
      "This Excel cannot hand the .xlsx file to the add-in (Excel on iPad, for one): send from the checking page in a browser (drop the saved file there).",
    oldExcel:
      "This Excel cannot check the open workbook (ExcelApi 1.13 needed). Choose the saved file to check it.",
    refused: "This file cannot be read",
    fileName: (name: string) => `File: ${name}`,
    deadline: (kind: string, day: string) => `${kind} due by the end of ${day} (Vietnam time)`,
    daysLeft: (n: number) => (n === 0 ? "today is the last day" : `${n} days left`),
    late: (n: number) => `${n} days late`,
    settings: "Reporting period",
    settingsByProvince:
      "Reporting periods and deadlines follow Sở Nội vụ's configuration (as the consolidation does).",
    planDate: "Date of the provincial plan",
    reportYear: "Report year",
    nominationDeadline: "Nomination deadline",
    save: "Save",
    reset: "Use the shared configuration",
    configError: (message: string) => `config.json is invalid (${message}); defaults used.`,
    skippedSheets: (sheets: readonly string[]) =>
      `Sheet ${sheets.map((s) => `"${s}"`).join(", ")} could not be marked: it is protected with a password of its own. Unprotect it (Review > Unprotect Sheet) and mark again.`,
    mergesUnread: (sheets: readonly string[]) =>
      `Sheet ${sheets.map((s) => `"${s}"`).join(", ")} has more than 512 merged areas, which Excel will not list: merged input cells were not checked there.`,
    moved: {
      hidden: (sheet: string) =>
        `Sheet "${sheet}" has been hidden since the check: unhide it (right-click a sheet tab > Unhide) and choose the problem again.`,
      veryHidden: (sheet: string) =>
        `Sheet "${sheet}" is very hidden (it cannot be unhidden from the tabs); check the file, or use the current blank template.`,
      missing: (sheet: string) =>
        `There is no sheet "${sheet}" any more: it was renamed or deleted since the check. Click Check again.`,
    },
    failed: (message: string) => `Could not do it: ${message}`,
    send: "Send to Sở Nội vụ",
    sending: "Sending…",
    sendAnyway: "Send anyway",
    replace: "Replace the earlier file",
    cancel: "Cancel",
    copyReceipt: "Copy the receipt",
    copied: "Copied.",
    lastReceipt: "Last sent:",
  },
} as const;

export type PaneStrings = (typeof STRINGS)[Language];

export function stringsFor(language: Language): PaneStrings {
  return STRINGS[language];
}

/** The blank template file of each kind, bundled beside the pane (templates/ of the build). */
export const TEMPLATE_FILES: Readonly<Record<string, string>> = {
  KH: "KH_ke-hoach-trien-khai.xlsx",
  BC: "BC_bao-cao-nam.xlsx",
  "DN-KT": "DN-KT_de-nghi-khen-thuong.xlsx",
  "DS-DV": "DS-DV_danh-sach-don-vi.xlsx",
};
