import { removeVietnameseMarks } from "../values/remove-marks";
import { createProblem, type Problem } from "../problems";
import { normaliseUnitCode, type Registry, type RegistryUnit } from "../registry";
import { findFieldSpec } from "./read-document";
import { textField, type Rule } from "./rule-context";

/**
 * Does the unit name typed in a submission name the unit its code says?
 *
 * A unit often starts from a neighbour's filled file and changes only the name (or only the code).
 * Names are compared, not trusted blindly: both are normalised (NFC, lower case, punctuation and
 * repeated spaces removed, "UBND"/"TP"/"TX"/"MTTQ"/"CP"/"KH&CN" written out), and compared first
 * as written, then without diacritics ("Uỷ"/"Ủy", a name typed without accents).
 *
 * How close is close enough:
 * - **match**: equal after normalisation, or one the other's abbreviation ("Sở KH&CN", "Sở GDĐT"
 *   for "Sở Giáo dục và Đào tạo"), or one contains the other word for word ("Sở Nội vụ tỉnh
 *   Hà Tĩnh" and "Sở Nội vụ"), provided the shorter one has a word of its own beyond the generic
 *   ones ("Sở", "UBND", "huyện", "tỉnh", "công ty"…).
 * - **conflict** (an error: the file may be another unit's): the name is another registry unit's
 *   name (equal, or contained as above) while not the own unit's; or it shares no word of its own
 *   with the registry's name for the code ("Sở Tài chính" under SNV, "Sở Nội vụ").
 * - **differs** (a warning): anything in between (some words in common, neither contains the other).
 * A registry row without a name (its name is then its code) is not compared.
 */
export type UnitNameVerdict =
  | { readonly verdict: "match" }
  | { readonly verdict: "differs" }
  | { readonly verdict: "conflict"; readonly pointsTo: RegistryUnit | null };

/** Abbreviations officers write for the same words. */
const EXPANSIONS: readonly [RegExp, string][] = [
  [/\bubnd\b/g, "ủy ban nhân dân"],
  [/\bhđnd\b/g, "hội đồng nhân dân"],
  [/\bmttq\b/g, "mặt trận tổ quốc"],
  [/\btp\b/g, "thành phố"],
  [/\btx\b/g, "thị xã"],
  [/\bcp\b/g, "cổ phần"],
  [/\bkh\s*&\s*cn\b/g, "khoa học và công nghệ"],
  [/\bkh\s*-\s*cn\b/g, "khoa học và công nghệ"],
  [/&/g, " và "],
];

/** Words every kind of unit name shares: they say what kind of body, not which one. */
const GENERIC_WORDS = new Set(
  [
    "sở",
    "ủy",
    "uỷ",
    "ban",
    "nhân",
    "dân",
    "hội",
    "đồng",
    "huyện",
    "thị",
    "xã",
    "thành",
    "phố",
    "phường",
    "tỉnh",
    "hà",
    "tĩnh",
    "công",
    "ty",
    "cổ",
    "phần",
    "tnhh",
    "mtv",
    "trách",
    "nhiệm",
    "hữu",
    "hạn",
    "một",
    "viên",
    "doanh",
    "nghiệp",
    "tư",
    "và",
    "của",
    "mặt",
    "trận",
    "tổ",
    "quốc",
  ].map(removeVietnameseMarks),
);

function normaliseName(name: string): string {
  let text = name.normalize("NFC").toLowerCase();
  for (const [pattern, replacement] of EXPANSIONS) text = text.replace(pattern, replacement);
  return text
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .normalize("NFC");
}

interface NameForms {
  /** Normalised, marks kept. */
  readonly exact: string;
  /** Normalised, marks folded: the fallback comparison. */
  readonly words: readonly string[];
  readonly folded: string;
  /** Words of its own (not generic), folded. */
  readonly own: ReadonlySet<string>;
  /** The words after the leading generic ones, without "và", run together: "Sở NN&MT" → "nnmt". */
  readonly compact: string;
  /** Their initials: "Sở Nông nghiệp và Môi trường" → "nnmt". */
  readonly initials: string;
}

/**
 * A name's forms, remembered: a worker compares thousands of typed names with the registry's,
 * and each file's judgement works out the same few names again. Bounded, as names are any text.
 */
const nameFormsMemo = new Map<string, NameForms>();
const NAME_FORMS_MEMO_LIMIT = 5000;

function nameForms(name: string): NameForms {
  const known = nameFormsMemo.get(name);
  if (known) return known;
  if (nameFormsMemo.size >= NAME_FORMS_MEMO_LIMIT) nameFormsMemo.clear();
  const forms = computeNameForms(name);
  nameFormsMemo.set(name, forms);
  return forms;
}

function computeNameForms(name: string): NameForms {
  const exact = normaliseName(name);
  const folded = removeVietnameseMarks(exact);
  const words = folded.split(" ").filter(Boolean);
  const firstOwn = words.findIndex((word) => !GENERIC_WORDS.has(word));
  const core = firstOwn < 0 ? [] : words.slice(firstOwn).filter((word) => word !== "va");
  return {
    exact,
    folded,
    words,
    own: new Set(words.filter((word) => !GENERIC_WORDS.has(word))),
    compact: core.join(""),
    initials: core.map((word) => word[0] ?? "").join(""),
  };
}

