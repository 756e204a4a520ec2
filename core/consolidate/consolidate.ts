import { INDICATORS } from "../catalogue/indicators";
import { UNIT_TYPES, type UnitTypeCode } from "../catalogue/unit-types";
import type { MovementConfig } from "../config";
import { computeDeadline, isReceivedLate } from "../deadlines";
import { countBySeverity, createProblem, type Problem, type ProblemCode } from "../problems";
import { normaliseUnitCode, type Registry, type RegistryUnit } from "../registry";
import { CURRENT_TEMPLATE_VERSION, TEMPLATE_KINDS } from "../spec/index";
import type { TemplateKind } from "../spec/types";
import { RULES_VERSION } from "../version";
import { findIdentityConflict, findUnitByName } from "../validate/unit-identity";
import { formatVietnamDateTime } from "../values/calendar";
import {
  FILE_OUTCOMES,
  FOLLOW_UP_ORDER,
  type ConsolidatedFile,
  type ConsolidationResult,
  type FileOutcome,
  type GroupTotals,
  type IndicatorTotal,
  type SourceListing,
  type SubmittedFile,
  type Totals,
  type UnitKindStatus,
  type UnitStatus,
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
  /** What the source found besides the files handed over, and what its received times are. */
  readonly listing?: SourceListing;
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
  if (file.blank === true) return "blank_template";
  if (!file.readable) return "unreadable";
  if (file.kind === null) return "not_a_template";
  if (file.unitCode === null)
    return file.version !== null && countBySeverity(file.problems).errors > 0 ? "invalid" : "not_a_template";
  return null;
}

/** The kind a file name names ("KH_SNV.xlsx" → KH), when it names exactly one. */
function kindFromFileName(file: string): TemplateKind | null {
  const base = (file.split("/").pop() ?? file).toUpperCase();
  const named = TEMPLATE_KINDS.filter((_kind, index) => KIND_MENTIONS[index]?.test(base) === true);
  return named.length === 1 ? (named[0] ?? null) : null;
}

/** The one registered unit a file name names, or null (none, or several). */
function unitFromFileName(file: string, registry: Registry): string | null {
  const named = [...new Set(fileNameCandidates(file).filter((candidate) => registry.byCode.has(candidate)))];
  return named.length === 1 ? (named[0] ?? null) : null;
}

/**
 * A file that cannot be read, or is not a template, is still the unit's attempt when its name
 * names a registered unit and a kind ("KH_DN031.xlsx", 0 bytes): the unit sent something, so it
 * is invalid (resend), not missing. A blank template is never attributed: nothing was sent.
 */
function attributeByFileName(
  file: SubmittedFile,
  registry: Registry,
): { unitCode: string; kind: TemplateKind } | null {
  const unitCode = unitFromFileName(file.file, registry);
  const kind = file.kind ?? kindFromFileName(file.file);
  return unitCode !== null && kind !== null ? { unitCode, kind } : null;
}

/** What the consolidation decided about one file. */
interface Decision {
  readonly outcome: FileOutcome;
  readonly supersededBy: string | null;
  readonly problems: readonly Problem[];
  readonly attribution: "workbook" | "file_name" | null;
  readonly pointsTo: string | null;
  /** The unit a file is attributed to when the workbook does not say (by its file name). */
  readonly unitCode: string | null;
}

function decision(outcome: FileOutcome, problems: readonly Problem[]): Decision {
  return { outcome, supersededBy: null, problems, attribution: null, pointsTo: null, unitCode: null };
}

/** A copy of the folder gives every file the copy's time: at least this many in one minute, and this share. */
const SHARED_TIME_MIN_FILES = 10;
const SHARED_TIME_MIN_SHARE = 0.25;
const SHARED_TIME_WINDOW_MS = 60_000;

/**
 * Received times from a folder are file modification times: a plain copy of the folder gives
 * them all the time of the copy. On OneDrive, a bulk copy by an administrator does the same to
 * upload times. Many files within one minute is the sign; say so.
 */
