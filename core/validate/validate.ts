import type { UnitTypeCode } from "../catalogue/unit-types";
import type { MovementConfig } from "../config";
import { periodOfDocument, type DocumentPeriod } from "./period-of-document";
import { createProblem, type Problem, type ProblemCode } from "../problems";
import type { Registry } from "../registry";
import { workbookSnapshotSchema, type WorkbookSnapshot } from "../snapshot";
import type { TemplateKind, WorkbookKind } from "../template-spec/types";
import { SUBMISSION_SPECS, isTemplateKind } from "../template-spec/index";
import { BC_RULES } from "./bc-rules";
import { COMMON_RULES } from "./common-rules";
import { DNKT_RULES } from "./dnkt-rules";
import { KH_RULES } from "./kh-rules";
import { detectTemplate, readDocument, type ParsedDocument } from "./read-document";
import type { Rule, RuleContext } from "./rule-context";
import { parseA1 } from "../values/a1";

const STRUCTURE_CODES: ReadonlySet<ProblemCode> = new Set([
  "SHEET_MISSING",
  "TABLE_HEADER_NOT_FOUND",
  "TABLE_HEADER_AMBIGUOUS",
]);

export const RULES_BY_KIND: Readonly<Record<TemplateKind, readonly Rule[]>> = {
  KH: [...COMMON_RULES, ...KH_RULES],
  BC: [...COMMON_RULES, ...BC_RULES],
  "DN-KT": [...COMMON_RULES, ...DNKT_RULES],
};

export interface ValidationOptions {
  readonly config: MovementConfig;
  readonly registry?: Registry | null;
  readonly receivedAt?: number | null;
}

export interface SubmissionUnit {
  readonly code: string | null;
  readonly name: string | null;
  readonly type: UnitTypeCode | null;
}

export interface ValidationResult {
  /** The kind the stamp names (even when its version is refused), or null. */
  readonly kind: WorkbookKind | string | null;
  readonly version: string | null;
  readonly unit: SubmissionUnit | null;
  readonly problems: readonly Problem[];
  /** The parsed content, when the template was recognised. */
  readonly document: ParsedDocument | null;
  /** The period the file is for, when its kind is known (see periodOfDocument). */
  readonly period: DocumentPeriod | null;
}

function readUnit(document: ParsedDocument): SubmissionUnit {
  const text = (key: string): string | null => {
    const value = document.fields[key];
    return typeof value === "string" ? value : null;
  };
  return { code: text("unitCode"), name: text("unitName"), type: text("unitType") as UnitTypeCode | null };
}

/**
 * A template of a refused version is still attributed to its unit when the unit block sits
 * where it sits today (it has not moved since 2026.0), so that the unit shows as invalid, not missing.
 */
function readUnitOfRefusedVersion(snapshot: WorkbookSnapshot, kind: string | null): SubmissionUnit | null {
  if (kind === null || !isTemplateKind(kind)) return null;
  const unit = readUnit(readDocument(snapshot, SUBMISSION_SPECS[kind]).document);
  return unit.code === null ? null : unit;
}

/**
 * Validates a workbook snapshot: its shape (zod), its template stamp, every field and table by
 * the spec, then the rules of its kind. Bad data gives problems; nothing here throws for it.
 */
export function validateWorkbook(input: unknown, options: ValidationOptions): ValidationResult {
  const shape = workbookSnapshotSchema.safeParse(input);
  if (!shape.success) {
    return {
      kind: null,
      version: null,
      unit: null,
      document: null,
      period: null,
      problems: [
        createProblem("FILE_UNREADABLE", "error", {}, { reason: shape.error.issues[0]?.message ?? "" }),
      ],
    };
  }
  return validateSnapshot(shape.data, options);
}

/**
 * Validates a snapshot its reader built to the type (xlsx-read): the same as validateWorkbook
 * without the shape check, which copied every cell of every file of a consolidation for nothing.
 * An adapter whose values are untyped (Office.js, JSON) goes through validateWorkbook.
 */
export function validateSnapshot(snapshot: WorkbookSnapshot, options: ValidationOptions): ValidationResult {
  const detection = detectTemplate(snapshot);
  const receivedAt = options.receivedAt ?? null;
  if (!detection.ok)
    return {
      kind: detection.kind,
      version: detection.version,
      unit: readUnitOfRefusedVersion(snapshot, detection.kind),
      document: null,
      period:
        detection.kind !== null && isTemplateKind(detection.kind)
          ? periodOfDocument(detection.kind, null, receivedAt, options.config)
          : null,
      problems: [detection.problem],
    };
  const { spec, version } = detection;
  const { document, problems } = readDocument(snapshot, spec);
  const period = isTemplateKind(spec.kind)
    ? periodOfDocument(spec.kind, document.fields, receivedAt, options.config)
    : periodOfDocument("KH", null, receivedAt, options.config);
  const context: RuleContext = {
    document,
    config: options.config,
    registry: options.registry ?? null,
    receivedAt,
    period,
  };
  // With a sheet missing or a table not found, the kind's rules would report its tables as empty:
  // the structure comes first.
  const sheetMissing = problems.some((problem) => STRUCTURE_CODES.has(problem.code));
  const rules = spec.kind === "DS-DV" ? [] : sheetMissing ? COMMON_RULES : RULES_BY_KIND[spec.kind];
  for (const rule of rules) problems.push(...rule(context));
  return {
    kind: spec.kind,
    version,
    unit: readUnit(document),
    document,
    period: isTemplateKind(spec.kind) ? period : null,
    problems: sortProblems(problems),
  };
}

/** Whole-file problems first, then by sheet order of appearance, row, column. */
function sortProblems(problems: Problem[]): Problem[] {
  const sheetOrder = new Map<string, number>();
  for (const problem of problems)
    if (problem.sheet !== null && !sheetOrder.has(problem.sheet))
      sheetOrder.set(problem.sheet, sheetOrder.size);
  const position = (problem: Problem): [number, number, number] => {
    const address = problem.cell ? parseA1(problem.cell) : null;
    return [
      problem.sheet === null ? -1 : (sheetOrder.get(problem.sheet) ?? 0),
      address?.row ?? 0,
      address?.columnNumber ?? 0,
    ];
  };
  return problems
    .map((problem, index) => ({ problem, index, key: position(problem) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.index - b.index)
    .map((entry) => entry.problem);
}
