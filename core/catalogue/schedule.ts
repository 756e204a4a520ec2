/**
 * Phases and deadlines of the movement (plan section V) as data. Instants are computed in
 * core/deadlines.ts in Vietnam time; nothing here is a moment, only calendar facts and rules.
 */

export type PhaseCode = "GD1" | "GD2";

export interface Phase {
  readonly code: PhaseCode;
  readonly vi: string;
  readonly en: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Year of the review that closes the phase. */
  readonly reviewYear: number;
  readonly reviewRound: "SOKET" | "TONGKET";
}

export const PHASES: readonly Phase[] = [
  {
    code: "GD1",
    vi: "Giai đoạn 1 (2026 - 2027)",
    en: "Phase 1 (2026–2027)",
    firstYear: 2026,
    lastYear: 2027,
    reviewYear: 2027,
    reviewRound: "SOKET",
  },
  {
    code: "GD2",
    vi: "Giai đoạn 2 (2028 - 2030)",
    en: "Phase 2 (2028–2030)",
    firstYear: 2028,
    lastYear: 2030,
    reviewYear: 2030,
    reviewRound: "TONGKET",
  },
];

/** The province's legal time zone: Vietnam has used UTC+7 without daylight saving since 1975. */
export const MOVEMENT_TIME_ZONE = { name: "Asia/Ho_Chi_Minh", utcOffsetMinutes: 7 * 60 } as const;

export const DEADLINE_RULES = {
  /** Unit plan: issued and sent within 15 days from the date of the provincial plan (V.2.b). */
  unitPlanDaysAfterProvincialPlan: 15,
  /** Phase 1 plans and criteria: completed in Q2 2026 (V.1.a), i.e. by 30/06/2026. */
  phase1PlansBy: { year: 2026, month: 6, day: 30 },
  /** Yearly report: to Sở Nội vụ before 15/11 each year (V.2.b): 14/11 is the last day. */
  yearlyReportBefore: { month: 11, day: 15 },
} as const;
