import type { ContentCode } from "../catalogue/contents";
import type { AwardCode, DepartmentCode } from "../catalogue/awards";
import type { IndividualGroupCode, NomineeKindCode, UnitTypeCode } from "../catalogue/unit-types";
import type { MovementConfig } from "../config";
import type { Problem } from "../problems";
import type { RegistryUnit } from "../registry";
import type { TemplateKind } from "../template-spec/types";
import type { PeriodKey } from "../catalogue/periods";

/**
 * Status of one expected unit for one kind and period (DHIS2-style completeness and timeliness).
 * "not_due": nothing received yet and the deadline has not passed (or none is set): never missing.
 */
export type UnitStatus = "on_time" | "late" | "invalid" | "missing" | "not_due";

/** What became of one file: the chosen file of its unit and kind carries that unit's status. */
export type FileOutcome =
  | "on_time"
  | "late"
  | "invalid"
  | "duplicate"
  | "unknown_unit"
  | "not_a_template"
  | "unreadable"
  | "after_as_of"
  | "identity_conflict"
  | "blank_template"
  | "not_a_spreadsheet"
  | "other_period";

export const UNIT_STATUSES: readonly UnitStatus[] = ["on_time", "late", "invalid", "missing", "not_due"];

/** Order in which units are followed up: the most urgent first. */
export const FOLLOW_UP_ORDER: readonly Exclude<UnitStatus, "on_time" | "not_due">[] = [
  "missing",
  "invalid",
  "late",
];
export const FILE_OUTCOMES: readonly FileOutcome[] = [
  "on_time",
  "late",
  "invalid",
  "duplicate",
  "unknown_unit",
  "not_a_template",
  "unreadable",
  "after_as_of",
  "identity_conflict",
  "blank_template",
  "not_a_spreadsheet",
  "other_period",
];

/** A OneDrive/SharePoint file's identity and uploader, so that an officer can find it and say who sent it. */
export interface FileOrigin {
  readonly url: string | null;
  readonly driveId: string;
  readonly itemId: string;
  /** `lastModifiedBy` of the version read: display name and e-mail when the service gives them. */
  readonly uploadedBy: string | null;
  /** Set when receiving staff edited the file after the unit's version (the version judged): who, and when (epoch ms). */
  readonly editedLater?: { readonly by: string | null; readonly at: number };
}

/** What is known of any received file, before and after the consolidation judges it. */
export interface ReceivedFile {
  /** Path relative to the source folder, with forward slashes. */
  readonly file: string;
  /** Epoch ms the file was received (modification time in a folder, upload time on OneDrive). */
  readonly receivedAt: number;
  readonly sizeBytes: number;
  readonly sha256: string;
  /** Kind named by the stamp; null when there is none or the file could not be opened. */
  readonly kind: TemplateKind | null;
  readonly version: string | null;
  /** The unit code and name written in the workbook. */
  readonly unitCode: string | null;
  readonly unitName: string | null;
  readonly problems: readonly Problem[];
  /** Set by a remote source (OneDrive); absent for a local folder. */
  readonly origin?: FileOrigin;
  /**
   * The period the file is for (periodOfDocument: the year or round written in it); null when its
   * kind is unknown. A file attributed by its name alone takes its period from its received time.
   */
  readonly period: PeriodKey | null;
}

/** A validated file as the consolidation sees it (what a worker sends back). */
export interface SubmittedFile extends ReceivedFile {
  /** Whether the workbook could be opened at all. */
  readonly readable: boolean;
  /** A template with nothing filled in (no field, no row): dropped in the folder, not sent. */
  readonly blank?: boolean;
  readonly extracts: SubmissionExtracts;
}

/** The rows a submission contributes to the province-wide sheets. */
export interface SubmissionExtracts {
  readonly tasks: readonly TaskExtract[];
  readonly indicators: readonly IndicatorExtract[];
  readonly nominations: readonly NominationExtract[];
}

export interface TaskExtract {
  readonly row: number;
  readonly content: ContentCode | null;
  readonly task: string | null;
  readonly target: string | null;
  readonly lead: string | null;
  /** YYYY-MM-DD. */
  readonly deadline: string | null;
  readonly expectedResult: string | null;
}

export interface IndicatorExtract {
  readonly code: string;
  readonly value: number;
}

