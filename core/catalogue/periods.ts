import { ROUNDS, type RoundCode } from "./awards";
import { MOVEMENT_YEARS } from "./bounds";
import { PHASES, type PhaseCode } from "./schedule";

/**
 * What a submission is for. An expected submission is (unit, kind, period): the plan once per
 * phase, the report once per year, the nominations once per round. A file belongs to the period
 * written in it; files of different periods never supersede each other.
 */
export type Period =
  | { readonly kind: "KH"; readonly phase: PhaseCode }
  | { readonly kind: "BC"; readonly year: number }
  | { readonly kind: "DN-KT"; readonly round: RoundCode; readonly year: number };

/** A period as one string, e.g. "KH:GD1", "BC:2027", "DN-KT:SOKET:2027": a map key and a JSON value. */
export type PeriodKey = string;

export function periodKey(period: Period): PeriodKey {
  switch (period.kind) {
    case "KH":
      return `KH:${period.phase}`;
    case "BC":
      return `BC:${period.year}`;
    case "DN-KT":
      return `DN-KT:${period.round}:${period.year}`;
  }
}

const PHASE_CODES = new Set<string>(PHASES.map((phase) => phase.code));
const ROUND_CODES = new Set<string>(ROUNDS.map((round) => round.code));

function isMovementYear(year: number): boolean {
  return Number.isInteger(year) && year >= MOVEMENT_YEARS.first && year <= MOVEMENT_YEARS.last;
}

/** The period a key names, or null when the key is not one (a hand-edited config, an old JSON). */
export function parsePeriodKey(key: string): Period | null {
  const parts = key.split(":");
  if (parts[0] === "KH" && parts.length === 2 && PHASE_CODES.has(parts[1] ?? ""))
    return { kind: "KH", phase: parts[1] as PhaseCode };
  if (parts[0] === "BC" && parts.length === 2 && isMovementYear(Number(parts[1])))
    return { kind: "BC", year: Number(parts[1]) };
  if (parts[0] === "DN-KT" && parts.length === 3 && ROUND_CODES.has(parts[1] ?? "")) {
    const period = roundPeriod(parts[1] as RoundCode, Number(parts[2]));
    return period !== null && periodKey(period) === key ? period : null;
  }
  return null;
}

/** A round's period: the reviews have their own year (sơ kết 2027, tổng kết 2030); the yearly round any year. */
export function roundPeriod(round: RoundCode, year: number): Period | null {
  const fixedYear = ROUNDS.find((entry) => entry.code === round)?.year ?? null;
  if (fixedYear !== null && fixedYear !== year) return null;
  return isMovementYear(year) ? { kind: "DN-KT", round, year } : null;
}

/** The phase a year falls in. */
export function phaseOfYear(year: number): PhaseCode {
  return (
    (PHASES.find((phase) => year >= phase.firstYear && year <= phase.lastYear) ?? PHASES[0])?.code ?? "GD1"
  );
}

/** The calendar year a period is counted in: a plan in its phase's first year. */
export function periodYear(period: Period): number {
  if (period.kind !== "KH") return period.year;
  return PHASES.find((phase) => phase.code === period.phase)?.firstYear ?? MOVEMENT_YEARS.first;
}

/**
 * The periods a consolidation for one year expects: every plan phase the province asks for that
 * has begun by then (a plan is sent once and stays expected, never re-expected each year), that
 * year's report, and that year's rounds (the yearly one, plus sơ kết in 2027 and tổng kết in 2030).
 */
export function periodsOfYear(year: number, planPhases: readonly PhaseCode[]): Period[] {
  const plans: Period[] = PHASES.filter(
    (phase) => planPhases.includes(phase.code) && phase.firstYear <= year,
  ).map((phase) => ({ kind: "KH", phase: phase.code }));
  const rounds = ROUNDS.flatMap((round) => {
    const period = roundPeriod(round.code, year);
    return period ? [period] : [];
  });
  return [...plans, { kind: "BC", year }, ...rounds];
}

/** The movement's years, first to last. */
export function movementYears(): number[] {
  const years: number[] = [];
  for (let year = MOVEMENT_YEARS.first; year <= MOVEMENT_YEARS.last; year += 1) years.push(year);
  return years;
}

/** Periods in a stable order: plans, then reports, then rounds; by year within each. */
export function comparePeriods(a: Period, b: Period): number {
  const kindOrder = { KH: 0, BC: 1, "DN-KT": 2 } as const;
  if (a.kind !== b.kind) return kindOrder[a.kind] - kindOrder[b.kind];
  const byYear = periodYear(a) - periodYear(b);
  if (byYear !== 0) return byYear;
  if (a.kind === "DN-KT" && b.kind === "DN-KT")
    return (
      ROUNDS.findIndex((round) => round.code === a.round) -
      ROUNDS.findIndex((round) => round.code === b.round)
    );
  return 0;
}

/** The period's name, e.g. "Giai đoạn 1 (2026 - 2027)", "Năm 2027", "Hằng năm 2027", "Sơ kết 2027". */
export function describePeriod(period: Period, language: "vi" | "en"): string {
  switch (period.kind) {
    case "KH": {
      const phase = PHASES.find((entry) => entry.code === period.phase);
      return phase ? phase[language] : period.phase;
    }
    case "BC":
      return language === "vi" ? `Năm ${period.year}` : `Year ${period.year}`;
    case "DN-KT": {
      if (period.round === "HANGNAM")
        return language === "vi" ? `Hằng năm ${period.year}` : `Annual ${period.year}`;
      const round = ROUNDS.find((entry) => entry.code === period.round);
      return language === "vi" ? (round?.short ?? period.round) : (round?.en ?? period.round);
    }
  }
}
