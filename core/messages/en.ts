import { nameOf, namesOf, nameWithCode } from "./names";
import { formatDecimal } from "../values/format-number";
import type { MessageCatalogue } from "./types";
import type { ReceiptVerdict, SendMessage } from "../submit/send-decision";
import { formatVietnamDateTime, formatVietnameseDate } from "../values/calendar";

/** Operating-system read errors, in words. */
const READ_ERRORS_EN: Readonly<Record<string, string>> = {
  EACCES: "no permission to read the file (EACCES); ask for read access or copy it to a folder of your own",
  EPERM: "the operating system does not allow reading the file (EPERM)",
  ENOENT: "the file does not exist (ENOENT)",
  EISDIR: "this is a folder, not a file (EISDIR)",
  EBUSY: "the file is locked by another program (EBUSY); close it and try again",
  EIO: "a disk read error (EIO)",
};

const SYSTEM_FILES_EN: Readonly<Record<string, (owner: string) => string>> = {
  office_lock: (owner) =>
    `This is Excel's temporary lock file, made while "${owner}" is open; not a submission. Close Excel and check "${owner}" instead.`,
  thumbnail_cache: () => "This is a Windows thumbnail cache (Thumbs.db); not a submission, nothing to send.",
  folder_settings: () =>
    "This is a Windows folder settings file (desktop.ini); not a submission, nothing to send.",
  mac_folder_settings: () =>
    "This is a macOS folder settings file (.DS_Store); not a submission, nothing to send.",
};

