import type { Language } from "../messages/types";
import type { ReminderStatus, UnreachableReason } from "./plan-reminders";

/** What a reminder says, one catalogue per language; the compiler checks both are complete. */
export interface ReminderWording {
  readonly subjectPrefix: string;
  readonly subject: (unitName: string, what: string) => string;
  readonly greeting: (unitName: string, unitCode: string) => string;
  readonly intro: (asOf: string) => string;
  readonly statusWord: Readonly<Record<ReminderStatus, string>>;
  readonly deadline: (lastDay: string) => string;
  readonly daysOverdue: (days: number) => string;
  readonly daysLeft: (days: number) => string;
  readonly noDeadline: string;
  readonly missingAsk: (templateFile: string) => string;
  /** A missing item whose unit did send a file, counted for nobody until its code is put right. */
  readonly underReviewStatus: string;
  readonly reviewedFile: (
    file: string,
    receivedAt: string,
    codeInFile: string | null,
    codeOwner: string | null,
  ) => string;
  readonly reviewAsk: (unitCode: string) => string;
  readonly invalidFile: (file: string, receivedAt: string, errors: number) => string;
  readonly problemAt: (sheet: string | null, cell: string | null) => string;
  readonly moreProblems: (count: number) => string;
  readonly invalidAsk: string;
  readonly lateFile: (file: string, receivedAt: string) => string;
  readonly lateByDocumentDate: (file: string, receivedAt: string) => string;
  readonly lateNote: string;
  readonly templatesAt: (where: string) => string;
  readonly automatic: string;
  readonly signature: string;
  readonly unreachable: Readonly<Record<UnreachableReason, string>>;
}

const VI: ReminderWording = {
  subjectPrefix: "[Thi đua ĐMST, CĐS, CĐX]",
  subject: (unitName, what) => `Đề nghị ${unitName} ${what}`,
  greeting: (unitName, unitCode) => `Kính gửi: ${unitName} (mã đơn vị ${unitCode}).`,
  intro: (asOf) =>
    `Sở Nội vụ tổng hợp hồ sơ Phong trào thi đua "Đổi mới sáng tạo, phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh" tỉnh Hà Tĩnh, số liệu tính đến ${asOf} (giờ Việt Nam). Theo kết quả tổng hợp, đơn vị còn các việc sau:`,
  statusWord: { missing: "CHƯA NỘP", invalid: "KHÔNG HỢP LỆ, cần gửi lại", late: "NỘP MUỘN" },
  deadline: (lastDay) => `Hạn gửi: hết ngày ${lastDay} (giờ Việt Nam).`,
  daysOverdue: (days) => `Đã quá hạn ${days} ngày.`,
  daysLeft: (days) => (days === 0 ? "Hôm nay là ngày cuối cùng." : `Còn ${days} ngày.`),
  noDeadline: "Chưa có hạn gửi được công bố.",
  missingAsk: (templateFile) =>
    `Sở Nội vụ chưa nhận được tệp nào của đơn vị. Đề nghị đơn vị điền biểu mẫu ${templateFile} và gửi vào thư mục chung.`,
  underReviewStatus: "ĐÃ NHẬN TỆP NHƯNG CHƯA TÍNH, cần sửa mã đơn vị",
  reviewedFile: (file, receivedAt, codeInFile, codeOwner) =>
    `Sở Nội vụ đã nhận tệp "${file}"${receivedAt === "" ? "" : ` (nhận lúc ${receivedAt})`} ghi tên đơn vị, nhưng chưa tính cho đơn vị vì ${
      codeInFile === null
        ? "không đọc được mã đơn vị trong tệp"
        : codeOwner === null
          ? `mã đơn vị "${codeInFile}" ghi trong tệp không có trong danh sách đơn vị`
          : `tệp ghi mã đơn vị ${codeInFile}, là mã của ${codeOwner}`
    }:`,
  reviewAsk: (unitCode) =>
    `Đề nghị đơn vị sửa ô "Mã đơn vị" (trang Thông tin) thành ${unitCode}, kiểm tra lại tên đơn vị, rồi gửi lại tệp này; không cần lập tệp khác.`,
  invalidFile: (file, receivedAt, errors) =>
    `Tệp "${file}" (nhận lúc ${receivedAt}) có ${errors} lỗi cần sửa:`,
  problemAt: (sheet, cell) =>
    sheet === null ? "Cả tệp" : cell === null ? `Trang "${sheet}"` : `Trang "${sheet}", ô ${cell}`,
  moreProblems: (count) => `… và ${count} vấn đề khác (xem trang Lỗi của sổ tổng hợp).`,
  invalidAsk:
    "Đề nghị đơn vị sửa các lỗi trên (có thể tự kiểm tra bằng lệnh thidua validate hoặc nút Kiểm tra biểu mẫu trong Excel) rồi gửi lại tệp.",
  lateFile: (file, receivedAt) => `Tệp "${file}" nhận lúc ${receivedAt}, sau thời hạn.`,
  lateByDocumentDate: (file, receivedAt) =>
    `Tệp "${file}" nhận lúc ${receivedAt}, nhưng ngày ban hành ghi trong văn bản sau thời hạn.`,
  lateNote: "Sở Nội vụ đã ghi nhận tệp; đề nghị đơn vị lưu ý gửi đúng hạn ở các kỳ sau.",
  templatesAt: (where) => `Biểu mẫu: ${where}`,
  automatic:
    "Thư này do công cụ thidua lập từ kết quả tổng hợp; nếu đơn vị đã gửi sau thời điểm trên, xin bỏ qua thư này.",
  signature: "Trân trọng,\nSở Nội vụ tỉnh Hà Tĩnh",
  unreachable: {
    no_email: "danh sách đơn vị không có thư điện tử",
    invalid_email: "thư điện tử trong danh sách đơn vị không hợp lệ",
  },
};

