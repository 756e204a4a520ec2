import type { MovementConfig } from "../config";
import { computePeriodDeadline, isDatedLate, isReceivedLate } from "../deadlines";
import { parsePeriodKey, periodKey, type Period, type PeriodKey } from "../catalogue/periods";
import { countBySeverity, createProblem, paramsOf, type Problem } from "../problems";
import { normaliseUnitCode, type Registry } from "../registry";
import type { TemplateKind } from "../template-spec/types";
import { findIdentityConflict, findUnitByName } from "../validate/unit-identity";
import { periodOfDocument } from "../validate/period-of-document";
import {
  attributeByFileName,
  checkFileNameHint,
  classifyUnattributed,
  unitFromFileName,
} from "./attribution";
import type { FileOutcome, SubmittedFile, UnitStatus } from "./types";

/** What the consolidation decided about one file. */
export interface Decision {
  readonly outcome: FileOutcome;
  readonly supersededBy: string | null;
  readonly problems: readonly Problem[];
  readonly attribution: "workbook" | "file_name" | null;
  readonly pointsTo: string | null;
  /** The unit a file is attributed to when the workbook does not say (by its file name). */
  readonly unitCode: string | null;
}

export function decision(outcome: FileOutcome, problems: readonly Problem[]): Decision {
  return { outcome, supersededBy: null, problems, attribution: null, pointsTo: null, unitCode: null };
}

/** The newest file of one unit and period, and what it makes of the unit. */
export interface Chosen {
  readonly file: SubmittedFile;
  readonly period: PeriodKey;
  readonly status: Exclude<UnitStatus, "missing" | "not_due">;
  readonly problems: readonly Problem[];
  readonly duplicates: number;
}

export function groupKey(unitCode: string, period: PeriodKey): string {
  return `${unitCode}\u0000${period}`;
}

function judgeChosenFile(
  period: Period | null,
  file: SubmittedFile,
  problems: readonly Problem[],
  config: MovementConfig,
): Chosen["status"] {
  if (countBySeverity(problems).errors > 0) return "invalid";
  const deadline = period ? computePeriodDeadline(period, config) : null;
  if (deadline && isReceivedLate(file.receivedAt, deadline)) return "late";
  // SUBMISSION_LATE: the validation's own view of the received time; the rest: the document's dates.
  const late = problems.some((problem) => problem.code === "SUBMISSION_LATE") || isDatedLate(problems);
  return late ? "late" : "on_time";
}

/** Newest received first; equal times fall back to the path so that runs are reproducible. */
function byNewest(a: SubmittedFile, b: SubmittedFile): number {
  return b.receivedAt - a.receivedAt || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0);
}

