export * from "./types";
export { consolidate, type ConsolidationInput } from "./consolidate";
export { extractSubmission, toSubmittedFile } from "./extract";
