import { z } from "zod";

/**
 * The part of `thidua consolidate --json` that reminders read. The JSON is a public interface, so a
 * file written by an earlier or later thidua is read by its keys, never by position; unknown keys are
 * ignored.
 */
const kindSchema = z.enum(["KH", "BC", "DN-KT"]);

const problemSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).optional(),
  message: z.string(),
});

export const consolidationReportSchema = z.object({
  asOf: z.iso.datetime({ offset: true }),
  deadlines: z
    .array(z.object({ kind: kindSchema, lastDay: z.iso.date(), dueBefore: z.iso.datetime({ offset: true }) }))
    .default([]),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      email: z.string().default(""),
      kind: kindSchema,
      status: z.enum(["on_time", "late", "invalid", "missing"]),
      file: z.string().nullable(),
      receivedAt: z.iso.datetime({ offset: true }).nullable(),
      /** Files that carry this unit's name under another code: the letter names them. */
      underReview: z.array(z.string()).default([]),
    }),
  ),
  files: z.array(
    z.object({
      file: z.string(),
      outcome: z.string(),
      unit: z.string().nullable(),
      receivedAt: z.iso.datetime({ offset: true }).nullable().default(null),
      problems: z.array(problemSchema),
    }),
  ),
});

export type ConsolidationReport = z.infer<typeof consolidationReportSchema>;
export type ReportedProblem = z.infer<typeof problemSchema>;