const EN: ReminderWording = {
  subjectPrefix: "[Hà Tĩnh innovation & digital transformation emulation]",
  subject: (unitName, what) => `${unitName}: please ${what}`,
  greeting: (unitName, unitCode) => `To: ${unitName} (unit code ${unitCode}).`,
  intro: (asOf) =>
    `Sở Nội vụ has consolidated the submissions of the Hà Tĩnh emulation movement on innovation, science and technology, digital and green transformation, as of ${asOf} (Vietnam time). Your unit still has the following to do:`,
  statusWord: { missing: "MISSING", invalid: "INVALID, please resend", late: "LATE" },
  deadline: (lastDay) => `Deadline: end of ${lastDay} (Vietnam time).`,
  daysOverdue: (days) => `${days} days overdue.`,
  daysLeft: (days) => (days === 0 ? "Today is the last day." : `${days} days left.`),
  noDeadline: "No deadline has been announced yet.",
  missingAsk: (templateFile) =>
    `No file of your unit has been received. Please fill in the template ${templateFile} and put it in the shared folder.`,
  underReviewStatus: "RECEIVED BUT NOT COUNTED, the unit code needs fixing",
  reviewedFile: (file, receivedAt, codeInFile, codeOwner) =>
    `Sở Nội vụ received the file "${file}"${receivedAt === "" ? "" : ` (received ${receivedAt})`} bearing your unit's name, but has not counted it for your unit because ${
      codeInFile === null
        ? "no unit code could be read in it"
        : codeOwner === null
          ? `the unit code "${codeInFile}" written in it is not in the registry`
          : `it carries the unit code ${codeInFile}, which is ${codeOwner}'s`
    }:`,
  reviewAsk: (unitCode) =>
    `Please change the "Mã đơn vị" cell (sheet Thông tin) to ${unitCode}, check the unit name, and send this file again; no other file is needed.`,
  invalidFile: (file, receivedAt, errors) =>
    `The file "${file}" (received ${receivedAt}) has ${errors} errors to fix:`,
  problemAt: (sheet, cell) =>
    sheet === null ? "Whole file" : cell === null ? `Sheet "${sheet}"` : `Sheet "${sheet}", cell ${cell}`,
  moreProblems: (count) => `… and ${count} more problems (see the Lỗi sheet of the consolidated workbook).`,
  invalidAsk:
    "Please fix the problems above (check it yourself with thidua validate or the Kiểm tra biểu mẫu button in Excel) and send the file again.",
  lateFile: (file, receivedAt) => `The file "${file}" was received ${receivedAt}, after the deadline.`,
  lateByDocumentDate: (file, receivedAt) =>
    `The file "${file}" was received ${receivedAt}, but the document is dated after the deadline.`,
  lateNote: "Sở Nội vụ has recorded the file; please send on time in the next rounds.",
  templatesAt: (where) => `Templates: ${where}`,
  automatic:
    "This e-mail was written by thidua from the consolidation; if your unit has sent since that moment, please disregard it.",
  signature: "Kind regards,\nSở Nội vụ, Hà Tĩnh province",
  unreachable: {
    no_email: "the registry has no e-mail address",
    invalid_email: "the registry's e-mail address is not valid",
  },
};

export const REMINDER_WORDING: Readonly<Record<Language, ReminderWording>> = { vi: VI, en: EN };

/** What the subject asks for, per kind and status. */
export const REMINDER_ASKS: Readonly<Record<Language, Readonly<Record<ReminderStatus, string>>>> = {
  vi: { missing: "gửi", invalid: "gửi lại", late: "lưu ý thời hạn" },
  en: { missing: "send", invalid: "resend", late: "note the deadline of" },
};
