import { createProblem, countBySeverity, type Problem } from "../problems";
import { FILE_NAME_SLASH, type Registry } from "../registry";
import { TEMPLATE_KINDS } from "../template-spec/index";
import type { TemplateKind } from "../template-spec/types";
import type { FileOutcome, SubmittedFile } from "./types";

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
  // A code's "/" is written "+" in names the pane gives (unitCodeInFileName): "KH_XA+010" is XA/010.
  const slashed = parts
    .filter((part) => part.includes(FILE_NAME_SLASH))
    .map((part) => part.split(FILE_NAME_SLASH).join("/"));
  return [...new Set([...parts, ...slashed, ...pieces])];
}

/** The file name is only a hint: when it names another registered unit, say so and trust the workbook. */
export function checkFileNameHint(file: SubmittedFile, registry: Registry, unitCode: string): Problem[] {
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

/** A file that cannot speak for a unit by its content: why, or null when it can. */
export function classifyUnattributed(file: SubmittedFile): FileOutcome | null {
  if (file.blank === true) return "blank_template";
  if (!file.readable) return "unreadable";
  if (file.kind === null) return "not_a_template";
  if (file.unitCode === null)
    return file.version !== null && countBySeverity(file.problems).errors > 0 ? "invalid" : "not_a_template";
  return null;
}

/** The kind a file name names ("KH_SNV.xlsx" → KH), when it names exactly one. */
export function kindFromFileName(file: string): TemplateKind | null {
  const base = (file.split("/").pop() ?? file).toUpperCase();
  const named = TEMPLATE_KINDS.filter((_kind, index) => KIND_MENTIONS[index]?.test(base) === true);
  return named.length === 1 ? (named[0] ?? null) : null;
}

/** The one registered unit a file name names, or null (none, or several). */
export function unitFromFileName(file: string, registry: Registry): string | null {
  const named = [...new Set(fileNameCandidates(file).filter((candidate) => registry.byCode.has(candidate)))];
  return named.length === 1 ? (named[0] ?? null) : null;
}

/**
 * A file that cannot be read, or is not a template, is still the unit's attempt when its name
 * names a registered unit and a kind ("KH_DN031.xlsx", 0 bytes): the unit sent something, so it
 * is invalid (resend), not missing. A blank template is never attributed: nothing was sent.
 */
export function attributeByFileName(
  file: SubmittedFile,
  registry: Registry,
): { unitCode: string; kind: TemplateKind } | null {
  const unitCode = unitFromFileName(file.file, registry);
  const kind = file.kind ?? kindFromFileName(file.file);
  return unitCode !== null && kind !== null ? { unitCode, kind } : null;
}
