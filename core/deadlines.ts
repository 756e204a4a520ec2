import { DEADLINE_RULES } from "./catalogue/schedule";
import { periodKey, type Period } from "./catalogue/periods";
import type { MovementConfig } from "./config";
import type { TemplateKind } from "./template-spec/types";
import { addDays, formatIsoDate, startOfVietnamDay, type IsoDate } from "./values/calendar";

export type DeadlineBasis = "provincialPlan" | "phase1" | "yearlyReport" | "nominationRound";

/** A deadline: the last calendar day in Vietnam, and the first instant that is late. */
export interface Deadline {
  readonly kind: TemplateKind;
  readonly lastDay: IsoDate;
  /** Epoch ms of 00:00 Vietnam time on the day after the last day. */
  readonly dueBefore: number;
  readonly basis: DeadlineBasis;
}

/** The first late instant of a last day: 00:00 Vietnam time on the day after it. */
export function firstLateInstant(lastDay: IsoDate): number {
  return startOfVietnamDay(addDays(lastDay, 1));
}

function deadlineOn(kind: TemplateKind, lastDay: IsoDate, basis: DeadlineBasis): Deadline {
  return { kind, lastDay, dueBefore: firstLateInstant(lastDay), basis };
}

/** The unit plan's deadline: 15 days after the provincial plan, and in any case within Q2 2026. */
export function computePlanDeadline(config: MovementConfig): Deadline {
  const { year, month, day } = DEADLINE_RULES.phase1PlansBy;
  const phase1 = deadlineOn("KH", formatIsoDate(year, month, day), "phase1");
  if (!config.provincialPlanDate) return phase1;
  const fifteenDays = deadlineOn(
    "KH",
    addDays(config.provincialPlanDate, DEADLINE_RULES.unitPlanDaysAfterProvincialPlan),
    "provincialPlan",
  );
  return fifteenDays.lastDay <= phase1.lastDay ? fifteenDays : phase1;
}

/** The yearly report is due before 15/11: 14/11 is the last day. */
export function computeReportDeadline(reportYear: number): Deadline {
  const { month, day } = DEADLINE_RULES.yearlyReportBefore;
  return deadlineOn("BC", addDays(formatIsoDate(reportYear, month, day), -1), "yearlyReport");
}

/**
 * The deadline of one period. A phase-2 plan and a round without an announced date have none:
 * what has none is never late, and never missing (see the consolidation's "not due").
 */
export function computePeriodDeadline(period: Period, config: MovementConfig): Deadline | null {
  switch (period.kind) {
    case "KH":
      return period.phase === "GD1" ? computePlanDeadline(config) : null;
    case "BC":
      return computeReportDeadline(period.year);
    case "DN-KT": {
      const lastDay = config.nominationDeadlines[periodKey(period)] ?? config.nominationDeadline;
      return lastDay ? deadlineOn("DN-KT", lastDay, "nominationRound") : null;
    }
  }
}

/** The period a kind is collected for in the configured year when a file does not say (plan phase 1, the yearly round). */
export function defaultPeriod(kind: TemplateKind, config: MovementConfig): Period {
  switch (kind) {
    case "KH":
      return { kind: "KH", phase: "GD1" };
    case "BC":
      return { kind: "BC", year: config.reportYear };
    case "DN-KT":
      return { kind: "DN-KT", round: "HANGNAM", year: config.reportYear };
  }
}

/** The deadline of a kind in the configured year (the pane's and a reminder's "due by", when no file says otherwise). */
export function computeDeadline(kind: TemplateKind, config: MovementConfig): Deadline | null {
  return computePeriodDeadline(defaultPeriod(kind, config), config);
}

/**
 * Warnings that say the document itself is dated after its deadline (a plan issued, a report dated
 * too late): it counts as late whenever it arrived. The consolidation and the pane's receipt both
 * judge by this one list, so a receipt never says "on time" for a file Sở Nội vụ counts late.
 */
export const DATED_LATE_CODES: ReadonlySet<string> = new Set([
  "KH_ISSUED_AFTER_DEADLINE",
  "KH_ISSUED_AFTER_PHASE1",
  "BC_DATED_AFTER_DEADLINE",
]);

export function isDatedLate(problems: readonly { readonly code: string }[]): boolean {
  return problems.some((problem) => DATED_LATE_CODES.has(problem.code));
}

export function isReceivedLate(receivedAtEpochMs: number, deadline: Deadline): boolean {
  return receivedAtEpochMs >= deadline.dueBefore;
}

export function isDatedAfter(documentDate: IsoDate, deadline: Deadline): boolean {
  return documentDate > deadline.lastDay;
}