function checkSharedReceivedTimes(
  files: readonly ConsolidatedFile[],
  meaning: "modification_time" | "upload_time",
): Problem[] {
  const times = files.map((file) => file.receivedAt).sort((a, b) => a - b);
  let best = 0;
  let bestAt = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) > SHARED_TIME_WINDOW_MS) start += 1;
    if (end - start + 1 > best) {
      best = end - start + 1;
      bestAt = times[start] ?? 0;
    }
  }
  if (best < SHARED_TIME_MIN_FILES || best < times.length * SHARED_TIME_MIN_SHARE) return [];
  return [
    createProblem(
      meaning === "upload_time" ? "UPLOAD_TIMES_SHARED" : "RECEIVED_TIMES_SHARED",
      "warning",
      {},
      { count: best, total: times.length, at: formatVietnamDateTime(bestAt) },
    ),
  ];
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
): GroupTotals[] {
  const keys = [...new Set(statuses.map((entry) => keyOf(entry.unit)))];
  return keys.map((key) => ({
    key,
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
  const { registry, asOf } = input;
  const kindsFilter = input.kindsFilter ?? null;
  // --kind narrows what is consolidated; it never makes a kind expected that the config does not.
  const config: MovementConfig = kindsFilter
    ? {
        ...input.config,
        expectedKinds: input.config.expectedKinds.filter((kind) => kindsFilter.includes(kind)),
      }
    : input.config;
  const byPath = (a: { file: string }, b: { file: string }): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  const received = input.files.filter((file) => file.receivedAt <= asOf).sort(byPath);
  // Files received after the as-of moment are not judged (the figures are as of then), but listed, never dropped.
  const later = input.files.filter((file) => file.receivedAt > asOf);
  const outcomes = new Map<string, Decision>();
  const groups = new Map<string, SubmittedFile[]>();
  const namedOnly = new Map<string, SubmittedFile[]>();
  const attributedKind = new Map<string, TemplateKind>();

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
        const key = `${named.unitCode}\u0000${named.kind}`;
        namedOnly.set(key, [...(namedOnly.get(key) ?? []), file]);
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
        (typeof conflict.params.pointsTo === "string" ? conflict.params.pointsTo : null) ??
        unitFromFileName(file.file, registry);
      outcomes.set(file.file, {
        ...decision("identity_conflict", file.problems),
        attribution: "workbook",
        pointsTo: pointsTo === unitCode ? null : pointsTo,
      });
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

  // A unit whose name sits in a file coded for another unit: that file may be its own, sent wrong.
  const pointedBy = new Map<string, string[]>();
  for (const file of received) {
    const decided = outcomes.get(file.file);
    if (decided === undefined || decided.pointsTo === null) continue;
    const key = `${decided.pointsTo}\u0000${file.kind}`;
    pointedBy.set(key, [...(pointedBy.get(key) ?? []), file.file]);
  }
  const expectedKinds = TEMPLATE_KINDS.filter((candidate) => config.expectedKinds.includes(candidate));
  const statuses: UnitKindStatus[] = [];
  for (const unit of registry.units) {
    for (const kind of expectedKinds) {
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
        underReview: pointedBy.get(`${normaliseUnitCode(unit.code)}\u0000${kind}`) ?? [],
      });
    }
  }

  for (const file of later) outcomes.set(file.file, decision("after_as_of", file.problems));
  const inScope = (kind: TemplateKind | null): boolean =>
    kindsFilter === null || kind === null || kindsFilter.includes(kind);
  const judged: ConsolidatedFile[] = [...received, ...later]
    // A file whose kind is unknown is in scope unless its name names another kind ("KH_scan.xlsx").
    .filter((file) => inScope(file.kind ?? attributedKind.get(file.file) ?? kindFromFileName(file.file)))
    .map((file) => {
      const decided = outcomes.get(file.file) ?? decision("not_a_template", file.problems);
      const counts = countBySeverity(decided.problems);
      return {
        file: file.file,
        receivedAt: file.receivedAt,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        kind: file.kind ?? attributedKind.get(file.file) ?? null,
        version: file.version,
        // A code typed " syt " that the registry knows is shown as the registry's SYT.
        unitCode: decided.unitCode ?? registeredCode(file.unitCode, registry),
        unitName: file.unitName,
        outcome: decided.outcome,
        supersededBy: decided.supersededBy,
        attribution: decided.attribution,
        pointsTo: decided.pointsTo,
        errors: counts.errors,
        warnings: counts.warnings,
        problems: decided.problems,
        ...(file.origin ? { origin: file.origin } : {}),
      };
    });
  // Files the source found but did not read (a PDF scan beside a workbook): listed, never counted.
  const others: ConsolidatedFile[] = (input.listing?.otherFiles ?? [])
    .filter((other) => inScope(kindFromFileName(other.file)))
    .map((other) => ({
      file: other.file,
      receivedAt: other.receivedAt,
      sizeBytes: other.sizeBytes,
      sha256: "",
      kind: null,
      version: null,
      unitCode: null,
      unitName: null,
      outcome: "not_a_spreadsheet",
      supersededBy: null,
      attribution: null,
      pointsTo: null,
      errors: 0,
      warnings: 0,
      problems: [],
    }));
  const files = [...judged, ...others].sort(byPath);
  const sourceProblems: Problem[] = [
    ...(input.listing?.unreadableFolders ?? []).map((folder) =>
      createProblem("FOLDER_UNREADABLE", "error", {}, { folder: folder.folder, reason: folder.reason }),
    ),
    ...checkSharedReceivedTimes(files, input.listing?.receivedTimes ?? "upload_time"),
  ];

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

  const typeOrder = (code: string): number => UNIT_TYPES.findIndex((type) => type.code === code);
  return {
    asOf,
    source: input.source,
    registry: input.registryFile ? { ...input.registryFile, units: registry.units.length } : null,
    kindsFilter,
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
    byUnitType: groupTotals(statuses, (unit) => unit.type ?? "").sort(
      (a, b) => typeOrder(a.key) - typeOrder(b.key),
    ),
    byCluster: groupTotals(statuses, (unit) => unit.cluster).sort((a, b) => a.key.localeCompare(b.key, "vi")),
    statuses,
    files,
    tasks,
    indicators,
    indicatorTotals,
    nominations,
    topProblems,
    sourceProblems,
    receivedTimes: input.listing?.receivedTimes ?? null,
    followUp: FOLLOW_UP_ORDER.flatMap((status) => statuses.filter((entry) => entry.status === status)),
    review: files.filter((file) => file.outcome === "identity_conflict"),
    outcomeCounts: FILE_OUTCOMES.map((outcome) => ({
      outcome,
      count: files.filter((file) => file.outcome === outcome).length,
    })),
    deadlines: expectedKinds.map((kind) => ({
      kind,
      lastDay: computeDeadline(kind, config)?.lastDay ?? null,
    })),
  };
}
