import { ROUNDS, type RoundCode } from "../catalogue/awards";
import { MOVEMENT_YEARS } from "../catalogue/bounds";
import { phaseOfYear, roundPeriod, type Period } from "../catalogue/periods";
import { movementYearAt, type MovementConfig } from "../config";
import { defaultPeriod } from "../deadlines";
import type { TemplateKind } from "../template-spec/types";

/** Where a file's period was read: the document itself, else its received time, else the run's year. */
export type PeriodSource = "document" | "received" | "config";

export interface DocumentPeriod {
  readonly period: Period;
  readonly source: PeriodSource;
}

type Fields = Readonly<Record<string, unknown>>;

function isMovementYear(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= MOVEMENT_YEARS.first &&
    value <= MOVEMENT_YEARS.last
  );
}

function yearOfIsoDate(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const year = Number(value.slice(0, 4));
  return isMovementYear(year) ? year : null;
}

/**
 * The period a document is for, as written in it: a report's year, a nomination's round (the yearly
 * round in the year of its submission date), a plan's phase (by its issue date). A report written
 * for a year that had not begun when it was received cannot be that year's: its year is a slip
 * (BC_YEAR_MISMATCH) and it counts for the year it was received in. What the document does not say
 * comes from the received time, then from the run's year; the source says which.
 */
export function periodOfDocument(
  kind: TemplateKind,
  fields: Fields | null,
  receivedAt: number | null,
  config: MovementConfig,
): DocumentPeriod {
  const receivedYear = receivedAt === null ? null : movementYearAt(receivedAt);
  const fallback = (): DocumentPeriod => {
    const fallbackPeriod = defaultPeriod(kind, { ...config, reportYear: receivedYear ?? config.reportYear });
    return { period: fallbackPeriod, source: receivedYear === null ? "config" : "received" };
  };
  if (fields === null) return fallback();
  switch (kind) {
    case "KH": {
      const issued = yearOfIsoDate(fields.issueDate);
      return issued === null
        ? fallback()
        : { period: { kind: "KH", phase: phaseOfYear(issued) }, source: "document" };
    }
    case "BC": {
      const year = fields.reportYear;
      if (!isMovementYear(year) || (receivedYear !== null && year > receivedYear)) return fallback();
      return { period: { kind: "BC", year }, source: "document" };
    }
    case "DN-KT": {
      const round = fields.round;
      if (round !== "HANGNAM" && round !== "SOKET" && round !== "TONGKET") return fallback();
      const year = yearOfIsoDate(fields.docDate) ?? receivedYear ?? config.reportYear;
      const period = roundPeriod(round as RoundCode, year) ?? fixedRoundPeriod(round as RoundCode);
      return period === null ? fallback() : { period, source: "document" };
    }
  }
}

/** A review round (sơ kết 2027, tổng kết 2030) is its own year's, whatever the date written beside it. */
function fixedRoundPeriod(round: RoundCode): Period | null {
  const year = ROUNDS.find((entry) => entry.code === round)?.year ?? null;
  return year === null ? null : roundPeriod(round, year);
}
