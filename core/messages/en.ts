import type { MessageCatalogue } from "./types";

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
    case "FILE_UNREADABLE":
      return `The file could not be read: ${p("reason")}.`;
    case "FILE_CHECK_FAILED":
      return `thidua failed while checking this file (${p("reason")}); the file is unchecked: please report it to Sở Nội vụ with the file.`;
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
      return `"${p("field")}": a percentage must be between 0 and 100, found ${p("found")}.`;
    case "DATE_EXPECTED":
      return `"${p("field")}": a date is expected as dd/mm/yyyy (e.g. 20/05/2026), found "${p("found")}".`;
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
      return `Unit type ${p("found")} differs from the registry (${p("unit")} is of type ${p("expected")}).`;
    case "UNIT_CODE_FILE_NAME_MISMATCH":
      return `The file name suggests unit ${p("fromFileName")} but the workbook says ${p("found")}; the workbook's code is used.`;
    case "REGISTRY_DUPLICATE_CODE":
      return `Unit code "${p("found")}" appears twice in the registry; only the first row is used.`;
    case "SUBMISSION_LATE":
      return `Late: received ${p("receivedAt")} (Vietnam time); the deadline was the end of ${p("lastDay")}.`;
    case "KH_NO_TASKS":
      return "The plan has no task.";
    case "KH_TASK_DEADLINE_OUTSIDE_PHASE":
      return `Row ${p("row")}: deadline ${p("found")} is outside phase 1 (${p("from")} – ${p("to")}).`;
    case "KH_CRITERION_OTHER_TYPE":
      return `Row ${p("row")}: criterion ${p("found")} is not for unit type ${p("unitType")} (allowed: ${p("expected")}).`;
    case "KH_CRITERION_UNCOVERED":
      return `No criterion of the unit maps to provincial criterion ${p("criterion")} (${p("criterionLabel")}).`;
    case "KH_ISSUED_AFTER_DEADLINE":
      return `The plan was issued on ${p("found")}, after its deadline ${p("lastDay")} (15 days from the provincial plan of ${p("provincialPlanDate")}).`;
    case "KH_ISSUED_AFTER_PHASE1":
      return `The plan was issued on ${p("found")}, after the Q2 2026 deadline (${p("lastDay")}).`;
    case "BC_YEAR_MISMATCH":
      return `Report year ${p("found")} differs from the year being collected, ${p("expected")}.`;
    case "BC_DATED_AFTER_DEADLINE":
      return `The report is dated ${p("found")}, after its deadline (before 15/11: the end of ${p("lastDay")}).`;
    case "BC_NO_INDICATORS":
      return "The report has no indicator figure and no activity.";
    case "DNKT_NO_NOMINATIONS":
      return "No collective or individual is nominated.";
    case "DNKT_ROUND_MISMATCH":
      return `Round ${p("found")} differs from the round being collected, ${p("expected")}.`;
    case "DNKT_AWARD_NOT_IN_ROUND":
      return `Row ${p("row")}: award ${p("found")} is not given in round ${p("round")} (allowed: ${p("expected")}).`;
    case "DNKT_FLAG_FOR_INDIVIDUAL":
      return `Row ${p("row")}: the ${p("awardLabel")} is for collectives only, not individuals.`;
    case "DNKT_GROUP_REQUIRED":
      return `Row ${p("row")}: an individual needs a group (officials; entrepreneurs; others).`;
    case "DNKT_KHAC_NEEDS_EVIDENCE":
      return `Row ${p("row")}: an "other" individual needs a written recognition by a competent authority (patent, science prize...).`;
  }
};
