export * from "./types";
export { consolidate, type ConsolidationInput } from "./consolidate";
export { extractSubmission, toSubmittedFile } from "./extract";
export { consolidationJsonSchema, toConsolidationJson, type ConsolidationJson } from "./result-json";
export { sortPeriodKeys } from "./consolidate";
