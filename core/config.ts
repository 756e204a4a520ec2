import { z } from "zod";
import { isValidCalendarDate, parseIsoDate, toVietnamDate } from "./values/calendar";
import { MOVEMENT_YEARS } from "./catalogue/bounds";
import { parsePeriodKey, type PeriodKey } from "./catalogue/periods";
import type { PhaseCode } from "./catalogue/schedule";

const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((text) => {
    const { year, month, day } = parseIsoDate(text);
    return isValidCalendarDate(year, month, day);
  }, "not a calendar date");

const firstYear = MOVEMENT_YEARS.first;

/** Microsoft Graph v1.0: where the pane sends unless the configuration names another endpoint. */
export const DEFAULT_GRAPH_ENDPOINT = "https://graph.microsoft.com/v1.0";

/** An Entra ID application (client) id or directory (tenant) id: a GUID. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where and how the pane sends a checked file (issue 16). The folder is addressed as
 * `consolidate --source` takes it, except `onedrive:/path`: that names each officer's own drive,
 * never the province's folder.
 */
export const submissionSchema = z
  .object({
    folder: z
      .string()
      .refine(
        (text) => /^onedrive:[^/\s]+\/[^/\s]+\/?$/i.test(text) || /^https:\/\/\S+$/i.test(text),
        "onedrive:<drive-id>/<item-id> or an https:// sharing link",
      ),
    clientId: z.string().regex(GUID, "a GUID").optional(),
    /** The directory (tenant) id, or the tenant's domain such as hatinh.gov.vn. */
    tenant: z
      .string()
      .refine((text) => GUID.test(text) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(text), "a GUID or a domain")
      .optional(),
    graphEndpoint: z
      .string()
      .refine((text) => /^https:\/\/[^\s/]+(\/\S*)?$/i.test(text), "an https:// address")
      .optional(),
    /** "page-global" reads window.__thiduaToken: automated tests and diagnostics only, never deployed. */
    tokenProvider: z.enum(["msal", "page-global"]).optional(),
  })
  .strict();

const lastYear = MOVEMENT_YEARS.last;

/** `thidua.config.json`: what the province sets once per campaign. Every key is optional in the file. */
export const configFileSchema = z
  .object({
    /** Date of the provincial plan (ngày ban hành Kế hoạch của UBND tỉnh); blank in the draft, so configuration. */
    provincialPlanDate: isoDateSchema.nullable().optional(),
    /**
     * The year consolidated. In the file it is retired (accepted, ignored, with a note): the year is
     * `--year`, else the year of `--as-of`, so the same config serves all five years.
     */
    reportYear: z.number().int().min(firstYear).max(lastYear).optional(),
    /** Retired (accepted, ignored, with a note): every round of the consolidated year is consolidated. */
    round: z.enum(["HANGNAM", "SOKET", "TONGKET"]).optional(),
    /** The plan sets no deadline for nominations: Sở KH&CN announces one per round. This one applies to every round without its own. */
    nominationDeadline: isoDateSchema.nullable().optional(),
    /** A deadline per round, keyed by period: `{"DN-KT:SOKET:2027": "2027-03-31", "DN-KT:HANGNAM:2026": "2026-12-15"}`. */
    nominationDeadlines: z
      .record(
        z.string().refine((key) => parsePeriodKey(key)?.kind === "DN-KT", "a round such as DN-KT:SOKET:2027"),
        isoDateSchema,
      )
      .optional(),
    /** Phases whose unit plans are expected: phase 1 by the plan; phase 2 (2028) only if the province asks. */
    planPhases: z
      .array(z.enum(["GD1", "GD2"]))
      .min(1)
      .optional(),
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
    /** The province's submission folder and sign-in, for sending from the pane. */
    submission: submissionSchema.optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof configFileSchema>;

/** The submission block with its defaults filled. */
export interface SubmissionConfig {
  readonly folder: string;
  readonly clientId: string | null;
  readonly tenant: string | null;
  /** Without a trailing slash. */
  readonly graphEndpoint: string;
  readonly tokenProvider: "msal" | "page-global";
}

export function resolveSubmission(file: z.infer<typeof submissionSchema>): SubmissionConfig {
  return {
    folder: file.folder,
    clientId: file.clientId ?? null,
    tenant: file.tenant ?? null,
    graphEndpoint: (file.graphEndpoint ?? DEFAULT_GRAPH_ENDPOINT).replace(/\/+$/, ""),
    tokenProvider: file.tokenProvider ?? "msal",
  };
}

/** Keys a config file may still hold from before the movement was counted period by period. */
export type RetiredConfigKey = "reportYear" | "round";

export interface MovementConfig {
  readonly provincialPlanDate: string | null;
  /**
   * The year consolidated (its report, its rounds; the plan stays expected): `--year`, else the year
   * of the as-of moment in Vietnam, within the movement's years.
   */
  readonly reportYear: number;
  /** Applies to every round that has no deadline of its own in `nominationDeadlines`. */
  readonly nominationDeadline: string | null;
  readonly nominationDeadlines: Readonly<Record<PeriodKey, string>>;
  readonly expectedKinds: readonly ("KH" | "BC" | "DN-KT")[];
  readonly planPhases: readonly PhaseCode[];
  /** Keys of the file that are no longer used: the caller says so once. */
  readonly retiredKeys: readonly RetiredConfigKey[];
  /** Lower-cased e-mail addresses and "@domain" entries; absent when not configured. */
  readonly staffAccounts?: readonly string[];
  /** Sending from the pane; absent when the province has not set it up. */
  readonly submission?: SubmissionConfig;
}

/** The movement year of an instant in Vietnam, clamped to the movement's years. */
export function movementYearAt(epochMs: number): number {
  const year = Number(toVietnamDate(epochMs).slice(0, 4));
  return Math.min(Math.max(year, firstYear), lastYear);
}

/**
 * Fills what the file and the flags leave open. The year is the flag's, else the year of `nowEpochMs`
 * (the as-of moment) in Vietnam; the file's `reportYear` and `round` no longer choose a period.
 */
export function resolveConfig(file: ConfigFile, overrides: ConfigFile, nowEpochMs: number): MovementConfig {
  const merged = {
    ...file,
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  } as ConfigFile;
  const retiredKeys: RetiredConfigKey[] = [];
  if (file.reportYear !== undefined && overrides.reportYear === undefined) retiredKeys.push("reportYear");
  if (merged.round !== undefined) retiredKeys.push("round");
  return {
    provincialPlanDate: merged.provincialPlanDate ?? null,
    reportYear: overrides.reportYear ?? movementYearAt(nowEpochMs),
    nominationDeadline: merged.nominationDeadline ?? null,
    nominationDeadlines: merged.nominationDeadlines ?? {},
    expectedKinds: merged.expectedKinds ?? ["KH", "BC"],
    planPhases: merged.planPhases ?? ["GD1"],
    retiredKeys,
    ...(merged.staffAccounts?.length
      ? { staffAccounts: merged.staffAccounts.map((entry) => entry.toLowerCase()) }
      : {}),
    ...(merged.submission ? { submission: resolveSubmission(merged.submission) } : {}),
  };
}
