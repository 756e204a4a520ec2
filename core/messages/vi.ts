import { nameOf, namesOf, nameWithCode } from "./names";
import { formatDecimal } from "../values/format-number";
import type { MessageCatalogue } from "./types";
import type { ReceiptVerdict, SendMessage } from "../submit/send-decision";
import { formatVietnamDateTime, formatVietnameseDate } from "../values/calendar";

/** Lỗi đọc tệp của hệ điều hành, nói bằng lời. */
const READ_ERRORS_VI: Readonly<Record<string, string>> = {
  EACCES: "không có quyền đọc tệp (EACCES); hãy xin quyền đọc hoặc chép tệp sang thư mục của mình",
  EPERM: "hệ điều hành không cho phép đọc tệp (EPERM)",
  ENOENT: "không tìm thấy tệp (ENOENT)",
  EISDIR: "đây là một thư mục, không phải tệp (EISDIR)",
  EBUSY: "tệp đang bị chương trình khác khóa (EBUSY); hãy đóng tệp rồi thử lại",
  EIO: "lỗi đọc đĩa (EIO)",
};

const SYSTEM_FILES_VI: Readonly<Record<string, (owner: string) => string>> = {
  office_lock: (owner) =>
    `Đây là tệp khóa tạm của Excel, được tạo khi tệp "${owner}" đang mở; không phải bài nộp. Hãy đóng Excel rồi kiểm tra tệp "${owner}".`,
  thumbnail_cache: () => "Đây là tệp ảnh thu nhỏ của Windows (Thumbs.db); không phải bài nộp, không cần gửi.",
  folder_settings: () =>
    "Đây là tệp cài đặt thư mục của Windows (desktop.ini); không phải bài nộp, không cần gửi.",
  mac_folder_settings: () =>
    "Đây là tệp cài đặt thư mục của macOS (.DS_Store); không phải bài nộp, không cần gửi.",
};

