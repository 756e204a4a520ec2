import { BC_SPEC } from "./bc";
import { DNKT_SPEC } from "./dnkt";
import { KH_SPEC } from "./kh";
import { REGISTRY_SPEC } from "./registry";
import type { TemplateKind, TemplateSpec, WorkbookKind } from "./types";

export * from "./types";
export { KH_SPEC } from "./kh";
export { BC_SPEC, indicatorFieldKey } from "./bc";
export { DNKT_SPEC } from "./dnkt";
export { REGISTRY_SPEC } from "./registry";
export { STAMP, LISTS_SHEET } from "./stamp";
export { ENUM_CATALOGUES, formatEnumOption, listNameFor, resolveEnumValue } from "./enums";
export { CURRENT_TEMPLATE_VERSION, RETIRED_TEMPLATE_VERSIONS } from "./common-fields";
export { labelWithRequiredMark } from "./layout";

export const TEMPLATE_KINDS: readonly TemplateKind[] = ["KH", "BC", "DN-KT"];

/** The submission templates, in the order officers meet them. */
export const SUBMISSION_SPECS: Readonly<Record<TemplateKind, TemplateSpec>> = {
  KH: KH_SPEC,
  BC: BC_SPEC,
  "DN-KT": DNKT_SPEC,
};

export const WORKBOOK_SPECS: Readonly<Record<WorkbookKind, TemplateSpec>> = {
  ...SUBMISSION_SPECS,
  "DS-DV": REGISTRY_SPEC,
};

export function isWorkbookKind(kind: string): kind is WorkbookKind {
  return Object.prototype.hasOwnProperty.call(WORKBOOK_SPECS, kind);
}

export function isTemplateKind(kind: string): kind is TemplateKind {
  return Object.prototype.hasOwnProperty.call(SUBMISSION_SPECS, kind);
}
export {
  describeTemplate,
  type TemplateDescription,
  type FieldDescription,
  type ColumnDescription,
} from "./describe";
