import type { LocalizedText } from "./catalogue/types";

/** Problems that leave nothing to read in the file: its content counts for nothing. */
const UNREADABLE_FILE_CODE_LIST = [
  "FILE_EMPTY",
  "FILE_NOT_ZIP",
  "FILE_LEGACY_XLS",
  "FILE_ENCRYPTED",
  "FILE_TRUNCATED",
  "FILE_ZIP_BOMB",
  "FILE_NOT_WORKBOOK",
  "FILE_UNREADABLE",
  "FILE_CHECK_FAILED",
  "FILE_SYSTEM_FILE",
  "FILE_GONE",
] as const;

/** Every problem the product can report. Wording lives in core/messages/, one catalogue per language. */
export const PROBLEM_CODES = [
  // The file itself
  ...UNREADABLE_FILE_CODE_LIST,
  "FOLDER_UNREADABLE",
  "RECEIVED_TIMES_SHARED",
  "WORKBOOK_EMPTY",
  // The template
  "TEMPLATE_STAMP_MISSING",
  "TEMPLATE_KIND_UNKNOWN",
  "TEMPLATE_VERSION_OLD",
  "TEMPLATE_VERSION_UNKNOWN",
  "SHEET_MISSING",
  "TABLE_TOO_LONG",
  // Rows or columns moved in a submission (found by header labels and indicator codes)
  "TABLE_MOVED",
  "TABLE_HEADER_NOT_FOUND",
  "TABLE_HEADER_AMBIGUOUS",
  "INDICATOR_ROWS_MOVED",
  "INDICATOR_CODES_MISSING",
  "INDICATOR_CODE_DUPLICATE",
  "INDICATOR_ROW_UNKNOWN",
  "FIELD_ROWS_MOVED",
  "FIELD_LABELS_MISSING",
  "FIELD_LABEL_DUPLICATE",
  // One value
  "REQUIRED_MISSING",
  "FORMULA_ERROR",
  "FORMULA_NO_RESULT",
  "MERGED_INPUT_CELL",
  "TEXT_EXPECTED",
  "TEXT_TOO_LONG",
  "NUMBER_EXPECTED",
  "NUMBER_AMBIGUOUS",
  "INTEGER_EXPECTED",
  "NUMBER_NEGATIVE",
  "NUMBER_TOO_LARGE",
  "PERCENT_OUT_OF_RANGE",
  "PERCENT_LOOKS_LIKE_FRACTION",
  "DATE_EXPECTED",
  "DATE_IMPOSSIBLE",
  "YEAR_EXPECTED",
  "ENUM_UNKNOWN",
  "EMAIL_INVALID",
  "DOC_NUMBER_INVALID",
  // The unit and the registry
  "UNIT_UNKNOWN",
  "UNIT_TYPE_MISMATCH",
  "UNIT_CODE_FILE_NAME_MISMATCH",
  "UNIT_NAME_CONFLICT",
  "UNIT_NAME_DIFFERS",
  "UNIT_FROM_FILE_NAME",
  "REGISTRY_DUPLICATE_CODE",
  "SUBMISSION_LATE",
  // KH: unit plan
  "KH_NO_TASKS",
  "KH_TASK_DEADLINE_OUT_OF_RANGE",
  "KH_CRITERION_OTHER_TYPE",
  "KH_CRITERION_UNCOVERED",
  "KH_ISSUED_AFTER_DEADLINE",
  "KH_ISSUED_AFTER_PHASE1",
  // BC: yearly report
  "BC_YEAR_MISMATCH",
  "BC_DATED_AFTER_DEADLINE",
  "BC_NO_INDICATORS",
  // DN-KT: nominations
  "DNKT_NO_NOMINATIONS",
  "DNKT_ROUND_MISMATCH",
  "DNKT_AWARD_NOT_IN_ROUND",
  "DNKT_FLAG_FOR_INDIVIDUAL",
  "DNKT_GROUP_REQUIRED",
  "DNKT_KHAC_NEEDS_EVIDENCE",
  // The registry as Sở Nội vụ keeps it (issue 17)
  "UNIT_CODE_NORMALISED",
  "REGISTRY_CODE_INVALID",
  "REGISTRY_ROW_HEADING",
  "REGISTRY_ROW_FOOTER",
  "REGISTRY_ROWS_BLANK",
  // OneDrive / SharePoint (the source's own: who sent which version, and what the service did to it)
  "FILE_ALTERED_BY_SERVICE",
  "FILE_EDITED_LATER",
  "FILE_UNIT_VERSION_MISSING",
  "FILE_MODIFIED_BY_OTHER",
  "UPLOAD_TIMES_SHARED",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const UNREADABLE_FILE_CODES: ReadonlySet<ProblemCode> = new Set(UNREADABLE_FILE_CODE_LIST);

export type Severity = "error" | "warning";

export type ProblemParam = string | number | boolean | null | LocalizedText;

/** A problem is a value: a code, where it is, and the facts a message needs. No prose. */
export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** Sheet name, or null for a whole-file problem. */
  readonly sheet: string | null;
  /** A1 address, or null for a whole-file or whole-sheet problem. */
  readonly cell: string | null;
  readonly params: Readonly<Record<string, ProblemParam>>;
}

type TemplateVersionParams = { readonly found: string; readonly expected: string; readonly kind: string };

/**
 * The params of the codes whose facts are read outside the message catalogues (by the
 * consolidation, the workbook writer, the pane), typed per code: createProblem checks them where a
 * problem is made, and paramsOf reads them back, so no reader looks a fact up by a string name.
 */
export interface TypedProblemParams {
  readonly UNIT_NAME_CONFLICT: {
    readonly found: string;
    readonly unit: string;
    readonly expected: string;
    /** The registry unit the name belongs to, when it is another one's. */
    readonly pointsTo: string | null;
    readonly pointsToName: string | null;
  };
  readonly FOLDER_UNREADABLE: { readonly folder: string; readonly reason: string };
  readonly TEMPLATE_VERSION_OLD: TemplateVersionParams;
  readonly TEMPLATE_VERSION_UNKNOWN: TemplateVersionParams;
}

type TypedProblemCode = keyof TypedProblemParams;

/** What a code's params must be: typed for the codes above, any facts for the others. */
export type ProblemParamsOf<Code extends ProblemCode> = Code extends TypedProblemCode
  ? TypedProblemParams[Code]
  : Readonly<Record<string, ProblemParam>>;

export function createProblem<Code extends ProblemCode>(
  code: Code,
  severity: Severity,
  where: { sheet?: string | null; cell?: string | null },
  params: ProblemParamsOf<Code> = {} as ProblemParamsOf<Code>,
): Problem {
  return {
    code,
    severity,
    sheet: where.sheet ?? null,
    cell: where.cell ?? null,
    params: params as Readonly<Record<string, ProblemParam>>,
  };
}

/** The typed params of a problem of that code, or null when the problem is of another code. */
export function paramsOf<Code extends TypedProblemCode>(
  problem: Problem,
  code: Code,
): TypedProblemParams[Code] | null {
  return problem.code === code ? (problem.params as unknown as TypedProblemParams[Code]) : null;
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const problem of problems) if (problem.severity === "error") errors += 1;
  return { errors, warnings: problems.length - errors };
}