/** Thông báo tiếng Việt: nêu trường theo nhãn trên biểu mẫu, giá trị tìm thấy và điều cần có. */
export const messageVi: MessageCatalogue = (problem, p) => {
  switch (problem.code) {
    case "FILE_EMPTY":
      return "Tệp rỗng (0 byte): không có nội dung để kiểm tra.";
    case "FILE_NOT_ZIP":
      return `Tệp không phải là bảng tính Excel (.xlsx)${p("detected") ? ` mà là tệp ${p("detected")}` : ""}; hãy dùng biểu mẫu thidua và lưu dưới dạng .xlsx.`;
    case "FILE_LEGACY_XLS":
      return "Tệp ở định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).";
    case "FILE_ENCRYPTED":
      return "Tệp được đặt mật khẩu (mã hóa) nên không đọc được; hãy gỡ mật khẩu rồi gửi lại.";
    case "FILE_TRUNCATED":
      return "Tệp bị hỏng hoặc tải lên chưa hết (thiếu phần cuối); hãy gửi lại tệp.";
    case "FILE_ZIP_BOMB":
      return p("entries")
        ? `Tệp chứa quá nhiều thành phần (${p("entries")}, giới hạn ${p("limitEntries")}); tệp có thể bị hỏng hoặc bị làm giả, không mở để bảo vệ hệ thống.`
        : `Dữ liệu bảng tính trong tệp quá lớn khi giải nén (${p("declaredMegabytes")} MB, giới hạn ${p("limitMegabytes")} MB); hãy bỏ bớt dữ liệu thừa hoặc gửi lại đúng biểu mẫu.`;
    case "FILE_NOT_WORKBOOK":
      return `Tệp là một gói nén nhưng không phải sổ làm việc Excel (.xlsx)${p("detected") ? ` mà là tệp ${p("detected")}` : ""}; hãy mở tệp và lưu lại dưới dạng "Excel Workbook (.xlsx)".`;
    case "FILE_UNREADABLE":
      return `Không đọc được tệp: ${READ_ERRORS_VI[p("reason")] ?? p("reason")}.`;
    case "FILE_SYSTEM_FILE":
      return SYSTEM_FILES_VI[p("what")]?.(p("owner")) ?? `Tệp hệ thống (${p("what")}), không phải bài nộp.`;
    case "FILE_CHECK_FAILED":
      return `Công cụ thidua gặp lỗi khi kiểm tra tệp này (${p("reason")}); tệp chưa được kiểm tra, xin báo cho Sở Nội vụ kèm tệp.`;
    case "FOLDER_UNREADABLE":
      return `Không đọc được thư mục "${p("folder")}" (${p("reason") === "EACCES" || p("reason") === "EPERM" ? "không có quyền đọc" : p("reason")}); các tệp trong đó chưa được tổng hợp.`;
    case "RECEIVED_TIMES_SHARED":
      return `${p("count")} trên ${p("total")} tệp có cùng thời điểm sửa đổi (khoảng ${p("at")}, giờ Việt Nam): thư mục có thể đã được sao chép, nên thời điểm nhận (là thời điểm sửa đổi tệp) không đáng tin; hãy kiểm tra trước khi dùng số liệu đúng hạn, nộp muộn.`;
    case "FILE_GONE":
      return `Tệp đã có trong thư mục nguồn khi liệt kê nhưng bị xóa hoặc chuyển đi trước khi tải về (${p("reason")}); tệp chưa được kiểm tra, hãy hỏi đơn vị và chạy lại.`;
    case "WORKBOOK_EMPTY":
      return "Sổ làm việc không có trang tính nào để kiểm tra (tệp trống hoặc mọi trang đã bị xóa).";
    case "TEMPLATE_STAMP_MISSING":
      return "Tệp không phải biểu mẫu thidua (không có dấu loại và phiên bản biểu mẫu); hãy điền vào biểu mẫu do Sở Nội vụ phát hành.";
    case "TEMPLATE_KIND_UNKNOWN":
      return `Loại biểu mẫu "${p("found")}" không được hỗ trợ.`;
    case "TEMPLATE_VERSION_OLD":
      return `Biểu mẫu ${p("kind")} phiên bản cũ ${p("found")}; hãy chép số liệu sang biểu mẫu phiên bản ${p("expected")}.`;
    case "TEMPLATE_VERSION_UNKNOWN":
      return `Biểu mẫu ${p("kind")} có phiên bản không xác định "${p("found")}"; phiên bản hiện hành là ${p("expected")}.`;
    case "SHEET_MISSING":
      return `Thiếu trang tính "${p("sheetName")}"${p("found") ? ` (có trang lạ: ${p("found")} — có thể đã bị đổi tên)` : ""}.`;
    case "TABLE_TOO_LONG":
      return `Bảng "${p("field")}" vượt quá ${p("max")} dòng; phần sau không được đọc.`;
    case "TABLE_MOVED":
      return `Bảng "${p("table")}" không ở đúng chỗ của biểu mẫu (có dòng hoặc cột bị xóa, chèn): ${[
        p("foundRow") !== p("expectedRow")
          ? `dòng tiêu đề ở dòng ${p("foundRow")}, biểu mẫu để ở dòng ${p("expectedRow")}`
          : "",
        p("column")
          ? `cột "${p("column")}" ở cột ${p("foundColumn")}, biểu mẫu để ở cột ${p("expectedColumn")}`
          : "",
      ]
        .filter(Boolean)
        .join("; ")}. Bảng được đọc theo tiêu đề, từ dòng ${Number(p("foundRow")) + 1}; hãy kiểm tra lại.`;
    case "TABLE_HEADER_NOT_FOUND":
      return p("row")
        ? `Bảng "${p("table")}": dòng tiêu đề (dòng ${p("row")}) thiếu cột ${p("missing")}; bảng không được đọc. Hãy khôi phục cột theo biểu mẫu.`
        : `Không tìm thấy dòng tiêu đề của bảng "${p("table")}" (biểu mẫu để ở dòng ${p("expectedRow")}, gồm các cột ${p("missing")}); bảng không được đọc.`;
    case "TABLE_HEADER_AMBIGUOUS":
      return p("label")
        ? `Bảng "${p("table")}": tiêu đề "${p("label")}" có ở nhiều cột (${p("columns")}) của dòng ${p("rows")}; không biết đọc cột nào, bảng không được đọc.`
        : `Bảng "${p("table")}": có nhiều dòng tiêu đề (dòng ${p("rows")}); không biết bảng bắt đầu từ đâu, bảng không được đọc.`;
    case "INDICATOR_ROWS_MOVED":
      return `Các dòng chỉ tiêu không ở đúng chỗ của biểu mẫu (có dòng hoặc cột bị xóa, chèn): chỉ tiêu ${nameWithCode("indicator", p("code"), "vi")} ở ô ${p("found")}, biểu mẫu để ở ô ${p("expected")}. Số liệu được đọc theo mã chỉ tiêu ở cột ${p("keyColumn")}; hãy kiểm tra lại.`;
    case "INDICATOR_CODES_MISSING":
      return `Không tìm thấy ${p("count")} mã chỉ tiêu ở cột ${p("keyColumn")} (${namesOf("indicator", p("codes"), "vi", true)}); số liệu của các chỉ tiêu đó không được đọc. Hãy khôi phục các dòng chỉ tiêu theo biểu mẫu.`;
    case "INDICATOR_CODE_DUPLICATE":
      return `Chỉ tiêu ${nameWithCode("indicator", p("code"), "vi")} có ở nhiều dòng (${p("rows")}); không biết số liệu nào đúng, chỉ tiêu này không được đọc.`;
    case "FIELD_ROWS_MOVED":
      return `Trang "${p("sheetName")}" không đúng chỗ của biểu mẫu (có dòng hoặc cột bị xóa, chèn): "${p("field")}" ở ô ${p("found")}, biểu mẫu để ở ô ${p("expected")}. Các mục được đọc theo nhãn ở cột ${p("keyColumn")}; hãy kiểm tra lại.`;
    case "FIELD_LABELS_MISSING":
      return `Trang "${p("sheetName")}": không tìm thấy ${p("count")} mục ở cột ${p("keyColumn")} (${p("fields")}); các mục đó không được đọc. Hãy khôi phục các dòng theo biểu mẫu.`;
    case "FIELD_LABEL_DUPLICATE":
      return `Mục "${p("field")}" có ở nhiều dòng (${p("rows")}); không biết giá trị nào đúng, mục này không được đọc.`;
    case "INDICATOR_ROW_UNKNOWN":
      return p("found")
        ? `Dòng ${p("row")}: "${p("found")}" không phải mã chỉ tiêu của biểu mẫu; số liệu ở dòng này không được tổng hợp.`
        : `Dòng ${p("row")}: dòng không có mã chỉ tiêu ở cột ${p("keyColumn")}; số liệu ở dòng này không được tổng hợp.`;
    case "REQUIRED_MISSING":
      return `Chưa điền "${p("field")}" (bắt buộc).`;
    case "FORMULA_ERROR":
      return `"${p("field")}": công thức cho kết quả lỗi ${p("found")}; hãy nhập giá trị.`;
    case "FORMULA_NO_RESULT":
      return `"${p("field")}": công thức chưa có kết quả tính (tệp chưa được tính lại); hãy nhập giá trị.`;
    case "MERGED_INPUT_CELL":
      return `"${p("field")}": ô nhập liệu bị gộp (${p("range")}); hãy bỏ gộp ô để mỗi ô có giá trị riêng.`;
    case "TEXT_EXPECTED":
      return `"${p("field")}": cần nhập chữ, tìm thấy "${p("found")}".`;
    case "TEXT_TOO_LONG":
      return `"${p("field")}": nội dung dài ${p("length")} ký tự, tối đa ${p("max")}.`;
    case "NUMBER_EXPECTED":
      return `"${p("field")}": cần một số, tìm thấy "${p("found")}".`;
    case "NUMBER_AMBIGUOUS":
      return `"${p("field")}": số "${p("found")}" không rõ cách viết; theo quy ước Việt Nam dùng dấu chấm phân cách hàng nghìn và dấu phẩy cho phần thập phân (1.234,5).`;
    case "INTEGER_EXPECTED":
      return `"${p("field")}": cần số nguyên, tìm thấy "${p("found")}".`;
    case "NUMBER_NEGATIVE":
      return `"${p("field")}": số lượng không được âm (tìm thấy ${p("found")}).`;
    case "NUMBER_TOO_LARGE":
      return `"${p("field")}": số ${p("found")} lớn bất thường (tối đa ${p("max")}).`;
    case "PERCENT_OUT_OF_RANGE":
      return `"${p("field")}": tỷ lệ phải từ ${p("min")} đến ${p("max")}, tìm thấy ${p("found")}.`;
    case "PERCENT_LOOKS_LIKE_FRACTION": {
      const found = formatDecimal(Number(problem.params.found), "vi");
      const suggested = formatDecimal(Number(problem.params.suggested), "vi");
      return `"${p("field")}": ô ghi ${found} (không định dạng %) nên được đọc là ${found} %; có phải ${suggested} %? Nếu vậy, hãy ghi ${suggested}.`;
    }
    case "DATE_EXPECTED":
      return p("shownAs")
        ? `"${p("field")}": ô chỉ ghi số ${p("found")} (Excel hiển thị thành ${p("shownAs")}); cần ghi đủ ngày/tháng/năm, ví dụ 20/05/2026.`
        : `"${p("field")}": cần ngày đầy đủ theo dạng ngày/tháng/năm (ví dụ 20/05/2026), tìm thấy "${p("found")}".`;
    case "DATE_IMPOSSIBLE":
      return `"${p("field")}": ngày "${p("found")}" không có thật.`;
    case "YEAR_EXPECTED":
      return `"${p("field")}": cần năm từ ${p("min")} đến ${p("max")}, tìm thấy "${p("found")}".`;
    case "ENUM_UNKNOWN":
      return `"${p("field")}": giá trị "${p("found")}" không có trong danh sách; hãy chọn trong danh sách thả xuống.`;
    case "EMAIL_INVALID":
      return `"${p("field")}": địa chỉ thư điện tử "${p("found")}" không hợp lệ.`;
    case "DOC_NUMBER_INVALID":
      return `"${p("field")}": số văn bản "${p("found")}" không đúng dạng số/loại văn bản-cơ quan ban hành với loại ${p("expected")} (ví dụ ${p("example")}).`;
    case "UNIT_UNKNOWN":
      return `Mã đơn vị "${p("found")}" không có trong danh sách đơn vị của Sở Nội vụ.`;
    case "UNIT_TYPE_MISMATCH":
      return `Loại đơn vị ${nameWithCode("unitType", p("found"), "vi")} khác với danh sách đơn vị: ${p("unit")} thuộc loại ${nameWithCode("unitType", p("expected"), "vi")}.`;
    case "UNIT_CODE_FILE_NAME_MISMATCH":
      return `Tên tệp gợi ý đơn vị ${p("fromFileName")} nhưng mã đơn vị trong tệp là ${p("found")}; dùng mã trong tệp.`;
    case "UNIT_NAME_CONFLICT":
      return `Tên đơn vị "${p("found")}" không phải tên của mã ${p("unit")} trong danh sách đơn vị ("${p("expected")}")${p("pointsTo") ? `; đây là tên của đơn vị ${p("pointsTo")} (${p("pointsToName")})` : ""}: tệp có thể được chép từ hồ sơ của đơn vị khác. Hãy ghi đúng mã và tên của đơn vị mình; tệp này không được tính cho đơn vị nào.`;
    case "UNIT_NAME_DIFFERS":
      return `Tên đơn vị "${p("found")}" khác với tên của mã ${p("unit")} trong danh sách đơn vị ("${p("expected")}"); hãy kiểm tra lại.`;
    case "UNIT_FROM_FILE_NAME":
      return `Không đọc được đơn vị trong tệp; tệp được gán cho đơn vị ${p("unit")}, hồ sơ ${p("kind")} theo tên tệp: đơn vị đã gửi nhưng cần gửi lại tệp đúng biểu mẫu.`;
    case "REGISTRY_DUPLICATE_CODE":
      return `Mã đơn vị "${p("found")}" bị trùng trong danh sách đơn vị; chỉ dòng đầu tiên được dùng.`;
    case "SUBMISSION_LATE":
      return `Nộp muộn: nhận lúc ${p("receivedAt")} (giờ Việt Nam), hạn cuối là hết ngày ${p("lastDay")}.`;
    case "KH_NO_TASKS":
      return "Kế hoạch chưa có nhiệm vụ nào.";
    case "KH_TASK_DEADLINE_OUT_OF_RANGE":
      return `Dòng ${p("row")}: thời hạn ${p("found")} nằm ngoài thời gian thực hiện phong trào (${p("from")} – ${p("to")}).`;
    case "KH_CRITERION_OTHER_TYPE":
      return `Dòng ${p("row")}: tiêu chí ${nameWithCode("criterion", p("found"), "vi")} không dành cho loại đơn vị ${nameWithCode("unitType", p("unitType"), "vi")}; được chọn: ${namesOf("criterion", p("expected"), "vi", true)}.`;
    case "KH_CRITERION_UNCOVERED":
      return `Chưa có tiêu chí nào của đơn vị gắn với tiêu chí ${p("criterionLabel")} (${p("criterion")}) của tỉnh.`;
    case "KH_ISSUED_AFTER_DEADLINE":
      return `Kế hoạch ban hành ngày ${p("found")}, sau hạn ${p("lastDay")} (15 ngày kể từ Kế hoạch của UBND tỉnh ngày ${p("provincialPlanDate")}).`;
    case "KH_ISSUED_AFTER_PHASE1":
      return `Kế hoạch ban hành ngày ${p("found")}, sau hạn hoàn thành trong quý II năm 2026 (${p("lastDay")}).`;
    case "BC_YEAR_MISMATCH":
      return `Báo cáo ghi năm ${p("found")} nhưng được nhận trong năm ${p("expected")}: báo cáo năm nào gửi trong hoặc sau năm đó. Tệp được tính cho năm ${p("expected")}; sửa lại năm báo cáo.`;
    case "BC_DATED_AFTER_DEADLINE":
      return `Báo cáo ghi ngày ${p("found")}, sau hạn gửi (trước ngày 15/11, tức hết ngày ${p("lastDay")}).`;
    case "BC_NO_INDICATORS":
      return "Báo cáo chưa có số liệu chỉ tiêu và chưa có hoạt động nào.";
    case "DNKT_NO_NOMINATIONS":
      return "Chưa có tập thể, cá nhân nào được đề nghị.";
    case "DNKT_ROUND_MISMATCH":
      return `Đợt khen thưởng ${nameWithCode("round", p("found"), "vi")} nhưng tờ trình ghi năm ${p("expected")}: kiểm tra lại đợt (tệp được tính cho đợt đã ghi).`;
    case "DNKT_AWARD_NOT_IN_ROUND":
      return `Dòng ${p("row")}: ${nameWithCode("award", p("found"), "vi")} không xét trong đợt ${nameOf("round", p("round"), "vi")}; đợt này xét: ${namesOf("award", p("expected"), "vi")}.`;
    case "DNKT_FLAG_FOR_INDIVIDUAL":
      return `Dòng ${p("row")}: ${p("awardLabel")} (${p("found")}) chỉ dành cho tập thể, không xét cho cá nhân.`;
    case "DNKT_GROUP_REQUIRED":
      return `Dòng ${p("row")}: cá nhân phải chọn nhóm (cán bộ, công chức, viên chức; doanh nhân; đối tượng khác).`;
    case "UNIT_CODE_NORMALISED":
      return `Mã đơn vị "${p("found")}" được đọc là ${p("code")} (bỏ dấu cách, viết hoa); nên sửa lại cho đúng mã.`;
    case "REGISTRY_CODE_INVALID":
      return `Dòng ${p("row")}: "${p("found")}" không phải mã đơn vị (chỉ gồm chữ cái không dấu, chữ số và - _ . /, tối đa 20 ký tự); dòng này không được tính là đơn vị.`;
    case "REGISTRY_ROW_HEADING":
      return `Dòng ${p("row")} ("${p("found")}") là dòng tiêu đề nhóm, không phải đơn vị: không tính.`;
    case "REGISTRY_ROW_FOOTER":
      return `Dòng ${p("row")} ("${p("found")}") thuộc phần cuối danh sách (tổng số, người lập biểu…), không phải đơn vị: không tính.`;
    case "REGISTRY_ROWS_BLANK":
      return p("from") === p("to")
        ? `Dòng ${p("from")} để trống: bỏ qua.`
        : `Các dòng ${p("from")}–${p("to")} để trống: bỏ qua.`;
    case "DNKT_KHAC_NEEDS_EVIDENCE":
      return `Dòng ${p("row")}: cá nhân thuộc "Đối tượng khác" phải có văn bản công nhận của cấp có thẩm quyền (bằng sáng chế, giải thưởng khoa học...).`;
    case "FILE_ALTERED_BY_SERVICE":
      return `Nội dung tải về khác kích thước hoặc mã băm mà OneDrive liệt kê (${p("size")} byte so với ${p("listedSize")}) trong khi phiên bản (eTag) không đổi: SharePoint ghi thuộc tính của thư viện vào tệp Office; tệp được kiểm tra trên nội dung tải về, hãy mở tệp để chắc chắn.`;
    case "FILE_EDITED_LATER":
      return `Tệp đã bị ${p("by")} (cán bộ tiếp nhận) sửa sau khi đơn vị nộp, lúc ${p("at")} (giờ Việt Nam); thời điểm nhận và nội dung kiểm tra là của phiên bản đơn vị nộp.`;
    case "FILE_UNIT_VERSION_MISSING":
      return `Tệp được ${p("by")} (cán bộ tiếp nhận) sửa lần cuối lúc ${p("at")} (giờ Việt Nam) và lịch sử phiên bản không còn phiên bản của đơn vị: tệp được kiểm tra trên nội dung hiện có, thời điểm nhận là lần sửa đó; cần xem lại.`;
    case "FILE_MODIFIED_BY_OTHER":
      return `Tệp do ${p("creator")} tải lên nhưng ${p("modifier")} sửa lần cuối: thời điểm nhận là lần sửa đó; nếu đó là cán bộ tiếp nhận, hãy khai báo staffAccounts trong cấu hình để tính theo phiên bản đơn vị nộp.`;
    case "UPLOAD_TIMES_SHARED":
      return `${p("count")} trên ${p("total")} tệp được tải lên OneDrive trong cùng một phút (khoảng ${p("at")}, giờ Việt Nam): có thể một người đã sao chép hàng loạt, nên thời điểm nhận không phải của đơn vị; hãy kiểm tra trước khi dùng số liệu đúng hạn, nộp muộn.`;
  }
};