export function byPath(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The period of a file known by its name alone: the default period of its kind in the year it was received. */
function periodOfNamedFile(kind: TemplateKind, file: SubmittedFile, config: MovementConfig): PeriodKey {
  return periodKey(periodOfDocument(kind, null, file.receivedAt, config).period);
}

/** What the consolidation decided about every file received, and the chosen file of each unit and period. */
export interface Decisions {
  readonly outcomes: Map<string, Decision>;
  readonly chosen: ReadonlyMap<string, Chosen>;
  /** The period of each file that has one (written in it, or by its received time when named for a unit). */
  readonly periodOf: ReadonlyMap<string, PeriodKey>;
  /** The kind of a file known by its name alone. */
  readonly attributedKind: ReadonlyMap<string, TemplateKind>;
}

/**
 * Matches every received file to its registry unit (by the code in the workbook, else by its
 * name) and to its period, keeps the newest per unit and period (older ones are duplicates), and
 * judges the chosen one on time, late or invalid by its own period's deadline.
 */
export function decideFiles(
  sorted: readonly SubmittedFile[],
  received: readonly SubmittedFile[],
  registry: Registry,
  config: MovementConfig,
): Decisions {
  const outcomes = new Map<string, Decision>();
  const groups = new Map<string, SubmittedFile[]>();
  const namedOnly = new Map<string, SubmittedFile[]>();
  const attributedKind = new Map<string, TemplateKind>();
  const periodOf = new Map<string, PeriodKey>();
  for (const file of sorted) if (file.period !== null) periodOf.set(file.file, file.period);

  for (const file of received) {
    const unattributed = classifyUnattributed(file);
    if (unattributed === "blank_template") {
      // Nothing was filled in: its "required" errors are not the unit's, and not worth a line each.
      outcomes.set(file.file, decision("blank_template", []));
      continue;
    }
    if (unattributed) {
      const named = attributeByFileName(file, registry);
      if (named) {
        const period = file.period ?? periodOfNamedFile(named.kind, file, config);
        periodOf.set(file.file, period);
        push(namedOnly, groupKey(named.unitCode, period), file);
        attributedKind.set(file.file, named.kind);
        const problems = [
          ...file.problems,
          createProblem("UNIT_FROM_FILE_NAME", "warning", {}, { unit: named.unitCode, kind: named.kind }),
        ];
        outcomes.set(file.file, {
          ...decision(unattributed, problems),
          attribution: "file_name",
          unitCode: named.unitCode,
        });
      } else outcomes.set(file.file, decision(unattributed, file.problems));
      continue;
    }
    const unitCode = normaliseUnitCode(file.unitCode ?? "");
    if (!registry.byCode.has(unitCode)) {
      // A code the registry lacks, under a registered unit's name (a typo in the code): say whose it may be.
      const named = file.unitName === null ? null : findUnitByName(file.unitName, registry);
      outcomes.set(file.file, {
        ...decision("unknown_unit", file.problems),
        pointsTo: named?.code ?? unitFromFileName(file.file, registry),
      });
      continue;
    }
    const conflict = findIdentityConflict(file.problems);
    if (conflict) {
      // The file names one unit and codes another: it speaks for neither, and supersedes nothing.
      const pointsTo =
        paramsOf(conflict, "UNIT_NAME_CONFLICT")?.pointsTo ?? unitFromFileName(file.file, registry);
      outcomes.set(file.file, {
        ...decision("identity_conflict", file.problems),
        attribution: "workbook",
        pointsTo: pointsTo === unitCode ? null : pointsTo,
      });
      continue;
    }
    const period = file.period ?? periodOfNamedFile(file.kind ?? "KH", file, config);
    periodOf.set(file.file, period);
    push(groups, groupKey(unitCode, period), file);
  }

  const chosen = new Map<string, Chosen>();
  for (const [key, files] of groups) {
    const [newest, ...older] = files.slice().sort(byNewest);
    if (!newest) continue;
    const unitCode = normaliseUnitCode(newest.unitCode ?? "");
    const period = periodOf.get(newest.file) ?? "";
    const newestProblems = [...newest.problems, ...checkFileNameHint(newest, registry, unitCode)];
    const status = judgeChosenFile(parsePeriodKey(period), newest, newestProblems, config);
    chosen.set(key, { file: newest, period, status, problems: newestProblems, duplicates: older.length });
    outcomes.set(newest.file, { ...decision(status, newestProblems), attribution: "workbook" });
    for (const file of older) {
      outcomes.set(file.file, {
        ...decision("duplicate", [...file.problems, ...checkFileNameHint(file, registry, unitCode)]),
        supersededBy: newest.file,
        attribution: "workbook",
      });
    }
  }
  // A file known by its name alone never supersedes a workbook that says whose it is; without
  // one, the newest makes its unit invalid (it must resend), not missing.
  for (const [key, files] of namedOnly) {
    if (chosen.has(key)) continue;
    const [newest, ...older] = files.slice().sort(byNewest);
    const newestDecision = newest ? outcomes.get(newest.file) : undefined;
    if (!newest || !newestDecision) continue;
    chosen.set(key, {
      file: newest,
      period: periodOf.get(newest.file) ?? "",
      status: "invalid",
      problems: newestDecision.problems,
      duplicates: older.length,
    });
    outcomes.set(newest.file, { ...newestDecision, outcome: "invalid" });
    for (const file of older) {
      const olderDecision = outcomes.get(file.file);
      if (olderDecision)
        outcomes.set(file.file, { ...olderDecision, outcome: "duplicate", supersededBy: newest.file });
    }
  }

  return { outcomes, chosen, periodOf, attributedKind };
}
