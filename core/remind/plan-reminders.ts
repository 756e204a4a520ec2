import { normaliseUnitCode } from "../registry";
import type { TemplateKind } from "../spec/types";
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
}

export interface Reminder {
  /** Stable for one unit, one consolidation moment and one situation: a re-run sends nothing twice. */
  readonly key: string;
  readonly unit: { readonly code: string; readonly name: string; readonly email: string };
  readonly asOf: number;
  readonly items: readonly ReminderItem[];
}

export type UnreachableReason = "no_email" | "invalid_email";

export interface ReminderPlan {
  readonly asOf: number;
  readonly reminders: readonly Reminder[];
  /** Units that should be reminded but cannot be written to: Sở Nội vụ calls them instead. */
  readonly unreachable: readonly {
    readonly unit: { readonly code: string; readonly name: string; readonly email: string };
    readonly reason: UnreachableReason;
    readonly items: readonly ReminderItem[];
  }[];
}

const STATUS_ORDER: Readonly<Record<ReminderStatus, number>> = { missing: 0, invalid: 1, late: 2 };
const KIND_ORDER: Readonly<Record<TemplateKind, number>> = { KH: 0, BC: 1, "DN-KT": 2 };

// One address, as Sở Nội vụ types them in the registry; several addresses are not guessed apart.
const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

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

  const byUnit = new Map<string, { unit: Reminder["unit"]; items: ReminderItem[] }>();
  for (const status of report.units) {
    if (!isReminderStatus(status.status)) continue;
    const code = normaliseUnitCode(status.code);
    const entry = byUnit.get(code) ?? {
      unit: { code: status.code, name: status.name, email: status.email.trim() },
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
    if (entry.unit.email === "") {
      unreachable.push({ unit: entry.unit, reason: "no_email", items });
      continue;
    }
    if (!EMAIL_PATTERN.test(entry.unit.email)) {
      unreachable.push({ unit: entry.unit, reason: "invalid_email", items });
      continue;
    }
    const situation = [
      code,
      entry.unit.email.toLowerCase(),
      report.asOf,
      ...items.map((item) => `${item.kind}:${item.status}:${item.file ?? ""}`),
    ].join("|");
    reminders.push({ key: `${code}-${hashText(situation)}`, unit: entry.unit, asOf, items });
  }
  return { asOf, reminders, unreachable };
}
