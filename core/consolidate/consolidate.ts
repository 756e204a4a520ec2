import { UNIT_TYPES } from "../catalogue/unit-types";
import { INDICATORS } from "../catalogue/indicators";
import {
  comparePeriods,
  movementYears,
  parsePeriodKey,
  periodKey,
  periodsOfYear,
  type Period,
  type PeriodKey,
} from "../catalogue/periods";
import { AWARDS, DEPARTMENTS } from "../catalogue/awards";
import type { MovementConfig } from "../config";
import { computePeriodDeadline } from "../deadlines";
import { countBySeverity, createProblem, type Problem } from "../problems";
import { normaliseUnitCode, type Registry, type RegistryUnit } from "../registry";
import { CURRENT_TEMPLATE_VERSION, TEMPLATE_KINDS } from "../template-spec/index";
import type { TemplateKind } from "../template-spec/types";
import { RULES_VERSION } from "../version";
import { kindFromFileName } from "./attribution";
import { byPath, decideFiles, decision, groupKey, push } from "./decisions";
import { checkSharedReceivedTimes } from "./received-times";
import { aggregate, computeIndicatorTotals, computeTotals, groupTotals } from "./totals";
import {
  FILE_OUTCOMES,
  FOLLOW_UP_ORDER,
  type AcrossYears,
  type ConsolidatedFile,
  type ConsolidationResult,
  type FileOutcome,
  type PeriodFacts,
  type RoundTotals,
  type RowUnit,
  type SourceListing,
  type SubmittedFile,
  type UnitKindStatus,
} from "./types";

/** Outcomes that a file of another period than the year's is shown with instead: it is listed, never counted. */
const PERIOD_BOUND_OUTCOMES: ReadonlySet<FileOutcome> = new Set([
  "on_time",
  "late",
  "invalid",
  "duplicate",
  "unknown_unit",
  "identity_conflict",
  "unreadable",
  "not_a_template",
]);

function registeredCode(code: string | null, registry: Registry): string | null {
  if (code === null) return null;
  const normalised = normaliseUnitCode(code);
  return registry.byCode.has(normalised) ? normalised : code;
}

