import { PHASES } from "./schedule";

/**
 * The bounds values are checked against, written once: the template spec, the reader, the rules,
 * the configuration and `thidua describe` all take them from here.
 */

/** The years of the movement: the plan runs it from 2026 to 2030 (phases 1 and 2). */
export const MOVEMENT_YEARS = {
  first: PHASES[0]?.firstYear ?? 2026,
  last: PHASES[PHASES.length - 1]?.lastYear ?? 2030,
} as const;

export const VALUE_BOUNDS = {
  /** A percentage as officers write it: 87,5 means 87.5 %. */
  percent: { min: 0, max: 100 },
  /** A count of events, people, files: whole and not negative; larger is a typing slip. */
  count: { min: 0, max: 10_000_000 },
  /**
   * A year or a small number typed into a date-formatted cell is stored as a serial day number and
   * shows as a date of 1905 or so: no document of the movement is dated before this.
   */
  earliestPlausibleDate: "2000-01-01",
  /**
   * A plan task's deadline: the unit plan implements the movement to 2030 (plan IV.1 and V.1.b),
   * so any day of 2026–2030 is legitimate.
   */
  taskDeadline: { from: `${MOVEMENT_YEARS.first}-01-01`, to: `${MOVEMENT_YEARS.last}-12-31` },
} as const;
