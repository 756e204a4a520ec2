/** The pure core of thidua: catalogue, template specs, rules, deadlines. No I/O. */
export * from "./catalogue/index";
export * from "./template-spec/index";
export * from "./problems";
export * from "./snapshot";
export * from "./config";
export * from "./deadlines";
export * from "./registry";
export * from "./system-files";
export * from "./messages/index";
export * from "./values/calendar";
export * from "./values/a1";
export { parseInstant } from "./values/instant";
export { readNumberText } from "./values/parse-number";
export { formatNumber, formatPercent } from "./values/format-number";
export { removeVietnameseMarks } from "./values/remove-marks";
export { parseCellValue, type ParsedValue } from "./values/parse-value";
export { detectTemplate, readDocument, type ParsedDocument, type ParsedRow } from "./validate/read-document";
export {
  validateSnapshot,
  validateWorkbook,
  RULES_BY_KIND,
  type ValidationResult,
  type ValidationOptions,
  type SubmissionUnit,
} from "./validate/validate";
export type { Rule, RuleContext } from "./validate/rule-context";
export { judgeUnitName, findUnitByName, type UnitNameVerdict } from "./validate/unit-identity";
export * from "./consolidate/index";
export { RULES_VERSION } from "./version";
export * from "./remind/index";
export * from "./submit/send-decision";
