/**
 * What reminders read is `thidua consolidate --json` itself: one schema, written and read in
 * core/consolidate/result-json.ts.
 */
export {
  consolidationJsonSchema as consolidationReportSchema,
  type ConsolidationReport,
  type ReportedProblem,
} from "../consolidate/result-json";
