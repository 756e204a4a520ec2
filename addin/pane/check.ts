import {
  computeDeadline,
  computePeriodDeadline,
  type Period,
  configFileSchema,
  countBySeverity,
  describeConfigIssue,
  detectTemplate,
  formatProblem,
  parseIsoDate,
  resolveConfig,
  SUBMISSION_SPECS,
  toVietnamDate,
  validateWorkbook,
  type ConfigFile,
  type Deadline,
  type Language,
  type LocalizedText,
  type MovementConfig,
  type Problem,
  type TemplateKind,
  type ValidationResult,
  type WorkbookSnapshot,
  paramsOf,
} from "../../core/index";

/** What the pane shows after Kiểm tra: every decision is the core's, the pane only lays it out. */
export interface CheckReport {
  readonly recognition: Recognition;
  readonly groups: readonly ProblemGroup[];
  readonly errors: number;
  readonly warnings: number;
  /** No error left (warnings allowed): the file can be sent. */
  readonly ready: boolean;
  /** The validation: the send decision needs its kind, unit, problems and period, the saved-file check all of it. */
  readonly validation: ValidationResult;
}

export type Recognition =
  | { readonly status: "template"; readonly kind: string; readonly version: string }
  | {
      readonly status: "old-version";
      readonly kind: string;
      readonly version: string;
      readonly current: string;
    }
  | { readonly status: "not-template"; readonly problem: Problem };

export interface ProblemGroup {
  /** null: problems of the whole file. */
  readonly sheet: string | null;
  readonly errors: number;
  readonly warnings: number;
  /** Errors first, then warnings, each in the core's order (row, column). */
  readonly problems: readonly Problem[];
}

export function recognise(snapshot: WorkbookSnapshot): Recognition {
  const detection = detectTemplate(snapshot);
  if (detection.ok) return { status: "template", kind: detection.spec.kind, version: detection.version };
  const { problem } = detection;
  if (
    (problem.code === "TEMPLATE_VERSION_OLD" || problem.code === "TEMPLATE_VERSION_UNKNOWN") &&
    detection.kind !== null &&
    detection.version !== null
  )
    return {
      status: "old-version",
      kind: detection.kind,
      version: detection.version,
      current:
        (paramsOf(problem, "TEMPLATE_VERSION_OLD") ?? paramsOf(problem, "TEMPLATE_VERSION_UNKNOWN"))
          ?.expected ?? "",
    };
  return { status: "not-template", problem };
}

/** Problems by sheet in order of first appearance (whole-file ones first), errors before warnings. */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const bySheet = new Map<string | null, Problem[]>();
  for (const problem of problems) {
    const list = bySheet.get(problem.sheet) ?? [];
    list.push(problem);
    bySheet.set(problem.sheet, list);
  }
  return [...bySheet].map(([sheet, list]) => {
    const counts = countBySeverity(list);
    return {
      sheet,
      ...counts,
      problems: [
        ...list.filter((p) => p.severity === "error"),
        ...list.filter((p) => p.severity !== "error"),
      ],
    };
  });
}

export function checkSnapshot(snapshot: WorkbookSnapshot, config: MovementConfig): CheckReport {
  const result = validateWorkbook(snapshot, { config });
  const { errors, warnings } = countBySeverity(result.problems);
  return {
    recognition: recognise(snapshot),
    groups: groupProblems(result.problems),
    errors,
    warnings,
    ready: errors === 0,
    validation: result,
  };
}

/** The problem in the CLI's words: the same core catalogue. */
export function problemText(problem: Problem, language: Language): string {
  return formatProblem(problem, language);
}

/** config.json served beside the pane (thidua.config.json's schema), then the officer's overrides. */
export function buildConfig(
  file: unknown,
  overrides: ConfigFile,
  now: number,
): { config: MovementConfig; error: LocalizedText | null } {
  const parsed = configFileSchema.safeParse(file ?? {});
  const base = parsed.success ? parsed.data : {};
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  // The CLI's wording for thidua.config.json: the key, what it expects, what was found.
  const error = parsed.success
    ? null
    : issue
      ? describeConfigIssue(issue, file)
      : { vi: "config.json", en: "config.json" };
  // Where the province has set up sending, its dates decide: a date kept in one browser would make
  // the pane's "on time" disagree with what the consolidation counts (the same config, the same rule).
  const applied = base.submission === undefined ? overrides : {};
  return { config: resolveConfig(base, applied, now), error };
}

export interface DeadlineStatus {
  readonly kind: TemplateKind;
  readonly deadline: Deadline;
  /** Days from today (Vietnam) to the last day: 0 on the day itself, negative when late. */
  readonly daysLeft: number;
}

function dayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * The deadlines the banner shows: of the open file's own period once it is checked (a 2027 report
 * is due 14/11/2027, whatever year the pane is set to), else of the recognised kind, else of every
 * kind the config expects, in the configured year.
 */
export function deadlineStatuses(
  config: MovementConfig,
  kind: string | null,
  now: number,
  period: Period | null = null,
): DeadlineStatus[] {
  const today = dayNumber(toVietnamDate(now));
  if (period !== null) {
    const deadline = computePeriodDeadline(period, config);
    return deadline === null
      ? []
      : [{ kind: period.kind, deadline, daysLeft: dayNumber(deadline.lastDay) - today }];
  }
  const kinds = (kind !== null && kind in SUBMISSION_SPECS ? [kind] : config.expectedKinds) as TemplateKind[];
  return kinds.flatMap((k) => {
    const deadline = computeDeadline(k, config);
    return deadline === null ? [] : [{ kind: k, deadline, daysLeft: dayNumber(deadline.lastDay) - today }];
  });
}
