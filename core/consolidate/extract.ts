import { routeNomination, type AwardCode } from "../catalogue/awards";
import type { ContentCode } from "../catalogue/contents";
import { INDICATORS } from "../catalogue/indicators";
import { periodKey } from "../catalogue/periods";
import type { IndividualGroupCode, NomineeKindCode } from "../catalogue/unit-types";
import { indicatorFieldKey } from "../template-spec/bc";
import { UNREADABLE_FILE_CODES } from "../problems";
import { isTemplateKind } from "../template-spec/index";
import type { ParsedDocument, ParsedRow } from "../validate/read-document";
import type { ValidationResult } from "../validate/validate";
import type {
  IndicatorExtract,
  NominationExtract,
  SubmissionExtracts,
  SubmittedFile,
  TaskExtract,
} from "./types";

function text(row: ParsedRow, key: string): string | null {
  const value = row.values[key];
  return typeof value === "string" ? value : null;
}

function extractTasks(document: ParsedDocument): TaskExtract[] {
  return (document.tables.tasks ?? []).map((row) => ({
    row: row.row,
    content: text(row, "content") as ContentCode | null,
    task: text(row, "task"),
    target: text(row, "target"),
    lead: text(row, "lead"),
    deadline: text(row, "deadline"),
    expectedResult: text(row, "expectedResult"),
  }));
}

function extractIndicators(document: ParsedDocument): IndicatorExtract[] {
  return INDICATORS.flatMap((indicator) => {
    const value = document.fields[indicatorFieldKey(indicator.code)];
    return typeof value === "number" ? [{ code: indicator.code, value }] : [];
  });
}

function extractNominations(document: ParsedDocument): NominationExtract[] {
  return (document.tables.nominations ?? []).map((row) => {
    const content = text(row, "content") as ContentCode | null;
    return {
      row: row.row,
      nomineeKind: text(row, "nomineeKind") as NomineeKindCode | null,
      nomineeName: text(row, "nomineeName"),
      position: text(row, "position"),
      individualGroup: text(row, "individualGroup") as IndividualGroupCode | null,
      award: text(row, "award") as AwardCode | null,
      content,
      achievement: text(row, "achievement"),
      evidence: text(row, "evidence"),
      department: content ? routeNomination(content) : null,
    };
  });
}

/** The rows a document contributes to the province-wide sheets. */
export function extractSubmission(document: ParsedDocument | null): SubmissionExtracts {
  if (!document) return { tasks: [], indicators: [], nominations: [] };
  return {
    tasks: extractTasks(document),
    indicators: extractIndicators(document),
    nominations: extractNominations(document),
  };
}

/** A template with nothing filled in: no field and no table row holds a value. */
function isBlankDocument(document: ParsedDocument | null): boolean {
  if (!document) return false;
  return (
    Object.values(document.fields).every((value) => value === null) &&
    Object.values(document.tables).every((rows) => rows.length === 0)
  );
}

/** What the consolidation keeps of a validated file: small enough to pass between threads. */
export function toSubmittedFile(
  validation: ValidationResult,
  file: { file: string; receivedAt: number; sizeBytes: number; sha256: string },
): SubmittedFile {
  const kind = validation.kind !== null && isTemplateKind(validation.kind) ? validation.kind : null;
  return {
    ...file,
    kind,
    version: validation.version,
    readable: !validation.problems.some((problem) => UNREADABLE_FILE_CODES.has(problem.code)),
    unitCode: validation.unit?.code ?? null,
    unitName: validation.unit?.name ?? null,
    problems: validation.problems,
    blank: isBlankDocument(validation.document),
    period: validation.period ? periodKey(validation.period.period) : null,
    extracts: extractSubmission(validation.document),
  };
}