/** English messages: name the field by its template label, the value found and what is expected. */
export const messageEn: MessageCatalogue = (problem, p) => {
  switch (problem.code) {
    case "FILE_EMPTY":
      return "The file is empty (0 bytes).";
    case "FILE_NOT_ZIP":
      return `The file is not an Excel workbook (.xlsx)${p("detected") ? ` but a ${p("detected")} file` : ""}; use the thidua template and save as .xlsx.`;
    case "FILE_LEGACY_XLS":
      return "The file is an old-format Excel workbook (.xls); open it in Excel and save it as an Excel Workbook (.xlsx).";
    case "FILE_ENCRYPTED":
      return "The workbook is password-protected (encrypted) and cannot be read; remove the password and send it again.";
    case "FILE_TRUNCATED":
      return "The file is damaged or was not fully uploaded (its end is missing); send it again.";
    case "FILE_ZIP_BOMB":
      return p("entries")
        ? `The file holds too many parts (${p("entries")}, limit ${p("limitEntries")}); it may be damaged or forged and was not opened.`
        : `The spreadsheet data in the file is too large once uncompressed (${p("declaredMegabytes")} MB, limit ${p("limitMegabytes")} MB); remove unneeded data or send the template as designed.`;
    case "FILE_NOT_WORKBOOK":
      return `The file is a zip archive but not an Excel workbook (.xlsx)${p("detected") ? `: it is a ${p("detected")} file` : ""}; open it and save it as "Excel Workbook (.xlsx)".`;
    case "FILE_SYSTEM_FILE":
      return SYSTEM_FILES_EN[p("what")]?.(p("owner")) ?? `A system file (${p("what")}), not a submission.`;
    case "FILE_UNREADABLE":
      return `The file could not be read: ${READ_ERRORS_EN[p("reason")] ?? p("reason")}.`;
    case "FILE_CHECK_FAILED":
      return `thidua failed while checking this file (${p("reason")}); the file is unchecked: please report it to Sở Nội vụ with the file.`;
    case "FOLDER_UNREADABLE":
      return `Folder "${p("folder")}" could not be read (${p("reason") === "EACCES" || p("reason") === "EPERM" ? "permission denied" : p("reason")}); the files in it were not consolidated.`;
    case "RECEIVED_TIMES_SHARED":
      return `${p("count")} of ${p("total")} files share one modification time (about ${p("at")}, Vietnam time): the folder may have been copied, and received times (file modification times) cannot be trusted; check before using the on-time and late figures.`;
    case "FILE_GONE":
      return `The file was in the source when listed but was deleted or moved before it could be downloaded (${p("reason")}); it is unchecked: ask the unit and run again.`;
    case "WORKBOOK_EMPTY":
      return "The workbook has no worksheet to check (empty, or every sheet was deleted).";
    case "TEMPLATE_STAMP_MISSING":
      return "This is not a thidua template (no template kind and version stamp); fill in the template issued by Sở Nội vụ.";
    case "TEMPLATE_KIND_UNKNOWN":
      return `Template kind "${p("found")}" is not supported.`;
    case "TEMPLATE_VERSION_OLD":
      return `Old ${p("kind")} template version ${p("found")}; copy the data into template version ${p("expected")}.`;
    case "TEMPLATE_VERSION_UNKNOWN":
      return `${p("kind")} template of unknown version "${p("found")}"; the current version is ${p("expected")}.`;
    case "SHEET_MISSING":
      return `Sheet "${p("sheetName")}" is missing${p("found") ? ` (unexpected sheets: ${p("found")} — renamed?)` : ""}.`;
    case "TABLE_TOO_LONG":
      return `Table "${p("field")}" has more than ${p("max")} rows; the rest was not read.`;
    case "TABLE_MOVED":
      return `Table "${p("table")}" is not where the template has it (rows or columns deleted or inserted): ${[
        p("foundRow") !== p("expectedRow")
          ? `its header is at row ${p("foundRow")}, the template has it at row ${p("expectedRow")}`
          : "",
        p("column")
          ? `column "${p("column")}" is in column ${p("foundColumn")}, the template has it in ${p("expectedColumn")}`
          : "",
      ]
        .filter(Boolean)
        .join(
          "; ",
        )}. The table was read by its headers, from row ${Number(p("foundRow")) + 1}; please check it.`;
    case "TABLE_HEADER_NOT_FOUND":
      return p("row")
        ? `Table "${p("table")}": the header row (row ${p("row")}) lacks column ${p("missing")}; the table was not read. Restore the column as in the template.`
        : `The header row of table "${p("table")}" was not found (the template has it at row ${p("expectedRow")}, with columns ${p("missing")}); the table was not read.`;
    case "TABLE_HEADER_AMBIGUOUS":
      return p("label")
        ? `Table "${p("table")}": header "${p("label")}" appears in several columns (${p("columns")}) of row ${p("rows")}; the table was not read.`
        : `Table "${p("table")}": several header rows (rows ${p("rows")}); the table was not read.`;
    case "INDICATOR_ROWS_MOVED":
      return `The indicator rows are not where the template has them (rows or columns deleted or inserted): indicator ${nameWithCode("indicator", p("code"), "en")} is in ${p("found")}, the template has it in ${p("expected")}. Figures were read by the indicator code in column ${p("keyColumn")}; please check them.`;
    case "INDICATOR_CODES_MISSING":
      return `${p("count")} indicator codes were not found in column ${p("keyColumn")} (${namesOf("indicator", p("codes"), "en", true)}); their figures were not read. Restore the indicator rows as in the template.`;
    case "INDICATOR_CODE_DUPLICATE":
      return `Indicator ${nameWithCode("indicator", p("code"), "en")} is on several rows (${p("rows")}); this indicator was not read.`;
    case "FIELD_ROWS_MOVED":
      return `Sheet "${p("sheetName")}" is not where the template has it (rows or columns deleted or inserted): "${p("field")}" is in ${p("found")}, the template has it in ${p("expected")}. Items were read by their label in column ${p("keyColumn")}; please check them.`;
    case "FIELD_LABELS_MISSING":
      return `Sheet "${p("sheetName")}": ${p("count")} items were not found in column ${p("keyColumn")} (${p("fields")}); they were not read. Restore the rows as in the template.`;
    case "FIELD_LABEL_DUPLICATE":
      return `Item "${p("field")}" is on several rows (${p("rows")}); it was not read.`;
    case "INDICATOR_ROW_UNKNOWN":
      return p("found")
        ? `Row ${p("row")}: "${p("found")}" is not an indicator code of the template; the figure on this row is not consolidated.`
        : `Row ${p("row")}: no indicator code in column ${p("keyColumn")}; the figure on this row is not consolidated.`;
    case "REQUIRED_MISSING":
      return `"${p("field")}" is required and empty.`;
    case "FORMULA_ERROR":
      return `"${p("field")}": the formula gives the error ${p("found")}; enter a value.`;
    case "FORMULA_NO_RESULT":
      return `"${p("field")}": the formula has no calculated result (the file was never recalculated); enter a value.`;
    case "MERGED_INPUT_CELL":
      return `"${p("field")}": an input cell is merged (${p("range")}); unmerge it so each cell holds its own value.`;
    case "TEXT_EXPECTED":
      return `"${p("field")}": text expected, found "${p("found")}".`;
    case "TEXT_TOO_LONG":
      return `"${p("field")}": ${p("length")} characters, at most ${p("max")}.`;
    case "NUMBER_EXPECTED":
      return `"${p("field")}": a number is expected, found "${p("found")}".`;
    case "NUMBER_AMBIGUOUS":
      return `"${p("field")}": the number "${p("found")}" is ambiguous; by the Vietnamese convention "." groups thousands and "," marks decimals (1.234,5).`;
    case "INTEGER_EXPECTED":
      return `"${p("field")}": a whole number is expected, found "${p("found")}".`;
    case "NUMBER_NEGATIVE":
      return `"${p("field")}": a count cannot be negative (found ${p("found")}).`;
    case "NUMBER_TOO_LARGE":
      return `"${p("field")}": ${p("found")} is implausibly large (at most ${p("max")}).`;
    case "PERCENT_OUT_OF_RANGE":
      return `"${p("field")}": a percentage must be between ${p("min")} and ${p("max")}, found ${p("found")}.`;
    case "PERCENT_LOOKS_LIKE_FRACTION": {
      const found = formatDecimal(Number(problem.params.found), "en");
      const suggested = formatDecimal(Number(problem.params.suggested), "en");
      return `"${p("field")}": the cell holds ${found} (not formatted as %), read as ${found} %; did you mean ${suggested} %? If so, enter ${suggested}.`;
    }
    case "DATE_EXPECTED":
      return p("shownAs")
        ? `"${p("field")}": the cell holds only the number ${p("found")} (Excel shows it as ${p("shownAs")}); write a full date dd/mm/yyyy, e.g. 20/05/2026.`
        : `"${p("field")}": a full date is expected as dd/mm/yyyy (e.g. 20/05/2026), found "${p("found")}".`;
    case "DATE_IMPOSSIBLE":
      return `"${p("field")}": "${p("found")}" is not a real date.`;
    case "YEAR_EXPECTED":
      return `"${p("field")}": a year from ${p("min")} to ${p("max")} is expected, found "${p("found")}".`;
    case "ENUM_UNKNOWN":
      return `"${p("field")}": "${p("found")}" is not in the list; pick a value from the dropdown.`;
    case "EMAIL_INVALID":
      return `"${p("field")}": "${p("found")}" is not a valid e-mail address.`;
    case "DOC_NUMBER_INVALID":
      return `"${p("field")}": document number "${p("found")}" is not of the form number/type-issuer with type ${p("expected")} (e.g. ${p("example")}).`;
    case "UNIT_UNKNOWN":
      return `Unit code "${p("found")}" is not in Sở Nội vụ's registry of units.`;
    case "UNIT_TYPE_MISMATCH":
      return `Unit type ${nameWithCode("unitType", p("found"), "en")} differs from the registry: ${p("unit")} is of type ${nameWithCode("unitType", p("expected"), "en")}.`;
    case "UNIT_CODE_FILE_NAME_MISMATCH":
      return `The file name suggests unit ${p("fromFileName")} but the workbook says ${p("found")}; the workbook's code is used.`;
    case "UNIT_NAME_CONFLICT":
      return `Unit name "${p("found")}" is not the registry's name for code ${p("unit")} ("${p("expected")}")${p("pointsTo") ? `; it is the name of unit ${p("pointsTo")} (${p("pointsToName")})` : ""}: the file may have been copied from another unit's. Write your own unit's code and name; this file is not counted for any unit.`;
    case "UNIT_NAME_DIFFERS":
      return `Unit name "${p("found")}" differs from the registry's name for code ${p("unit")} ("${p("expected")}"); please check it.`;
    case "UNIT_FROM_FILE_NAME":
      return `The unit could not be read from the file; it is attributed to unit ${p("unit")}, kind ${p("kind")}, by its file name: the unit sent something but must resend a proper template.`;
    case "REGISTRY_DUPLICATE_CODE":
      return `Unit code "${p("found")}" appears twice in the registry; only the first row is used.`;
    case "SUBMISSION_LATE":
      return `Late: received ${p("receivedAt")} (Vietnam time); the deadline was the end of ${p("lastDay")}.`;
    case "KH_NO_TASKS":
      return "The plan has no task.";
    case "KH_TASK_DEADLINE_OUT_OF_RANGE":
      return `Row ${p("row")}: deadline ${p("found")} is outside the movement (${p("from")} – ${p("to")}).`;
    case "KH_CRITERION_OTHER_TYPE":
      return `Row ${p("row")}: criterion ${nameWithCode("criterion", p("found"), "en")} is not for unit type ${nameWithCode("unitType", p("unitType"), "en")}; allowed: ${namesOf("criterion", p("expected"), "en", true)}.`;
    case "KH_CRITERION_UNCOVERED":
      return `No criterion of the unit maps to provincial criterion ${p("criterionLabel")} (${p("criterion")}).`;
    case "KH_ISSUED_AFTER_DEADLINE":
      return `The plan was issued on ${p("found")}, after its deadline ${p("lastDay")} (15 days from the provincial plan of ${p("provincialPlanDate")}).`;
    case "KH_ISSUED_AFTER_PHASE1":
      return `The plan was issued on ${p("found")}, after the Q2 2026 deadline (${p("lastDay")}).`;
    case "BC_YEAR_MISMATCH":
      return `The report says year ${p("found")} but was received in ${p("expected")}: a report is sent in or after its year. It is counted for ${p("expected")}; correct the report year.`;
    case "BC_DATED_AFTER_DEADLINE":
      return `The report is dated ${p("found")}, after its deadline (before 15/11: the end of ${p("lastDay")}).`;
    case "BC_NO_INDICATORS":
      return "The report has no indicator figure and no activity.";
    case "DNKT_NO_NOMINATIONS":
      return "No collective or individual is nominated.";
    case "DNKT_ROUND_MISMATCH":
      return `Round ${nameWithCode("round", p("found"), "en")}, but the submission is dated in ${p("expected")}: check the round (the file counts for that round).`;
    case "DNKT_AWARD_NOT_IN_ROUND":
      return `Row ${p("row")}: the ${nameWithCode("award", p("found"), "en")} is not given in the ${nameOf("round", p("round"), "en")} round; this round gives: ${namesOf("award", p("expected"), "en")}.`;
    case "DNKT_FLAG_FOR_INDIVIDUAL":
      return `Row ${p("row")}: the ${p("awardLabel")} (${p("found")}) is for collectives only, not individuals.`;
    case "DNKT_GROUP_REQUIRED":
      return `Row ${p("row")}: an individual needs a group (officials; entrepreneurs; others).`;
    case "UNIT_CODE_NORMALISED":
      return `Unit code "${p("found")}" is read as ${p("code")} (spaces removed, upper case); please correct the code.`;
    case "REGISTRY_CODE_INVALID":
      return `Row ${p("row")}: "${p("found")}" is not a unit code (letters without marks, digits and - _ . / only, at most 20 characters); the row is not counted as a unit.`;
    case "REGISTRY_ROW_HEADING":
      return `Row ${p("row")} ("${p("found")}") is a section heading, not a unit: not counted.`;
    case "REGISTRY_ROW_FOOTER":
      return `Row ${p("row")} ("${p("found")}") belongs to the list's footer (total, prepared by…), not a unit: not counted.`;
    case "REGISTRY_ROWS_BLANK":
      return p("from") === p("to")
        ? `Row ${p("from")} is blank: skipped.`
        : `Rows ${p("from")}–${p("to")} are blank: skipped.`;
    case "DNKT_KHAC_NEEDS_EVIDENCE":
      return `Row ${p("row")}: an "other" individual needs a written recognition by a competent authority (patent, science prize...).`;
    case "FILE_ALTERED_BY_SERVICE":
      return `The downloaded content differs from the size or hash OneDrive listed (${p("size")} bytes against ${p("listedSize")}) while its version (eTag) is unchanged: SharePoint writes the library's properties into Office files; the file is checked on the downloaded content, open it to be sure.`;
    case "FILE_EDITED_LATER":
      return `The file was edited by ${p("by")} (receiving staff) after the unit sent it, at ${p("at")} (Vietnam time); the received time and the content checked are those of the unit's version.`;
    case "FILE_UNIT_VERSION_MISSING":
      return `The file was last edited by ${p("by")} (receiving staff) at ${p("at")} (Vietnam time) and the version history no longer holds the unit's version: it is checked on what there is, with that edit's time as received time; review it.`;
    case "FILE_MODIFIED_BY_OTHER":
      return `The file was uploaded by ${p("creator")} but last modified by ${p("modifier")}: the received time is that modification; if that is receiving staff, set staffAccounts in the configuration to judge the unit's version.`;
    case "UPLOAD_TIMES_SHARED":
      return `${p("count")} of ${p("total")} files were uploaded to OneDrive within one minute (about ${p("at")}, Vietnam time): someone may have copied them in bulk, so the received times are not the units'; check before using the on-time and late figures.`;
  }
};