export interface ConsolidationInput {
  readonly files: readonly SubmittedFile[];
  readonly registry: Registry;
  /** `reportYear` is the year consolidated (--year, else the year of the as-of moment). */
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

/**
 * Who sent what, for which period: matches every file to its registry unit by the code inside the
 * workbook and to the period written in it, keeps the newest per unit and period (older ones are
 * duplicates, listed), and judges each expected unit and period of the year on time, late,
 * invalid, missing or not yet due as of a given moment. Files of other periods are listed, never
 * counted; the year's report is set beside those of earlier years. Pure: the same input gives the
 * same result.
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
  const year = config.reportYear;
  const inScope = (kind: TemplateKind | null): boolean =>
    kindsFilter === null || kind === null || kindsFilter.includes(kind);

  const sorted = input.files.slice().sort(byPath);
  const received = sorted.filter((file) => file.receivedAt <= asOf);
  // Files received after the as-of moment are not judged (the figures are as of then), but listed, never dropped.
  const later = sorted.filter((file) => file.receivedAt > asOf);
  const { outcomes, chosen, periodOf, attributedKind } = decideFiles(sorted, received, registry, config);
  // The year's periods (those of the kinds in scope): what the statuses, rows and totals are about.
  const yearPeriods = periodsOfYear(year, config.planPhases).filter((period) => inScope(period.kind));
  const yearPeriodKeys = new Set(yearPeriods.map(periodKey));
  const isExpected = (period: Period): boolean => config.expectedKinds.includes(period.kind);
  const periodFacts: PeriodFacts[] = yearPeriods.map((period) => {
    const deadline = computePeriodDeadline(period, config);
    return {
      period: periodKey(period),
      kind: period.kind,
      lastDay: deadline?.lastDay ?? null,
      passed: deadline !== null && asOf >= deadline.dueBefore,
      expected: isExpected(period),
    };
  });

  // A unit whose name sits in a file coded for another unit: that file may be its own, sent wrong.
  const pointedBy = new Map<string, string[]>();
  for (const file of received) {
    const decided = outcomes.get(file.file);
    const period = periodOf.get(file.file);
    if (decided === undefined || decided.pointsTo === null || period === undefined) continue;
    push(pointedBy, groupKey(decided.pointsTo, period), file.file);
  }

  const statusOf = (unit: RegistryUnit, period: Period): UnitKindStatus => {
    const key = groupKey(normaliseUnitCode(unit.code), periodKey(period));
    const entry = chosen.get(key);
    const deadline = computePeriodDeadline(period, config);
    const counts = entry ? countBySeverity(entry.problems) : { errors: 0, warnings: 0 };
    const due = deadline !== null && asOf >= deadline.dueBefore;
    return {
      unit,
      kind: period.kind,
      period: periodKey(period),
      lastDay: deadline?.lastDay ?? null,
      status: entry?.status ?? (due ? "missing" : "not_due"),
      file: entry?.file.file ?? null,
      receivedAt: entry?.file.receivedAt ?? null,
      errors: counts.errors,
      warnings: counts.warnings,
      duplicates: entry?.duplicates ?? 0,
      underReview: pointedBy.get(key) ?? [],
    };
  };
  const expectedPeriods = yearPeriods.filter(isExpected);
  const statuses: UnitKindStatus[] = registry.units.flatMap((unit) =>
    expectedPeriods.map((period) => statusOf(unit, period)),
  );

  for (const file of later) outcomes.set(file.file, decision("after_as_of", file.problems));
  const judged: ConsolidatedFile[] = sorted
    // A file whose kind is unknown is in scope unless its name names another kind ("KH_scan.xlsx").
    .filter((file) => inScope(file.kind ?? attributedKind.get(file.file) ?? kindFromFileName(file.file)))
    .map((file) => {
      const decided = outcomes.get(file.file) ?? decision("not_a_template", file.problems);
      const period = periodOf.get(file.file) ?? null;
      const otherPeriod =
        period !== null && !yearPeriodKeys.has(period) && PERIOD_BOUND_OUTCOMES.has(decided.outcome);
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
        period,
        outcome: otherPeriod ? "other_period" : decided.outcome,
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
      period: null,
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
    ...checkSharedReceivedTimes(
      files.map((file) => file.receivedAt),
      input.listing?.receivedTimes ?? "upload_time",
    ),
  ];

  // Province-wide rows come from the accepted file of each unit and period, never from invalid or older ones.
  const accepted = [...chosen.values()]
    .filter((entry) => entry.status !== "invalid" && inScope(entry.file.kind))
    .map((entry) => ({ ...entry, unit: registry.byCode.get(normaliseUnitCode(entry.file.unitCode ?? "")) }))
    .filter((entry): entry is typeof entry & { unit: RegistryUnit } => entry.unit !== undefined)
    .sort((a, b) => byPath(a.file, b.file));
  const rowUnit = (entry: (typeof accepted)[number]): RowUnit => ({
    unitCode: entry.unit.code,
    unitName: entry.unit.name,
    unitType: entry.unit.type,
    cluster: entry.unit.cluster,
    file: entry.file.file,
    period: entry.period,
  });
  const ofYear = accepted.filter((entry) => yearPeriodKeys.has(entry.period));
  const tasks = ofYear.flatMap((entry) =>
    entry.file.extracts.tasks.map((task) => ({ ...task, ...rowUnit(entry) })),
  );
  const indicatorRowsOf = (entries: readonly (typeof accepted)[number][]) =>
    entries.flatMap((entry) =>
      entry.file.extracts.indicators.map((indicator) => ({ ...indicator, ...rowUnit(entry) })),
    );
  const indicators = indicatorRowsOf(ofYear);
  const nominations = ofYear.flatMap((entry) =>
    entry.file.extracts.nominations.map((nomination) => ({ ...nomination, ...rowUnit(entry) })),
  );
  const roundTotals: RoundTotals[] = yearPeriods
    .filter((period) => period.kind === "DN-KT")
    .map((period) => {
      const key = periodKey(period);
      const rows = nominations.filter((row) => row.period === key);
      return {
        period: key,
        files: ofYear.filter((entry) => entry.period === key).length,
        nominations: rows.length,
        byAward: AWARDS.map((award) => ({
          award: award.code,
          count: rows.filter((row) => row.award === award.code).length,
        })),
        byDepartment: DEPARTMENTS.map((department) => ({
          department: department.code,
          count: rows.filter((row) => row.department === department.code).length,
        })),
      };
    });

  const acrossYears = computeAcrossYears(
    year,
    config,
    registry,
    statusOf,
    accepted.filter((entry) => entry.file.kind === "BC"),
    indicatorRowsOf,
  );

  const problemCounts = new Map<string, { count: number; files: Set<string> }>();
  for (const file of files) {
    if (file.outcome === "after_as_of" || file.outcome === "other_period") continue;
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
  const expectedKinds = TEMPLATE_KINDS.filter((kind) => config.expectedKinds.includes(kind));
  return {
    asOf,
    source: input.source,
    year,
    registry: input.registryFile ? { ...input.registryFile, units: registry.units.length } : null,
    kindsFilter,
    config,
    templateVersion: CURRENT_TEMPLATE_VERSION,
    ruleVersion: RULES_VERSION,
    periods: periodFacts,
    totals: computeTotals(statuses),
    totalsByKind: expectedKinds.map((kind: TemplateKind) => ({
      kind,
      totals: computeTotals(statuses.filter((entry) => entry.kind === kind)),
    })),
    totalsByPeriod: expectedPeriods.map((period) => {
      const key = periodKey(period);
      return {
        period: key,
        kind: period.kind,
        totals: computeTotals(statuses.filter((entry) => entry.period === key)),
      };
    }),
    byUnitType: groupTotals(statuses, (unit) => unit.type ?? "").sort(
      (a, b) => typeOrder(a.key) - typeOrder(b.key),
    ),
    byCluster: groupTotals(statuses, (unit) => unit.cluster).sort((a, b) => a.key.localeCompare(b.key, "vi")),
    statuses,
    files,
    tasks,
    indicators,
    indicatorTotals: computeIndicatorTotals(indicators),
    nominations,
    roundTotals,
    acrossYears,
    topProblems,
    sourceProblems,
    receivedTimes: input.listing?.receivedTimes ?? null,
    followUp: FOLLOW_UP_ORDER.flatMap((status) => statuses.filter((entry) => entry.status === status)),
    review: files.filter((file) => file.outcome === "identity_conflict"),
    outcomeCounts: FILE_OUTCOMES.map((outcome) => ({
      outcome,
      count: files.filter((file) => file.outcome === outcome).length,
    })),
    deadlines: expectedPeriods.map((period) => ({
      kind: period.kind,
      period: periodKey(period),
      lastDay: computePeriodDeadline(period, config)?.lastDay ?? null,
    })),
  };
}

/**
 * Each year of the movement up to the consolidated one: every unit's report status and figures,
 * and the province's totals per indicator. Sơ kết 2027 and tổng kết 2030 are built on this.
 */
function computeAcrossYears<Entry extends { readonly period: PeriodKey; readonly unit: RegistryUnit }>(
  year: number,
  config: MovementConfig,
  registry: Registry,
  statusOf: (unit: RegistryUnit, period: Period) => UnitKindStatus,
  acceptedReports: readonly Entry[],
  indicatorRowsOf: (
    entries: readonly Entry[],
  ) => readonly { code: string; value: number; unitCode: string }[],
): AcrossYears {
  if (!config.expectedKinds.includes("BC")) return { years: [], units: [], indicators: [], totals: [] };
  const years = movementYears().filter((candidate) => candidate <= year);
  const rowsByYear = new Map(
    years.map((candidate) => [
      candidate,
      indicatorRowsOf(
        acceptedReports.filter((entry) => entry.period === periodKey({ kind: "BC", year: candidate })),
      ),
    ]),
  );
  const valuesOf = new Map<string, Record<string, number>>();
  for (const [candidate, rows] of rowsByYear)
    for (const row of rows) {
      const key = `${row.unitCode}\u0000${candidate}`;
      const values = valuesOf.get(key) ?? {};
      values[row.code] = row.value;
      valuesOf.set(key, values);
    }
  const statusesByYear = new Map(
    years.map((candidate) => [
      candidate,
      registry.units.map((unit) => statusOf(unit, { kind: "BC", year: candidate })),
    ]),
  );
  return {
    years,
    units: registry.units.map((unit, index) => ({
      unit,
      years: years.map((candidate) => {
        const entry = statusesByYear.get(candidate)?.[index];
        return {
          year: candidate,
          status: entry?.status ?? "not_due",
          file: entry?.file ?? null,
          indicators: valuesOf.get(`${unit.code}\u0000${candidate}`) ?? {},
        };
      }),
    })),
    indicators: INDICATORS.map((indicator) => ({
      code: indicator.code,
      measure: indicator.measure,
      byYear: years.map((candidate) => {
        const values = (rowsByYear.get(candidate) ?? [])
          .filter((row) => row.code === indicator.code)
          .map((row) => row.value);
        return { year: candidate, reporting: values.length, province: aggregate(values, indicator.measure) };
      }),
    })),
    totals: years.map((candidate) => ({
      year: candidate,
      totals: computeTotals(statusesByYear.get(candidate) ?? []),
    })),
  };
}

/** Periods in their order, for a writer that lists them (the JSON keeps keys). */
export function sortPeriodKeys(keys: readonly PeriodKey[]): PeriodKey[] {
  const periods = keys.map((key) => ({ key, period: parsePeriodKey(key) }));
  return periods
    .sort((a, b) => (a.period && b.period ? comparePeriods(a.period, b.period) : a.key < b.key ? -1 : 1))
    .map((entry) => entry.key);
}
