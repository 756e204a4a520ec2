import {
  type ConfigFile,
  type FileOutcome,
  type UnitStatus,
  type ProblemCode,
  type Severity,
  type TemplateKind,
} from "../../core/index";

/** A problem a sample file must produce, where the spec puts it (sheet and cell null for the whole file). */
export interface ExpectedProblem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly cell: string | null;
}

/** Why the sample made a file the way it is (for people and tests reading the manifest). */
export type FileScenario =
  | "valid"
  | "misnamed"
  | "late_received"
  | "late_document_date"
  | "deadline_edge_on_time"
  | "deadline_edge_late"
  | "defect"
  | "old_template"
  | "superseded"
  | "superseded_invalid"
  | "resent_after_as_of"
  | "unknown_unit"
  | "not_a_template"
  | "truncated"
  | "pdf_renamed"
  | "shifted_indicators"
  | "copied_neighbour"
  | "pdf_scan"
  | "blank_template"
  | "other_period";

export interface ManifestFile {
  /** Path relative to the sample folder, forward slashes. */
  readonly file: string;
  readonly kind: TemplateKind;
  /**
   * The unit code written in the workbook, or, for a file that cannot be read or is not a template,
   * the unit its file name names (attribution "file_name"); null when neither says.
   */
  readonly unit: string | null;
  /** Set when the unit comes from the file name alone. */
  readonly attribution?: "file_name";
  /** For an identity conflict: the registered unit whose name the workbook carries. */
  readonly pointsTo?: string;
  /** ISO instant; the file's modification time. */
  readonly receivedAt: string;
  readonly expectedOutcome: FileOutcome;
  /**
   * The errors the file must produce, exactly; plus, for a file late by its document date, the
   * warning that makes it late (KH_ISSUED_AFTER_DEADLINE, BC_DATED_AFTER_DEADLINE), and for a
   * shifted indicator sheet the warning that says so (INDICATOR_ROWS_MOVED).
   */
  readonly expectedProblems: readonly ExpectedProblem[];
  readonly scenario: FileScenario;
  /** For a defect: which one (see scripts/sample/defects.ts). */
  readonly defect?: string;
  /** For a misnamed file: the other registered unit its name points at. */
  readonly fileNameUnit?: string;
  /** For a report whose indicator rows were shifted: the figures it must still be read with, by indicator code. */
  readonly expectedIndicators?: Readonly<Record<string, number>>;
}

export interface ManifestUnit {
  readonly code: string;
  readonly kind: TemplateKind;
  readonly expectedStatus: UnitStatus;
}

/** `sample-manifest.json`: what a consolidation of the sample must find. Read by tests, never by the product. */
export interface SampleManifest {
  readonly generator: "thidua sample";
  readonly seed: number;
  readonly year: number;
  /** The moment to consolidate at: every sample file was received before it, but the ones resent after it (outcome after_as_of). */
  readonly asOf: string;
  readonly config: ConfigFile;
  readonly registry: string;
  readonly submissionsDir: string;
  readonly files: readonly ManifestFile[];
  readonly units: readonly ManifestUnit[];
  /** Counts per file outcome and per unit status (by kind), for a glance. */
  readonly counts: {
    readonly outcomes: Readonly<Record<FileOutcome, number>>;
    readonly statuses: Readonly<Record<string, Readonly<Record<UnitStatus, number>>>>;
  };
}