export interface NominationExtract {
  readonly row: number;
  readonly nomineeKind: NomineeKindCode | null;
  readonly nomineeName: string | null;
  readonly position: string | null;
  readonly individualGroup: IndividualGroupCode | null;
  readonly award: AwardCode | null;
  readonly content: ContentCode | null;
  readonly achievement: string | null;
  readonly evidence: string | null;
  /** Sở NN&MT for green transformation (ND4), otherwise Sở KH&CN. */
  readonly department: DepartmentCode | null;
}

/** A received file judged: its outcome, and the problems it has (the consolidation's own added). */
export interface ConsolidatedFile extends ReceivedFile {
  readonly outcome: FileOutcome;
  /** For a duplicate: the file that won. */
  readonly supersededBy: string | null;
  /**
   * How the file was matched to its unit: by the code in the workbook, by its file name alone
   * (a file that cannot be read or is not a template but is named "KH_SNV.xlsx"), or not at all.
   */
  readonly attribution: "workbook" | "file_name" | null;
  /**
   * For an identity conflict or an unknown unit code: the registry unit the file's unit name (or
   * else its file name) points to, if any.
   */
  readonly pointsTo: string | null;
  readonly errors: number;
  readonly warnings: number;
}

export interface UnitKindStatus {
  readonly unit: RegistryUnit;
  readonly kind: TemplateKind;
  readonly period: PeriodKey;
  /** The period's last day (YYYY-MM-DD), null when none is set. */
  readonly lastDay: string | null;
  readonly status: UnitStatus;
  /** The chosen file (newest received), or null when missing. */
  readonly file: string | null;
  readonly receivedAt: number | null;
  readonly errors: number;
  readonly warnings: number;
  /** Older files of the same unit and kind, listed as duplicates. */
  readonly duplicates: number;
  /** Files of this kind and period that carry this unit's name under another code (identity conflicts, unknown codes): to review. */
  readonly underReview: readonly string[];
}

export interface Totals {
  readonly expected: number;
  readonly received: number;
  readonly onTime: number;
  readonly late: number;
  readonly invalid: number;
  readonly missing: number;
  /** Not received and not yet due: in no rate. */
  readonly notDue: number;
  /** expected − notDue: what is due or already in, the rates' denominator. */
  readonly due: number;
  /** received / due, 0–100, one decimal; 0 when nothing is due. */
  readonly reportingRate: number;
  /** onTime / due, 0–100, one decimal. */
  readonly onTimeRate: number;
}

export interface GroupTotals {
  /** A unit type code (CQ, MT, DN) or a cluster name; "" for units whose registry row names no cluster. */
  readonly key: string;
  readonly totals: Totals;
}

/** What a source found besides the files it handed over, and what its received times mean. */
export interface SourceListing {
  /** Files that are not spreadsheets (a PDF scan, a Word file, an archive): listed, not read. */
  readonly otherFiles: readonly {
    readonly file: string;
    readonly receivedAt: number;
    readonly sizeBytes: number;
  }[];
  /** Folders that could not be read, with the system's reason (EACCES, EPERM…). */
  readonly unreadableFolders: readonly { readonly folder: string; readonly reason: string }[];
  /**
   * A local folder gives file modification times (a copy resets them; a synced folder gives the
   * sender's last edit); OneDrive gives upload times.
   */
  readonly receivedTimes: "modification_time" | "upload_time";
}

export interface IndicatorTotal {
  readonly code: string;
  readonly content: ContentCode | null;
  readonly measure: "count" | "percent";
  /** Units whose accepted report gives a value. */
  readonly reporting: number;
  /** Sum for counts, mean for percentages (one decimal), over accepted reports; null when none. */
  readonly province: number | null;
  readonly byUnitType: Readonly<Record<UnitTypeCode, number | null>>;
}

/** The registry the run expected units from, for the audit trail and the problem list. */
export interface RegistryFacts {
  readonly file: string;
  readonly sha256: string;
  /** Units read from it (rows left out are among its problems). */
  readonly units: number;
  readonly problems: readonly Problem[];
}

/** Who a row is from, as the registry lists it: every province-wide row carries it. */
export interface RowUnit {
  readonly unitCode: string;
  readonly unitName: string;
  /** Null when the registry gives no type of the catalogue. */
  readonly unitType: UnitTypeCode | null;
  readonly cluster: string;
  /** The accepted file the row comes from. */
  readonly file: string;
  readonly period: PeriodKey;
}

export type TaskRow = TaskExtract & RowUnit;
export type IndicatorRow = IndicatorExtract & RowUnit;
export type NominationRow = NominationExtract & RowUnit;