function receiptVerdictEn(verdict: ReceiptVerdict): string {
  switch (verdict.verdict) {
    case "on-time":
      return `on time (last day ${formatVietnameseDate(verdict.deadline.lastDay)})`;
    case "late": {
      const lastDay =
        verdict.deadline === null ? "" : ` (last day ${formatVietnameseDate(verdict.deadline.lastDay)})`;
      return verdict.because === "dated"
        ? `counted late, as the document is dated after the deadline${lastDay}`
        : `late${lastDay}`;
    }
    case "no-deadline":
      return "no deadline has been announced for this period";
  }
}

/** The pane's sending steps and outcomes, in English. */
export function sendMessageEn(message: SendMessage): string {
  switch (message.code) {
    case "SEND_REFUSED_ERRORS":
      return `${message.errors} errors left: fix them before sending.`;
    case "SEND_REFUSED_NOT_SUBMISSION":
      return "This file is not a current KH, BC or DN-KT template: it cannot be sent.";
    case "SEND_REFUSED_NO_UNIT_CODE":
      return "The file has no valid unit code: fill in the unit code and check again.";
    case "SEND_SAVE_FIRST":
      return "The file has changed since the check (unsaved edits): save it, check again, then send.";
    case "SEND_EXCEL_FILE_UNREADABLE":
      return message.officeCode === 11000
        ? "Excel still holds another copy of the file, so the saved file cannot be read yet: wait a few seconds and send again."
        : message.officeCode === 11001
          ? "Excel could not fetch the saved file (network problem): the file was not sent. Check the connection and send again."
          : `The saved file cannot be read from Excel${message.officeCode === null ? "" : ` (code ${message.officeCode})`}: the file was not sent. Save it, close and reopen it, check again, then send.`;
    case "SEND_CONFIRM_WARNINGS":
      return `The file has ${message.warnings} warnings. Send it as ${message.path} anyway?`;
    case "SEND_READY":
      return `The file will be sent as ${message.path}.`;
    case "SEND_DATED_LATE":
      return `The document is dated after the deadline${message.lastDay === null ? "" : ` (end of ${formatVietnameseDate(message.lastDay)})`}: the file is still sent, and will be counted late (see the warning above).`;
    case "SEND_LATE":
      return `The deadline has passed (end of ${formatVietnameseDate(message.lastDay)}): the file is still sent, and will be counted late.`;
    case "SEND_CONFIRM_REPLACE":
      return `The folder already holds ${message.path}, sent by your unit before. Replace it with this file? (OneDrive keeps the earlier version.)`;
    case "SEND_SIGN_IN_NOT_CONFIGURED":
      return "Sending from here is not set up yet: Sở Nội vụ has not configured sign-in (an app registration in Microsoft Entra, then submission.clientId and submission.tenant in config.json). Send the file the usual way and tell Sở Nội vụ.";
    case "SEND_NOT_CONFIGURED":
      return "Sending from here is not set up yet: config.json names no submission folder (submission.folder). Tell Sở Nội vụ.";
    case "SEND_OFFLINE":
      return "No network connection: the file was not sent. Check the connection and send again.";
    case "SEND_SIGNED_OUT":
      return "Your sign-in has expired or consent is missing: sign in again with your work account and send again.";
    case "SEND_SIGN_IN_WINDOW_BLOCKED":
      return `The sign-in window could not open (Office code ${message.officeCode}): allow the add-in's sign-in window (pop-up) in Excel or in your browser, then send again.`;
    case "SEND_FORBIDDEN":
      return "Your account may not write to Sở Nội vụ's submission folder: the file was not sent. Ask Sở Nội vụ for edit access to the folder.";
    case "SEND_FOLDER_NOT_FOUND":
      return "Sở Nội vụ's submission folder cannot be found (moved or deleted?): the file was not sent. Tell Sở Nội vụ.";
    case "SEND_THROTTLED":
      return `The server is busy: trying again in ${message.seconds} seconds…`;
    case "SEND_TOO_LARGE":
      return `The file is too large to send (${message.size} bytes): remove pictures or unused sheets and save again.`;
    case "SEND_STORAGE_FULL":
      return `Sở Nội vụ's submission folder is out of storage and cannot take this file (${message.size} bytes): the file was not sent. Ask Sở Nội vụ to free up space, then send again.`;
    case "SEND_NAME_CONFLICT":
      return `The folder already holds ${message.path}: the file was not sent, the earlier one is kept.`;
    case "SEND_NOT_CONFIRMED":
      return "The server did not confirm receiving this exact file (size or hash differs): it counts as not sent; send again.";
    case "SEND_FAILED":
      return `Sending failed (status ${message.status}): the file was not sent. Try again in a few minutes.`;
    case "SEND_RECEIPT": {
      const r = message.receipt;
      const rewritten = r.rewrittenByService
        ? " SharePoint wrote its own properties into the file (as it does); the stored file was read back and holds what was checked."
        : "";
      return `Sent ${r.fileName} to the folder ${r.folder} (${r.size} bytes). Received by the server at ${formatVietnamDateTime(r.receivedAt)} (Vietnam time): ${receiptVerdictEn(r.verdict)}.${rewritten}`;
    }
  }
}
