import { z } from "zod";
import { isValidCalendarDate, parseIsoDate, toVietnamDate } from "./values/calendar";
import { MOVEMENT_YEARS } from "./catalogue/bounds";

const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((text) => {
    const { year, month, day } = parseIsoDate(text);
    return isValidCalendarDate(year, month, day);
  }, "not a calendar date");

const firstYear = MOVEMENT_YEARS.first;
const lastYear = MOVEMENT_YEARS.last;

/** `thidua.config.json`: what the province sets once per campaign. Every key is optional in the file. */
export const configFileSchema = z
  .object({
    /** Date of the provincial plan (ngày ban hành Kế hoạch của UBND tỉnh); blank in the draft, so configuration. */
    provincialPlanDate: isoDateSchema.nullable().optional(),
    /** The year whose reports are being collected. */
    reportYear: z.number().int().min(firstYear).max(lastYear).optional(),
    /** The round whose nominations are being collected. */
    round: z.enum(["HANGNAM", "SOKET", "TONGKET"]).optional(),
    /** The plan sets no deadline for nominations: Sở KH&CN announces one per round. */
    nominationDeadline: isoDateSchema.nullable().optional(),
    /** Which kinds every registered unit must send (DN-KT is optional per unit by nature). */
    expectedKinds: z
      .array(z.enum(["KH", "BC", "DN-KT"]))
      .min(1)
      .optional(),
    /**
     * OneDrive accounts of the receiving office (Sở Nội vụ) whose edits never count as a submission:
     * e-mail addresses, or "@domain" for a whole domain. A file is judged on its newest version by
     * anyone else (its time, its bytes).
     */
    staffAccounts: z
      .array(z.string().regex(/^([^@\s]+@[^@\s]+|@[^@\s]+)$/, "an e-mail address or @domain"))
      .optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof configFileSchema>;

export interface MovementConfig {
  readonly provincialPlanDate: string | null;
  readonly reportYear: number;
  readonly round: "HANGNAM" | "SOKET" | "TONGKET";
  readonly nominationDeadline: string | null;
  readonly expectedKinds: readonly ("KH" | "BC" | "DN-KT")[];
  /** Lower-cased e-mail addresses and "@domain" entries; absent when not configured. */
  readonly staffAccounts?: readonly string[];
}

/** Fills what the file and the flags leave open; the report year defaults to the current year in Vietnam. */
export function resolveConfig(file: ConfigFile, overrides: ConfigFile, nowEpochMs: number): MovementConfig {
  const merged = {
    ...file,
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  } as ConfigFile;
  const currentYear = Number(toVietnamDate(nowEpochMs).slice(0, 4));
  return {
    provincialPlanDate: merged.provincialPlanDate ?? null,
    reportYear: merged.reportYear ?? Math.min(Math.max(currentYear, firstYear), lastYear),
    round: merged.round ?? "HANGNAM",
    nominationDeadline: merged.nominationDeadline ?? null,
    expectedKinds: merged.expectedKinds ?? ["KH", "BC"],
    ...(merged.staffAccounts?.length
      ? { staffAccounts: merged.staffAccounts.map((entry) => entry.toLowerCase()) }
      : {}),
  };
}
