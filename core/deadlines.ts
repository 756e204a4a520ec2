import { DEADLINE_RULES } from "./catalogue/schedule";
import type { MovementConfig } from "./config";
import type { TemplateKind } from "./spec/types";
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

export function computeDeadline(kind: TemplateKind, config: MovementConfig): Deadline | null {
  switch (kind) {
    case "KH":
      return computePlanDeadline(config);
    case "BC":
      return computeReportDeadline(config.reportYear);
    case "DN-KT":
      return config.nominationDeadline
        ? deadlineOn("DN-KT", config.nominationDeadline, "nominationRound")
        : null;
  }
}

export function isReceivedLate(receivedAtEpochMs: number, deadline: Deadline): boolean {
  return receivedAtEpochMs >= deadline.dueBefore;
}

export function isDatedAfter(documentDate: IsoDate, deadline: Deadline): boolean {
  return documentDate > deadline.lastDay;
}
