import { INDICATORS } from "../catalogue/indicators";
import { UNIT_TYPES, type UnitTypeCode } from "../catalogue/unit-types";
import type { MovementConfig } from "../config";
import { computeDeadline, isReceivedLate } from "../deadlines";
import { countBySeverity, createProblem, type Problem, type ProblemCode } from "../problems";
import { normaliseUnitCode, type Registry, type RegistryUnit } from "../registry";
import { CURRENT_TEMPLATE_VERSION, TEMPLATE_KINDS } from "../spec/index";
import type { TemplateKind } from "../spec/types";
import { RULES_VERSION } from "../version";
import type {
  ConsolidatedFile,
  ConsolidationResult,
  FileOutcome,
  GroupTotals,
  IndicatorTotal,
  SubmittedFile,
  Totals,
  UnitKindStatus,
  UnitStatus,
} from "./types";

/** Warnings that mean the document itself is dated too late: the file counts as late. */
const LATENESS_CODES: ReadonlySet<ProblemCode> = new Set([
  "SUBMISSION_LATE",
  "KH_ISSUED_AFTER_DEADLINE",
  "KH_ISSUED_AFTER_PHASE1",
  "BC_DATED_AFTER_DEADLINE",
]);

function registeredCode(code: string | null, registry: Registry): string | null {
  if (code === null) return null;
  const normalised = normaliseUnitCode(code);
  return registry.byCode.has(normalised) ? normalised : code;
}

/** The group of units whose registry row names no cluster (the registry's problems say which). */
const NO_CLUSTER_LABEL = "(chưa ghi cụm, khối)";

export interface ConsolidationInput {
  readonly files: readonly SubmittedFile[];
  readonly registry: Registry;
  readonly config: MovementConfig;
  /** Epoch ms: files received after it are not counted (they had not arrived yet). */
  readonly asOf: number;
  readonly source: string;
  readonly registryFile?: {
    readonly file: string;
    readonly sha256: string;
    readonly problems: readonly Problem[];
  };
  readonly kindsFilter?: readonly TemplateKind[] | null;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function computeTotals(statuses: readonly UnitKindStatus[]): Totals {
  const count = (status: UnitStatus): number => statuses.filter((entry) => entry.status === status).length;
  const expected = statuses.length;
  const onTime = count("on_time");
  const late = count("late");
  const invalid = count("invalid");
  const missing = count("missing");
  const received = onTime + late + invalid;
  return {
    expected,
    received,
    onTime,
    late,
    invalid,
    missing,
    reportingRate: expected === 0 ? 0 : round1((received / expected) * 100),
    onTimeRate: expected === 0 ? 0 : round1((onTime / expected) * 100),
  };
}

/** Separators between the parts of a file name; "-" is not one, as codes may contain it ("UBND-KY"). */
const FILE_NAME_SEPARATORS = /[\s_.,;()[\]]+/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A kind's code as a whole part of an upper-cased file name. */
const KIND_MENTIONS = TEMPLATE_KINDS.map(
  (kind) => new RegExp(`(^|[^A-Z0-9])${escapeRegExp(kind)}(?=$|[^A-Z0-9])`),
);

/**
 * Parts of a file name that may be unit codes ("KH_SNV_2026.xlsx" → SNV, 2026): each part, and
 * each part split at hyphens too. A template kind ("DN-KT", "KH") is the kind, not a unit, even
 * when a registered unit's code equals it or one of its pieces: its first mention is left out.
 */
function fileNameCandidates(file: string): string[] {
  let base = (file.split("/").pop() ?? file).replace(/\.[^.]+$/, "").toUpperCase();
  for (const mention of KIND_MENTIONS) base = base.replace(mention, "$1 ");
  const parts = base.split(FILE_NAME_SEPARATORS).filter(Boolean);
  const pieces = parts.flatMap((part) => part.split(/[^A-Z0-9]+/)).filter(Boolean);
  return [...new Set([...parts, ...pieces])];
}

/** The file name is only a hint: when it names another registered unit, say so and trust the workbook. */
function checkFileNameHint(file: SubmittedFile, registry: Registry, unitCode: string): Problem[] {
  const named = fileNameCandidates(file.file).filter((candidate) => registry.byCode.has(candidate));
  if (named.length === 0 || named.includes(unitCode)) return [];
  return [
    createProblem(
      "UNIT_CODE_FILE_NAME_MISMATCH",
      "warning",
      {},
      { fromFileName: named[0] ?? "", found: unitCode },
    ),
  ];
}

function classifyUnattributed(file: SubmittedFile): FileOutcome | null {
  if (!file.readable) return "unreadable";
  if (file.kind === null) return "not_a_template";
  if (file.unitCode === null)
    return file.version !== null && countBySeverity(file.problems).errors > 0 ? "invalid" : "not_a_template";
  return null;
}

function judgeChosenFile(
  file: SubmittedFile,
  problems: readonly Problem[],
  config: MovementConfig,
): Exclude<UnitStatus, "missing"> {
  if (countBySeverity(problems).errors > 0) return "invalid";
  const deadline = file.kind ? computeDeadline(file.kind, config) : null;
  if (deadline && isReceivedLate(file.receivedAt, deadline)) return "late";
  return problems.some((problem) => LATENESS_CODES.has(problem.code)) ? "late" : "on_time";
}

/** Newest received first; equal times fall back to the path so that runs are reproducible. */
function byNewest(a: SubmittedFile, b: SubmittedFile): number {
  return b.receivedAt - a.receivedAt || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0);
}

