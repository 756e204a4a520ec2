import { INDICATORS } from "../catalogue/indicators";
import { UNIT_TYPES, type UnitTypeCode } from "../catalogue/unit-types";
import type { RegistryUnit } from "../registry";
import type { GroupTotals, IndicatorRow, IndicatorTotal, Totals, UnitKindStatus, UnitStatus } from "./types";

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Counts of statuses; the rates are over what is due (or already in), never over what is not yet due. */
export function computeTotals(statuses: readonly UnitKindStatus[]): Totals {
  const counts: Record<UnitStatus, number> = { on_time: 0, late: 0, invalid: 0, missing: 0, not_due: 0 };
  for (const entry of statuses) counts[entry.status] += 1;
  const expected = statuses.length;
  const received = counts.on_time + counts.late + counts.invalid;
  const due = expected - counts.not_due;
  return {
    expected,
    received,
    onTime: counts.on_time,
    late: counts.late,
    invalid: counts.invalid,
    missing: counts.missing,
    notDue: counts.not_due,
    due,
    reportingRate: due === 0 ? 0 : round1((received / due) * 100),
    onTimeRate: due === 0 ? 0 : round1((counts.on_time / due) * 100),
  };
}

export function groupTotals(
  statuses: readonly UnitKindStatus[],
  keyOf: (unit: RegistryUnit) => string,
): GroupTotals[] {
  const groups = new Map<string, UnitKindStatus[]>();
  for (const entry of statuses) {
    const key = keyOf(entry.unit);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups].map(([key, group]) => ({ key, totals: computeTotals(group) }));
}

/** Sum for counts, mean for percentages (one decimal); null when no unit gives a value. */
export function aggregate(values: readonly number[], measure: "count" | "percent"): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((total, value) => total + value, 0);
  return measure === "count" ? sum : round1(sum / values.length);
}

/** Each indicator of the catalogue over the given rows: the province and each unit type. */
export function computeIndicatorTotals(rows: readonly IndicatorRow[]): IndicatorTotal[] {
  const byCode = new Map<string, IndicatorRow[]>();
  for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  return INDICATORS.map((indicator) => {
    const ofIndicator = byCode.get(indicator.code) ?? [];
    const byUnitType = Object.fromEntries(
      UNIT_TYPES.map((type) => [
        type.code,
        aggregate(
          ofIndicator.filter((row) => row.unitType === type.code).map((row) => row.value),
          indicator.measure,
        ),
      ]),
    ) as Record<UnitTypeCode, number | null>;
    return {
      code: indicator.code,
      content: indicator.content,
      measure: indicator.measure,
      reporting: ofIndicator.length,
      province: aggregate(
        ofIndicator.map((row) => row.value),
        indicator.measure,
      ),
      byUnitType,
    };
  });
}