function receiptVerdictVi(verdict: ReceiptVerdict): string {
  switch (verdict.verdict) {
    case "on-time":
      return `đúng hạn (hạn cuối ${formatVietnameseDate(verdict.deadline.lastDay)})`;
    case "late": {
      const lastDay =
        verdict.deadline === null ? "" : ` (hạn cuối ${formatVietnameseDate(verdict.deadline.lastDay)})`;
      return verdict.because === "dated"
        ? `tính là nộp muộn vì văn bản ghi ngày sau hạn${lastDay}`
        : `nộp muộn${lastDay}`;
    }
    case "no-deadline":
      return "kỳ này chưa có hạn nộp được công bố";
  }
}

/** The pane's sending steps and outcomes, in Vietnamese. */
export function sendMessageVi(message: SendMessage): string {
  switch (message.code) {
    case "SEND_REFUSED_ERRORS":
      return `Còn ${message.errors} lỗi: sửa trước khi gửi.`;
    case "SEND_REFUSED_NOT_SUBMISSION":
      return "Tệp này không phải biểu mẫu KH, BC hoặc DN-KT hiện hành: không gửi được.";
    case "SEND_REFUSED_NO_UNIT_CODE":
      return "Chưa có mã đơn vị hợp lệ trong tệp: hãy điền mã đơn vị rồi kiểm tra lại.";
    case "SEND_SAVE_FIRST":
      return "Tệp đã thay đổi từ lần kiểm tra (có chỉnh sửa chưa lưu): hãy lưu tệp, kiểm tra lại rồi gửi.";
    case "SEND_EXCEL_FILE_UNREADABLE":
      return message.officeCode === 11000
        ? "Excel đang giữ một bản sao khác của tệp nên chưa đọc được tệp đã lưu: hãy đợi vài giây rồi bấm gửi lại."
        : message.officeCode === 11001
          ? "Excel không tải được tệp đã lưu do lỗi mạng: tệp chưa được gửi. Hãy kiểm tra kết nối rồi bấm gửi lại."
          : `Không đọc được tệp đã lưu từ Excel${message.officeCode === null ? "" : ` (mã ${message.officeCode})`}: tệp chưa được gửi. Hãy lưu tệp, đóng rồi mở lại, kiểm tra lại rồi gửi.`;
    case "SEND_CONFIRM_WARNINGS":
      return `Tệp còn ${message.warnings} cảnh báo. Vẫn gửi thành ${message.path}?`;
    case "SEND_READY":
      return `Tệp sẽ được gửi thành ${message.path}.`;
    case "SEND_DATED_LATE":
      return `Văn bản ghi ngày sau hạn${message.lastDay === null ? "" : ` (hết ngày ${formatVietnameseDate(message.lastDay)})`}: tệp vẫn được gửi nhưng sẽ được tính là nộp muộn (xem cảnh báo ở trên).`;
    case "SEND_LATE":
      return `Đã quá hạn (hết ngày ${formatVietnameseDate(message.lastDay)}): tệp vẫn được gửi nhưng sẽ được tính là nộp muộn.`;
    case "SEND_CONFIRM_REPLACE":
      return `Thư mục đã có ${message.path} do đơn vị gửi trước đó. Thay bằng tệp này? (OneDrive vẫn giữ phiên bản cũ.)`;
    case "SEND_SIGN_IN_NOT_CONFIGURED":
      return "Chưa gửi được từ đây: Sở Nội vụ chưa cấu hình đăng nhập (cần đăng ký ứng dụng trên Microsoft Entra và khai báo submission.clientId, submission.tenant trong config.json). Hãy gửi tệp theo cách cũ và báo Sở Nội vụ.";
    case "SEND_NOT_CONFIGURED":
      return "Chưa gửi được từ đây: config.json chưa khai báo thư mục nhận (submission.folder). Hãy báo Sở Nội vụ.";
    case "SEND_OFFLINE":
      return "Không kết nối được mạng: tệp chưa được gửi. Hãy kiểm tra kết nối rồi bấm gửi lại.";
    case "SEND_SIGNED_OUT":
      return "Phiên đăng nhập đã hết hoặc chưa được cấp quyền: hãy đăng nhập lại bằng tài khoản công vụ rồi gửi lại.";
    case "SEND_SIGN_IN_WINDOW_BLOCKED":
      return `Cửa sổ đăng nhập chưa mở được (mã Office ${message.officeCode}): hãy cho phép cửa sổ đăng nhập (cửa sổ bật lên) của phần bổ trợ trong Excel hoặc trình duyệt, rồi bấm gửi lại.`;
    case "SEND_FORBIDDEN":
      return "Tài khoản của bạn không có quyền ghi vào thư mục nhận của Sở Nội vụ: tệp chưa được gửi. Hãy đề nghị Sở Nội vụ cấp quyền chỉnh sửa thư mục.";
    case "SEND_FOLDER_NOT_FOUND":
      return "Không tìm thấy thư mục nhận của Sở Nội vụ (có thể đã bị di chuyển hoặc xóa): tệp chưa được gửi. Hãy báo Sở Nội vụ.";
    case "SEND_THROTTLED":
      return `Máy chủ đang bận: sẽ thử lại sau ${message.seconds} giây…`;
    case "SEND_TOO_LARGE":
      return `Tệp quá lớn để gửi (${message.size} byte): hãy xóa ảnh hoặc trang thừa rồi lưu lại.`;
    case "SEND_STORAGE_FULL":
      return `Thư mục nhận của Sở Nội vụ đã hết dung lượng, không nhận thêm được tệp này (${message.size} byte): tệp chưa được gửi. Hãy báo Sở Nội vụ giải phóng dung lượng rồi gửi lại.`;
    case "SEND_NAME_CONFLICT":
      return `Thư mục đã có ${message.path}: tệp chưa được gửi, tệp cũ được giữ nguyên.`;
    case "SEND_NOT_CONFIRMED":
      return "Máy chủ không xác nhận đã nhận đúng tệp (kích thước hoặc mã băm khác): coi như chưa gửi, hãy gửi lại.";
    case "SEND_FAILED":
      return `Gửi không thành công (mã ${message.status}): tệp chưa được gửi. Hãy thử lại sau ít phút.`;
    case "SEND_RECEIPT": {
      const r = message.receipt;
      const rewritten = r.rewrittenByService
        ? " SharePoint đã ghi thêm thuộc tính của nó vào tệp (bình thường); tệp trên máy chủ đã được đọc lại và đúng nội dung đã kiểm tra."
        : "";
      return `Đã gửi ${r.fileName} vào thư mục ${r.folder} (${r.size} byte). Máy chủ nhận lúc ${formatVietnamDateTime(r.receivedAt)} (giờ Việt Nam): ${receiptVerdictVi(r.verdict)}.${rewritten}`;
    }
  }
}