function groupTotals(
  statuses: readonly UnitKindStatus[],
  keyOf: (unit: RegistryUnit) => string,
  labelOf: (key: string) => string,
): GroupTotals[] {
  const keys = [...new Set(statuses.map((entry) => keyOf(entry.unit)))];
  return keys.map((key) => ({
    key,
    label: labelOf(key),
    totals: computeTotals(statuses.filter((entry) => keyOf(entry.unit) === key)),
  }));
}

function aggregate(values: readonly number[], measure: "count" | "percent"): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((total, value) => total + value, 0);
  return measure === "count" ? sum : round1(sum / values.length);
}

/**
 * Who sent what: matches every file to its registry unit by the code inside the workbook, keeps
 * the newest per unit and kind (older ones are duplicates, listed), and judges each expected unit
 * on time, late, invalid or missing as of a given moment. Pure: the same input gives the same result.
 */
export function consolidate(input: ConsolidationInput): ConsolidationResult {
  const { registry, config, asOf } = input;
  const byPath = (a: SubmittedFile, b: SubmittedFile): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  const received = input.files.filter((file) => file.receivedAt <= asOf).sort(byPath);
  // Files received after the as-of moment are not judged (the figures are as of then), but listed, never dropped.
  const later = input.files.filter((file) => file.receivedAt > asOf);
  const outcomes = new Map<
    string,
    { outcome: FileOutcome; supersededBy: string | null; problems: readonly Problem[] }
  >();
  const groups = new Map<string, SubmittedFile[]>();

  for (const file of received) {
    const unattributed = classifyUnattributed(file);
    if (unattributed) {
      outcomes.set(file.file, { outcome: unattributed, supersededBy: null, problems: file.problems });
      continue;
    }
    const unitCode = normaliseUnitCode(file.unitCode ?? "");
    if (!registry.byCode.has(unitCode)) {
      outcomes.set(file.file, { outcome: "unknown_unit", supersededBy: null, problems: file.problems });
      continue;
    }
    const key = `${unitCode}\u0000${file.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }

  const chosen = new Map<
    string,
    { file: SubmittedFile; status: UnitStatus; problems: readonly Problem[]; duplicates: number }
  >();
  for (const [key, files] of groups) {
    const [newest, ...older] = files.slice().sort(byNewest);
    if (!newest) continue;
    const unitCode = normaliseUnitCode(newest.unitCode ?? "");
    const newestProblems = [...newest.problems, ...checkFileNameHint(newest, registry, unitCode)];
    const status = judgeChosenFile(newest, newestProblems, config);
    chosen.set(key, { file: newest, status, problems: newestProblems, duplicates: older.length });
    outcomes.set(newest.file, { outcome: status, supersededBy: null, problems: newestProblems });
    for (const file of older) {
      outcomes.set(file.file, {
        outcome: "duplicate",
        supersededBy: newest.file,
        problems: [...file.problems, ...checkFileNameHint(file, registry, unitCode)],
      });
    }
  }

  const statuses: UnitKindStatus[] = [];
  for (const unit of registry.units) {
    for (const kind of TEMPLATE_KINDS.filter((candidate) => config.expectedKinds.includes(candidate))) {
      const entry = chosen.get(`${normaliseUnitCode(unit.code)}\u0000${kind}`);
      const counts = entry ? countBySeverity(entry.problems) : { errors: 0, warnings: 0 };
      statuses.push({
        unit,
        kind,
        status: entry?.status ?? "missing",
        file: entry?.file.file ?? null,
        receivedAt: entry?.file.receivedAt ?? null,
        errors: counts.errors,
        warnings: counts.warnings,
        duplicates: entry?.duplicates ?? 0,
      });
    }
  }

  for (const file of later)
    outcomes.set(file.file, { outcome: "after_as_of", supersededBy: null, problems: file.problems });
  const files: ConsolidatedFile[] = [...received, ...later].sort(byPath).map((file) => {
    const decided = outcomes.get(file.file) ?? {
      outcome: "not_a_template" as FileOutcome,
      supersededBy: null,
      problems: file.problems,
    };
    const counts = countBySeverity(decided.problems);
    return {
      file: file.file,
      receivedAt: file.receivedAt,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      // A code typed " syt " that the registry knows is shown as the registry's SYT.
      kind: file.kind,
      version: file.version,
      unitCode: registeredCode(file.unitCode, registry),
      unitName: file.unitName,
      outcome: decided.outcome,
      supersededBy: decided.supersededBy,
      errors: counts.errors,
      warnings: counts.warnings,
      problems: decided.problems,
      ...(file.origin ? { origin: file.origin } : {}),
    };
  });

  // Province-wide rows come from the accepted file of each unit and kind, never from invalid or older ones.
  const accepted = [...chosen.values()]
    .filter((entry) => entry.status !== "invalid")
    .map((entry) => ({ ...entry, unit: registry.byCode.get(normaliseUnitCode(entry.file.unitCode ?? "")) }))
    .filter((entry): entry is typeof entry & { unit: RegistryUnit } => entry.unit !== undefined)
    .sort((a, b) => (a.file.file < b.file.file ? -1 : 1));
  const tasks = accepted.flatMap(({ file, unit }) =>
    file.extracts.tasks.map((task) => ({
      ...task,
      unitCode: unit.code,
      unitName: unit.name,
      file: file.file,
    })),
  );
  const indicators = accepted.flatMap(({ file, unit }) =>
    file.extracts.indicators.map((indicator) => ({
      ...indicator,
      unitCode: unit.code,
      unitName: unit.name,
      unitType: unit.type,
      file: file.file,
    })),
  );
  const nominations = accepted.flatMap(({ file, unit }) =>
    file.extracts.nominations.map((nomination) => ({
      ...nomination,
      unitCode: unit.code,
      unitName: unit.name,
      file: file.file,
    })),
  );

  const indicatorTotals: IndicatorTotal[] = INDICATORS.map((indicator) => {
    const rows = indicators.filter((row) => row.code === indicator.code);
    const byUnitType = Object.fromEntries(
      UNIT_TYPES.map((type) => [
        type.code,
        aggregate(
          rows.filter((row) => row.unitType === type.code).map((row) => row.value),
          indicator.measure,
        ),
      ]),
    ) as Record<UnitTypeCode, number | null>;
    return {
      code: indicator.code,
      content: indicator.content,
      measure: indicator.measure,
      reporting: rows.length,
      province: aggregate(
        rows.map((row) => row.value),
        indicator.measure,
      ),
      byUnitType,
    };
  });

  const problemCounts = new Map<string, { count: number; files: Set<string> }>();
  for (const file of files) {
    if (file.outcome === "after_as_of") continue;
    for (const problem of file.problems) {
      const entry = problemCounts.get(problem.code) ?? { count: 0, files: new Set<string>() };
      entry.count += 1;
      entry.files.add(file.file);
      problemCounts.set(problem.code, entry);
    }
  }
  const topProblems = [...problemCounts.entries()]
    .map(([code, entry]) => ({ code, count: entry.count, files: entry.files.size }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));

  const typeLabel = (code: string): string => UNIT_TYPES.find((type) => type.code === code)?.short ?? code;
  const typeOrder = (code: string): number => UNIT_TYPES.findIndex((type) => type.code === code);
  return {
    asOf,
    source: input.source,
    registry: input.registryFile ? { ...input.registryFile, units: registry.units.length } : null,
    kindsFilter: input.kindsFilter ?? null,
    config,
    templateVersion: CURRENT_TEMPLATE_VERSION,
    ruleVersion: RULES_VERSION,
    totals: computeTotals(statuses),
    totalsByKind: TEMPLATE_KINDS.filter((kind) => config.expectedKinds.includes(kind)).map(
      (kind: TemplateKind) => ({
        kind,
        totals: computeTotals(statuses.filter((entry) => entry.kind === kind)),
      }),
    ),
    byUnitType: groupTotals(statuses, (unit) => unit.type, typeLabel).sort(
      (a, b) => typeOrder(a.key) - typeOrder(b.key),
    ),
    byCluster: groupTotals(
      statuses,
      (unit) => unit.cluster,
      (key) => key || NO_CLUSTER_LABEL,
    ).sort((a, b) => a.key.localeCompare(b.key, "vi")),
    statuses,
    files,
    tasks,
    indicators,
    indicatorTotals,
    nominations,
    topProblems,
  };
}
