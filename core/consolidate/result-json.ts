import { z } from "zod";
import { firstLateInstant } from "../deadlines";
import { formatProblem } from "../messages/index";
import type { Language } from "../messages/types";
import type { Problem } from "../problems";
import {
  FILE_OUTCOMES,
  UNIT_STATUSES,
  type ConsolidationResult,
  type FileOutcome,
  type UnitStatus,
} from "./types";

/**
 * `thidua consolidate --json`: a public interface, written by the consolidation and read back by
 * `thidua remind` through this one schema. A file of an earlier thidua is still read: keys added
 * since then have defaults; unknown keys are ignored.
 */
const instant = z.iso.datetime({ offset: true });
const kindSchema = z.enum(["KH", "BC", "DN-KT"]);

const problemJsonSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).optional(),
  message: z.string(),
});

const totalsSchema = z.object({
  expected: z.number(),
  received: z.number(),
  onTime: z.number(),
  late: z.number(),
  invalid: z.number(),
  missing: z.number(),
  notDue: z.number().default(0),
  due: z.number().optional(),
  reportingRate: z.number(),
  onTimeRate: z.number(),
});

export const consolidationJsonSchema = z.object({
  asOf: instant,
  /** The year consolidated; absent in files of thidua before periods (then the as-of year). */
  year: z.number().int().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  periods: z
    .array(
      z.object({
        period: z.string(),
        kind: kindSchema,
        lastDay: z.iso.date().nullable(),
        passed: z.boolean(),
        expected: z.boolean(),
      }),
    )
    .default([]),
  /** Deadlines as the core judged them: last day in Vietnam and the first late instant. */
  deadlines: z
    .array(
      z.object({
        kind: kindSchema,
        period: z.string().optional(),
        lastDay: z.iso.date(),
        dueBefore: instant,
      }),
    )
    .default([]),
  totals: totalsSchema.optional(),
  totalsByKind: z.array(z.object({ kind: kindSchema, totals: totalsSchema })).default([]),
  totalsByPeriod: z
    .array(z.object({ period: z.string(), kind: kindSchema, totals: totalsSchema }))
    .default([]),
  receivedTimes: z.enum(["modification_time", "upload_time"]).nullable().optional(),
  sourceProblems: z.array(problemJsonSchema.partial({ sheet: true, cell: true })).default([]),
  registry: z
    .object({ file: z.string(), sha256: z.string(), units: z.number(), problems: z.array(problemJsonSchema) })
    .nullable()
    .optional(),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.string().nullable().optional(),
      cluster: z.string().optional(),
      email: z.string().default(""),
      kind: kindSchema,
      period: z.string().optional(),
      lastDay: z.iso.date().nullable().optional(),
      status: z.enum(UNIT_STATUSES as unknown as [UnitStatus, ...UnitStatus[]]),
      file: z.string().nullable(),
      receivedAt: instant.nullable(),
      errors: z.number().optional(),
      warnings: z.number().optional(),
      duplicates: z.number().optional(),
      underReview: z.array(z.string()).default([]),
    }),
  ),
  files: z.array(
    z.object({
      file: z.string(),
      outcome: z.enum(FILE_OUTCOMES as unknown as [FileOutcome, ...FileOutcome[]]).or(z.string()),
      kind: kindSchema.nullable().optional(),
      version: z.string().nullable().optional(),
      unit: z.string().nullable(),
      period: z.string().nullable().optional(),
      receivedAt: instant.nullable().default(null),
      supersededBy: z.string().nullable().optional(),
      attribution: z.enum(["workbook", "file_name"]).nullable().optional(),
      pointsTo: z.string().nullable().optional(),
      sha256: z.string().optional(),
      origin: z.record(z.string(), z.unknown()).optional(),
      problems: z.array(problemJsonSchema),
    }),
  ),
  acrossYears: z
    .object({
      years: z.array(z.number()),
      totals: z.array(z.object({ year: z.number(), totals: totalsSchema })),
    })
    .optional(),
});

export type ConsolidationJson = z.input<typeof consolidationJsonSchema>;
export type ConsolidationReport = z.output<typeof consolidationJsonSchema>;
export type ReportedProblem = z.output<typeof problemJsonSchema>;

function problemJson(problem: Problem, language: Language): ReportedProblem {
  return {
    code: problem.code,
    severity: problem.severity,
    sheet: problem.sheet,
    cell: problem.cell,
    params: problem.params as Record<string, unknown>,
    message: formatProblem(problem, language),
  };
}

const isoInstant = (epochMs: number): string => new Date(epochMs).toISOString();

/** The result as `--json` writes it: every message in the chosen language, times as ISO instants. */
export function toConsolidationJson(result: ConsolidationResult, language: Language): ConsolidationJson {
  return {
    asOf: isoInstant(result.asOf),
    year: result.year,
    config: { ...result.config },
    periods: result.periods.map((facts) => ({ ...facts })),
    deadlines: result.deadlines.flatMap(({ kind, period, lastDay }) =>
      lastDay === null ? [] : [{ kind, period, lastDay, dueBefore: isoInstant(firstLateInstant(lastDay)) }],
    ),
    totals: result.totals,
    totalsByKind: result.totalsByKind.map((entry) => ({ ...entry })),
    totalsByPeriod: result.totalsByPeriod.map((entry) => ({ ...entry })),
    receivedTimes: result.receivedTimes,
    sourceProblems: result.sourceProblems.map((problem) => problemJson(problem, language)),
    ...(result.registry
      ? {
          registry: {
            file: result.registry.file,
            sha256: result.registry.sha256,
            units: result.registry.units,
            problems: result.registry.problems.map((problem) => problemJson(problem, language)),
          },
        }
      : {}),
    units: result.statuses.map((entry) => ({
      code: entry.unit.code,
      name: entry.unit.name,
      type: entry.unit.type,
      cluster: entry.unit.cluster,
      email: entry.unit.email,
      kind: entry.kind,
      period: entry.period,
      lastDay: entry.lastDay,
      status: entry.status,
      file: entry.file,
      receivedAt: entry.receivedAt === null ? null : isoInstant(entry.receivedAt),
      errors: entry.errors,
      warnings: entry.warnings,
      duplicates: entry.duplicates,
      underReview: [...entry.underReview],
    })),
    files: result.files.map((file) => ({
      file: file.file,
      outcome: file.outcome,
      kind: file.kind,
      version: file.version,
      unit: file.unitCode,
      period: file.period,
      receivedAt: isoInstant(file.receivedAt),
      supersededBy: file.supersededBy,
      attribution: file.attribution,
      pointsTo: file.pointsTo,
      sha256: file.sha256,
      ...(file.origin ? { origin: { ...file.origin } } : {}),
      problems: file.problems.map((problem) => problemJson(problem, language)),
    })),
    acrossYears: {
      years: [...result.acrossYears.years],
      totals: result.acrossYears.totals.map((entry) => ({ ...entry })),
    },
  };
}
