import { normaliseUnitCode } from "../registry";
import { parseEmailList } from "../values/email-list";
import type { TemplateKind } from "../template-spec/types";
import type { ConsolidationReport, ReportedProblem } from "./consolidation-report";

/** The statuses a unit is written to about: it has something to send or to send again. */
export type ReminderStatus = "missing" | "invalid" | "late";

export interface ReminderItem {
  readonly kind: TemplateKind;
  /** The period asked for (e.g. "BC:2027"); absent in a JSON of thidua before periods. */
  readonly period: string | null;
  readonly status: ReminderStatus;
  /** Last day in Vietnam (YYYY-MM-DD) and the first late instant (epoch ms); null when none is set. */
  readonly deadline: { readonly lastDay: string; readonly dueBefore: number } | null;
  readonly file: string | null;
  readonly receivedAt: number | null;
  /** The chosen file's problems, errors first, in sheet and cell order. */
  readonly problems: readonly ReportedProblem[];
  /**
   * Files received that carry this unit's name under a code that is not its own (another unit's, or
   * none in the registry): the unit is told which file and what to fix, not that nothing arrived.
   */
  readonly underReview: readonly ReviewedFile[];
}

export interface ReviewedFile {
  readonly file: string;
  /** The unit code written in the file, as read (null when none could be read). */
  readonly codeInFile: string | null;
  /** The registry's name for that code, when it is another unit's. */
  readonly codeOwner: string | null;
  readonly receivedAt: number | null;
  readonly problems: readonly ReportedProblem[];
}

/** Who a reminder is for: the registry's text, and the addresses read from it (all of them are written to). */
export interface ReminderUnit {
  readonly code: string;
  readonly name: string;
  /** The registry's e-mail cell as the consolidation gave it ("a@x.vn; b@y.vn"). */
  readonly email: string;
  readonly addresses: readonly string[];
}

export interface Reminder {
  /** Stable for one unit, one consolidation moment and one situation: a re-run sends nothing twice. */
  readonly key: string;
  readonly unit: ReminderUnit;
  readonly asOf: number;
  readonly items: readonly ReminderItem[];
}

export type UnreachableReason = "no_email" | "invalid_email";

export interface ReminderPlan {
  readonly asOf: number;
  readonly reminders: readonly Reminder[];
  /** Units that should be reminded but cannot be written to: Sở Nội vụ calls them instead. */
  readonly unreachable: readonly {
    readonly unit: ReminderUnit;
    readonly reason: UnreachableReason;
    readonly items: readonly ReminderItem[];
  }[];
}

const STATUS_ORDER: Readonly<Record<ReminderStatus, number>> = { missing: 0, invalid: 1, late: 2 };
const KIND_ORDER: Readonly<Record<TemplateKind, number>> = { KH: 0, BC: 1, "DN-KT": 2 };

function isReminderStatus(status: string): status is ReminderStatus {
  return status === "missing" || status === "invalid" || status === "late";
}

function compareProblems(a: ReportedProblem, b: ReportedProblem): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  return 0;
}

/** FNV-1a over the situation, enough to recognise "already sent" in a ledger; not a security hash. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * Who is written to and about what: one reminder per unit that is missing, invalid or late for any
 * expected kind, in registry code order. Statuses are taken as the consolidation judged them.
 */
export function planReminders(report: ConsolidationReport): ReminderPlan {
  const asOf = Date.parse(report.asOf);
  // By period (a 2027 run may ask for the 2026 plan and the 2027 report); by kind in an older JSON.
  const deadlines = new Map(
    report.deadlines.map((deadline) => [
      deadline.period ?? deadline.kind,
      { lastDay: deadline.lastDay, dueBefore: Date.parse(deadline.dueBefore) },
    ]),
  );
  const filesByPath = new Map(report.files.map((file) => [file.file, file]));
  const namesByCode = new Map(report.units.map((unit) => [normaliseUnitCode(unit.code), unit.name]));
  const reviewed = (path: string): ReviewedFile => {
    const file = filesByPath.get(path);
    const codeInFile = file?.unit ?? null;
    return {
      file: path,
      codeInFile,
      codeOwner: codeInFile === null ? null : (namesByCode.get(normaliseUnitCode(codeInFile)) ?? null),
      receivedAt: file?.receivedAt ? Date.parse(file.receivedAt) : null,
      problems: file ? [...file.problems].sort(compareProblems) : [],
    };
  };

  const byUnit = new Map<string, { unit: Reminder["unit"]; items: ReminderItem[] }>();
  for (const status of report.units) {
    if (!isReminderStatus(status.status)) continue;
    const code = normaliseUnitCode(status.code);
    const entry = byUnit.get(code) ?? {
      unit: {
        code: status.code,
        name: status.name,
        email: status.email.trim(),
        addresses: parseEmailList(status.email).addresses,
      },
      items: [],
    };
    byUnit.set(code, entry);
    const file = status.file === null ? undefined : filesByPath.get(status.file);
    entry.items.push({
      kind: status.kind,
      period: status.period ?? null,
      status: status.status,
      deadline: deadlines.get(status.period ?? status.kind) ?? null,
      file: status.file,
      receivedAt: status.receivedAt === null ? null : Date.parse(status.receivedAt),
      problems: status.status === "invalid" && file ? [...file.problems].sort(compareProblems) : [],
      underReview: status.status === "missing" ? status.underReview.map(reviewed) : [],
    });
  }

  const reminders: Reminder[] = [];
  const unreachable: ReminderPlan["unreachable"][number][] = [];
  const codes = [...byUnit.keys()].sort();
  for (const code of codes) {
    const entry = byUnit.get(code);
    if (!entry) continue;
    const items = entry.items.sort(
      (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
    );
    if (entry.unit.addresses.length === 0) {
      unreachable.push({
        unit: entry.unit,
        reason: entry.unit.email === "" ? "no_email" : "invalid_email",
        items,
      });
      continue;
    }
    // One address gives the key it gave before addresses were lists: a ledger written then still holds.
    const situation = [
      code,
      entry.unit.addresses.join(";").toLowerCase(),
      report.asOf,
      ...items.map(
        (item) =>
          `${item.kind}:${item.status}:${item.file ?? ""}` +
          item.underReview.map((entry) => `:${entry.file}`).join(""),
      ),
    ].join("|");
    reminders.push({ key: `${code}-${hashText(situation)}`, unit: entry.unit, asOf, items });
  }
  return { asOf, reminders, unreachable };
}