/** A period the run counts, its deadline and whether it has passed at the as-of moment. */
export interface PeriodFacts {
  readonly period: PeriodKey;
  readonly kind: TemplateKind;
  /** YYYY-MM-DD, the last day; null when none is set (then nothing of it is ever missing). */
  readonly lastDay: string | null;
  readonly passed: boolean;
  /** Whether every registered unit must send it (config expectedKinds). */
  readonly expected: boolean;
}

/** One round's nominations, from the accepted files of that round. */
export interface RoundTotals {
  readonly period: PeriodKey;
  readonly files: number;
  readonly nominations: number;
  readonly byAward: readonly { readonly award: string; readonly count: number }[];
  readonly byDepartment: readonly { readonly department: string; readonly count: number }[];
}

/** Sơ kết 2027 and tổng kết 2030 look across the years: each unit's report per year, the province's totals per year. */
export interface AcrossYears {
  readonly years: readonly number[];
  readonly units: readonly {
    readonly unit: RegistryUnit;
    readonly years: readonly {
      readonly year: number;
      readonly status: UnitStatus;
      readonly file: string | null;
      /** Indicator code → value, from the accepted report of that year. */
      readonly indicators: Readonly<Record<string, number>>;
    }[];
  }[];
  readonly indicators: readonly {
    readonly code: string;
    readonly measure: "count" | "percent";
    readonly byYear: readonly {
      readonly year: number;
      readonly reporting: number;
      readonly province: number | null;
    }[];
  }[];
  /** The report's totals per year (received, on time, … of that year's report). */
  readonly totals: readonly { readonly year: number; readonly totals: Totals }[];
}

export interface ConsolidationResult {
  readonly asOf: number;
  readonly source: string;
  /** The year consolidated: its report and rounds, and the plan (sent once, still expected). */
  readonly year: number;
  /** Null when the caller gave the registry as data, not as a file. */
  readonly registry: RegistryFacts | null;
  /** Kinds the run was limited to (--kind), or null for all. */
  readonly kindsFilter: readonly TemplateKind[] | null;
  readonly config: MovementConfig;
  readonly templateVersion: string;
  readonly ruleVersion: string;
  /** The periods of the year, in order, with their deadlines: what every other list is about. */
  readonly periods: readonly PeriodFacts[];
  readonly totals: Totals;
  readonly totalsByKind: readonly { readonly kind: TemplateKind; readonly totals: Totals }[];
  readonly totalsByPeriod: readonly {
    readonly period: PeriodKey;
    readonly kind: TemplateKind;
    readonly totals: Totals;
  }[];
  readonly byUnitType: readonly GroupTotals[];
  readonly byCluster: readonly GroupTotals[];
  readonly statuses: readonly UnitKindStatus[];
  readonly files: readonly ConsolidatedFile[];
  /** Rows of accepted (non-duplicate, known-unit) submissions of the year's periods and the kinds in scope. */
  readonly tasks: readonly TaskRow[];
  readonly indicators: readonly IndicatorRow[];
  readonly indicatorTotals: readonly IndicatorTotal[];
  readonly nominations: readonly NominationRow[];
  readonly roundTotals: readonly RoundTotals[];
  readonly acrossYears: AcrossYears;
  /** Problems of the source itself (an unreadable folder, received times that look copied). */
  readonly sourceProblems: readonly Problem[];
  /** What the received times are; null when the caller did not say. */
  readonly receivedTimes: "modification_time" | "upload_time" | null;
  /** Units to follow up (not on time, and due): missing first, then invalid, then late; registry order within. */
  readonly followUp: readonly UnitKindStatus[];
  /** Files for an officer to look at: identity conflicts, in path order (each says the unit it points to). */
  readonly review: readonly ConsolidatedFile[];
  /** Files per outcome, every outcome listed, in FILE_OUTCOMES order. */
  readonly outcomeCounts: readonly { readonly outcome: FileOutcome; readonly count: number }[];
  /** The deadline of each expected kind and period (YYYY-MM-DD, the last day), null when none is set. */
  readonly deadlines: readonly {
    readonly kind: TemplateKind;
    readonly period: PeriodKey;
    readonly lastDay: string | null;
  }[];
  /** Most frequent problem codes across the files in the result, most frequent first. */
  readonly topProblems: readonly { readonly code: string; readonly count: number; readonly files: number }[];
}