/** One is the other's abbreviation, as officers write them: "Sở KHCN", "Sở GD&ĐT", "Sở NN và MT". */
function isAbbreviation(a: NameForms, b: NameForms): boolean {
  return (
    (a.compact.length >= 2 && a.compact === b.initials) || (b.compact.length >= 2 && b.compact === a.initials)
  );
}

function isSame(a: NameForms, b: NameForms): boolean {
  return a.exact === b.exact || a.folded === b.folded || isAbbreviation(a, b);
}

/** One name's words appear, in order and whole, inside the other's; the shorter has a word of its own. */
function isContained(a: NameForms, b: NameForms): boolean {
  const [shorter, longer] = a.words.length <= b.words.length ? [a, b] : [b, a];
  if (shorter.own.size === 0 || shorter.words.length === 0) return false;
  return ` ${longer.folded} `.includes(` ${shorter.folded} `);
}

function matches(a: NameForms, b: NameForms): boolean {
  return isSame(a, b) || isContained(a, b);
}

function sharesOwnWord(a: NameForms, b: NameForms): boolean {
  for (const word of a.own) if (b.own.has(word)) return true;
  return false;
}

/** The registry's names, normalised once per registry (a worker validates many files against one). */
const registryForms = new WeakMap<Registry, readonly { unit: RegistryUnit; forms: NameForms }[]>();

function formsOf(registry: Registry): readonly { unit: RegistryUnit; forms: NameForms }[] {
  let forms = registryForms.get(registry);
  if (!forms) {
    forms = registry.units.filter(hasName).map((unit) => ({ unit, forms: nameForms(unit.name) }));
    registryForms.set(registry, forms);
  }
  return forms;
}

/** A registry row without a name carries its code as its name (see readRegistry). */
function hasName(unit: RegistryUnit): boolean {
  return unit.name.trim() !== "" && normaliseUnitCode(unit.name) !== normaliseUnitCode(unit.code);
}

/** The registry unit a name designates best (equal first, then contained), or null; for file review. */
export function findUnitByName(name: string, registry: Registry, except?: RegistryUnit): RegistryUnit | null {
  const typed = nameForms(name);
  if (typed.words.length === 0) return null;
  const others = formsOf(registry).filter((entry) => entry.unit !== except);
  const same = others.find((entry) => isSame(typed, entry.forms));
  if (same) return same.unit;
  // Contained in exactly one: several would be a guess.
  const contained = others.filter((entry) => isContained(typed, entry.forms));
  return contained.length === 1 ? (contained[0]?.unit ?? null) : null;
}

/** Compares the name typed in a submission with the registry's name for the unit its code names. */
export function judgeUnitName(name: string, unit: RegistryUnit, registry: Registry): UnitNameVerdict {
  if (!hasName(unit)) return { verdict: "match" };
  const typed = nameForms(name);
  if (typed.words.length === 0) return { verdict: "match" };
  const registered = nameForms(unit.name);
  if (isSame(typed, registered)) return { verdict: "match" };
  const other = findUnitByName(name, registry, unit);
  // Another unit's exact name wins over a containment of the own one ("Sở Y tế" vs "Sở Y tế dự phòng").
  const otherIsExact = other !== null && isSame(typed, nameForms(other.name));
  if (otherIsExact) return { verdict: "conflict", pointsTo: other };
  if (matches(typed, registered)) return { verdict: "match" };
  if (other) return { verdict: "conflict", pointsTo: other };
  if (!sharesOwnWord(typed, registered)) return { verdict: "conflict", pointsTo: null };
  return { verdict: "differs" };
}

/** The unit name must be the registry's name for the unit code (see judgeUnitName for how close). */
export const ruleUnitNameMatchesCode: Rule = (context) => {
  const code = textField(context, "unitCode");
  const name = textField(context, "unitName");
  if (!context.registry || code === null || name === null) return [];
  const unit = context.registry.byCode.get(normaliseUnitCode(code));
  if (!unit) return [];
  const judged = judgeUnitName(name, unit, context.registry);
  if (judged.verdict === "match") return [];
  const nameField = findFieldSpec(context.document.spec, "unitName");
  const where = { sheet: nameField.sheet, cell: nameField.cell };
  const params = { found: name, unit: unit.code, expected: unit.name };
  if (judged.verdict === "differs") return [createProblem("UNIT_NAME_DIFFERS", "warning", where, params)];
  return [
    createProblem("UNIT_NAME_CONFLICT", "error", where, {
      ...params,
      pointsTo: judged.pointsTo?.code ?? null,
      pointsToName: judged.pointsTo?.name ?? null,
    }),
  ];
};

/** Whether a problem list says the file names one unit and codes another. */
export function findIdentityConflict(problems: readonly Problem[]): Problem | null {
  return problems.find((problem) => problem.code === "UNIT_NAME_CONFLICT") ?? null;
}
