import {
  type ConfigFile,
  type MovementConfig,
  FILE_OUTCOMES,
  UNIT_STATUSES,
  type FileOutcome,
  type UnitStatus,
  computePlanDeadline,
  computeReportDeadline,
  BC_SPEC,
  DNKT_SPEC,
  KH_SPEC,
  MOVEMENT_YEARS,
  ROUNDS,
  type KeyedRowsSpec,
  SUBMISSION_SPECS,
  type TemplateKind,
  addDays,
  formatIsoDate,
  startOfVietnamDay,
  toVietnamDate,
  type IsoDate,
  removeVietnameseMarks,
} from "../../core/index";
import type { TemplateFill } from "../xlsx/write-template";
import { applicableDefects, findDefect, locateField } from "./defects";
import { buildBcFill, buildDnktFill, buildKhFill, sampleRound, toOption, type MutableFill } from "./fills";
import type { ExpectedProblem, FileScenario, ManifestFile, ManifestUnit, SampleManifest } from "./manifest";
import { deriveRandom, type Random } from "./random";
import {
  CLUSTERS,
  buildSampleUnits,
  createUnregisteredUnit,
  sampleNumberWidth,
  type SampleUnit,
} from "./units";

/** What one sample file is made of; plain data, so that it can be handed to a worker thread. */
export type FileBody =
  | {
      readonly type: "template";
      readonly kind: TemplateKind | "DS-DV";
      readonly version?: string;
      readonly fill: TemplateFill;
    }
  /** A workbook without the template's stamp: a unit that made its own sheet. */
  | {
      readonly type: "plain";
      readonly sheet: string;
      readonly rows: readonly (readonly (string | number)[])[];
    }
  /** A filled template cut short, as an interrupted upload leaves it. */
  | {
      readonly type: "truncated";
      readonly kind: TemplateKind;
      readonly fill: TemplateFill;
      readonly keepFraction: number;
    }
  /** A PDF renamed .xlsx. */
  | { readonly type: "pdf"; readonly title: string }
  /** A filled yearly report whose indicator sheet lost its instruction row (every indicator one row up). */
  | { readonly type: "indicator_row_deleted"; readonly fill: TemplateFill };

export interface FileJob {
  /** Path relative to the sample folder, forward slashes. */
  readonly path: string;
  readonly body: FileBody;
  /** Epoch ms; becomes the file's modification time. */
  readonly receivedAt: number;
}

export interface SamplePlan {
  readonly config: ConfigFile;
  readonly units: readonly SampleUnit[];
  readonly registryFill: TemplateFill;
  readonly jobs: readonly FileJob[];
  readonly manifest: SampleManifest;
}

export const SAMPLE_FILES = {
  config: "thidua.config.json",
  registry: "registry.xlsx",
  submissions: "submissions",
  manifest: "sample-manifest.json",
} as const;

/** The provincial plan's date is blank in the seed: the sample picks one. */
export const SAMPLE_PLAN_DATE: IsoDate = "2026-05-05";
export { sampleRound } from "./fills";
/** A stamp the templates no longer accept (core/template-spec/common-fields.ts lists it as retired). */
const OLD_VERSION = KH_SPEC.retiredVersions[0] ?? "2026.0";

/** What becomes of one unit's expected submission of one kind. */
type SlotScenario =
  | {
      readonly type:
        | "missing"
        | "valid"
        | "misnamed"
        | "late_received"
        | "late_document_date"
        | "edge_on_time"
        | "edge_late";
    }
  | {
      readonly type:
        | "old_template"
        | "duplicate"
        | "not_a_template"
        | "truncated"
        | "pdf_renamed"
        | "resent_after_as_of"
        | "shifted_indicators"
        // Identity and listing cases (issue 8): a neighbour's file with the unit's own name, a PDF scan beside a workbook.
        | "copied_neighbour"
        | "valid_with_scan";
    }
  | { readonly type: "defect"; readonly defect: string }
  | { readonly type: "duplicate_invalid_first"; readonly defect: string };

type ScenarioType = SlotScenario["type"];

/** Every scenario a kind must show at least once, most telling first (they go to the first units when N is small). */
function requiredScenarios(kind: TemplateKind, year: number): SlotScenario[] {
  const defects = applicableDefects(kind, year).map((defect): SlotScenario => ({
    type: "defect",
    defect: defect.id,
  }));
  const firstDefect = applicableDefects(kind, year)[0]?.id ?? "";
  switch (kind) {
    case "KH":
      return [
        { type: "valid" },
        { type: "missing" },
        { type: "late_received" },
        ...defects,
        { type: "late_document_date" },
        { type: "duplicate" },
        { type: "duplicate_invalid_first", defect: firstDefect },
        { type: "old_template" },
        { type: "misnamed" },
        { type: "not_a_template" },
        { type: "pdf_renamed" },
        { type: "copied_neighbour" },
        { type: "valid_with_scan" },
      ];
    case "BC":
      return [
        { type: "valid" },
        { type: "missing" },
        { type: "edge_on_time" },
        { type: "edge_late" },
        ...defects,
        { type: "late_document_date" },
        { type: "late_received" },
        { type: "duplicate" },
        { type: "old_template" },
        { type: "truncated" },
        { type: "resent_after_as_of" },
        { type: "shifted_indicators" },
      ];
    case "DN-KT":
      return [{ type: "valid" }, ...defects];
  }
}

/** Shares of each scenario among the units not given a required one. */
const SCENARIO_WEIGHTS: Readonly<Record<TemplateKind, readonly (readonly [ScenarioType, number])[]>> = {
  KH: [
    ["valid", 0.655],
    ["missing", 0.07],
    ["late_received", 0.06],
    ["late_document_date", 0.02],
    ["defect", 0.09],
    ["misnamed", 0.02],
    ["old_template", 0.02],
    ["duplicate", 0.04],
    ["duplicate_invalid_first", 0.015],
    ["not_a_template", 0.005],
    ["pdf_renamed", 0.005],
  ],
  BC: [
    ["valid", 0.625],
    ["missing", 0.08],
    ["late_received", 0.07],
    ["late_document_date", 0.02],
    ["defect", 0.09],
    ["misnamed", 0.02],
    ["old_template", 0.02],
    ["duplicate", 0.04],
    ["duplicate_invalid_first", 0.015],
    ["not_a_template", 0.005],
    ["truncated", 0.005],
    ["resent_after_as_of", 0.01],
  ],
  "DN-KT": [
    ["valid", 0.8],
    ["defect", 0.15],
    ["duplicate", 0.05],
  ],
};

/** Share of units that send nominations in the round by default (DN-KT is not expected of every unit). */
export const DEFAULT_NOMINATING_SHARE = 0.22;
/** Share of units that send a file under a code the registry does not know. */
const UNKNOWN_UNIT_SHARE = 0.01;

function drawScenario(kind: TemplateKind, random: Random, year: number): SlotScenario {
  const roll = random.next();
  let total = 0;
  let chosen: ScenarioType = "valid";
  for (const [type, weight] of SCENARIO_WEIGHTS[kind]) {
    total += weight;
    if (roll < total) {
      chosen = type;
      break;
    }
  }
  if (chosen === "defect" || chosen === "duplicate_invalid_first")
    return { type: chosen, defect: random.pick(applicableDefects(kind, year)).id };
  return { type: chosen } as SlotScenario;
}

/** Required scenarios go to units in a shuffled order, the rest are drawn by weight. */
function assignScenarios(
  kind: TemplateKind,
  units: readonly SampleUnit[],
  seed: number,
  year: number,
): Map<string, SlotScenario> {
  const random = deriveRandom(seed, "assign", kind);
  const order = random.shuffle(units);
  const required = requiredScenarios(kind, year);
  const assigned = new Map<string, SlotScenario>();
  order.forEach((unit, index) =>
    assigned.set(unit.code, required[index] ?? drawScenario(kind, random, year)),
  );
  return assigned;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function dayBetween(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

function maxDay(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** A moment in office hours (07:00–17:59 Vietnam time) of a Vietnamese day, to the minute. */
function receivedDuringOfficeHours(day: IsoDate, random: Random): number {
  return startOfVietnamDay(day) + (random.int(7, 17) * 60 + random.int(0, 59)) * 60_000;
}

/** When each kind may be received on time or late, from the deadlines the product computes. */
interface Windows {
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
  /** The first late instant (epoch ms). */
  readonly dueBefore: number;
  /** Earliest date a document of the kind is dated. */
  readonly earliestDocument: IsoDate;
  /** Last day late files still come in before the sample's as-of moment. */
  readonly lateUntil: IsoDate;
}

function computeWindows(config: MovementConfig, year: number): Record<TemplateKind, Windows> {
  const plan = computePlanDeadline(config);
  const report = computeReportDeadline(year);
  const planDate = config.provincialPlanDate ?? SAMPLE_PLAN_DATE;
  return {
    KH: {
      firstDay: addDays(planDate, 1),
      lastDay: plan.lastDay,
      dueBefore: plan.dueBefore,
      earliestDocument: addDays(planDate, 1),
      lateUntil: addDays(plan.lastDay, 26),
    },
    BC: {
      firstDay: formatIsoDate(year, 11, 1),
      lastDay: report.lastDay,
      dueBefore: report.dueBefore,
      earliestDocument: formatIsoDate(year, 10, 25),
      lateUntil: addDays(report.lastDay, 10),
    },
    // No deadline is set for nominations in the sample's config: they come in with the reports.
    "DN-KT": {
      firstDay: formatIsoDate(year, 11, 1),
      lastDay: formatIsoDate(year, 11, 20),
      dueBefore: Number.POSITIVE_INFINITY,
      earliestDocument: formatIsoDate(year, 10, 25),
      lateUntil: formatIsoDate(year, 11, 20),
    },
  };
}

interface Timing {
  readonly receivedAt: number;
  readonly documentDate: IsoDate;
}

/** Received in time, dated on the day or up to a few days before. */
function timingOnTime(
  windows: Windows,
  random: Random,
  from: IsoDate = windows.firstDay,
  to: IsoDate = windows.lastDay,
): Timing {
  const day = dayBetween(random, from, to);
  return {
    receivedAt: receivedDuringOfficeHours(day, random),
    documentDate: dayBetween(random, maxDay(windows.earliestDocument, addDays(day, -5)), day),
  };
}

function timingLateReceived(windows: Windows, random: Random): Timing {
  const day = dayBetween(random, addDays(windows.lastDay, 1), windows.lateUntil);
  return {
    receivedAt: receivedDuringOfficeHours(day, random),
    documentDate: dayBetween(random, addDays(windows.lastDay, -6), windows.lastDay),
  };
}

/** Received in time but dated after the deadline: a post-dated document, late by its own date. */
function timingLateDocument(windows: Windows, random: Random): Timing {
  const day = dayBetween(random, addDays(windows.lastDay, -7), windows.lastDay);
  return {
    receivedAt: receivedDuringOfficeHours(day, random),
    documentDate: dayBetween(random, addDays(windows.lastDay, 1), addDays(windows.lastDay, 7)),
  };
}

function buildFill(
  kind: TemplateKind,
  unit: SampleUnit,
  documentDate: IsoDate,
  year: number,
  random: Random,
): MutableFill {
  const docNumber = random.int(1, 250);
  switch (kind) {
    case "KH":
      return buildKhFill({ unit, issueDate: documentDate, docNumber, random });
    case "BC":
      return buildBcFill({ unit, year, reportDate: documentDate, docNumber, random });
    case "DN-KT":
      return buildDnktFill({ unit, round: sampleRound(year), docDate: documentDate, docNumber, random });
  }
}

const FILE_PREFIX: Readonly<Record<TemplateKind, string>> = { KH: "KH", BC: "BC", "DN-KT": "DN-KT" };
const RESUBMISSION_SUFFIXES = ["_bo-sung", "_v2", "_sua-doi", " (1)"] as const;

interface PlannedFile {
  readonly job: FileJob;
  readonly entry: ManifestFile;
}

/** Builds paths, bodies and manifest entries; keeps every path unique. */
class FilePlanner {
  private readonly used = new Set<string>();
  readonly files: PlannedFile[] = [];

  constructor(readonly year: number) {}

  folderFor(kind: TemplateKind, unit: SampleUnit): string {
    // Reports of one commune cluster sit in a sub-folder, as a cluster's collector sends them.
    if (kind === "BC" && unit.cluster === CLUSTERS.communes(3)) return "submissions/BC/cum-3";
    return `submissions/${FILE_PREFIX[kind]}`;
  }

  pathFor(kind: TemplateKind, folder: string, code: string, suffix = ""): string {
    return this.freePath(`${folder}/${FILE_PREFIX[kind]}_${code}${suffix}`);
  }

  /** A path not used yet: `base.extension`, else `base_2.extension`, … */
  freePath(base: string, extension = ".xlsx"): string {
    let path = `${base}${extension}`;
    for (let copy = 2; this.used.has(path); copy += 1) path = `${base}_${copy}${extension}`;
    this.used.add(path);
    return path;
  }

  add(
    path: string,
    body: FileBody,
    receivedAt: number,
    entry: Omit<ManifestFile, "file" | "receivedAt">,
  ): void {
    this.files.push({
      job: { path, body, receivedAt },
      entry: { file: path, receivedAt: new Date(receivedAt).toISOString(), ...entry },
    });
  }

  template(
    kind: TemplateKind,
    path: string,
    fill: MutableFill,
    timing: Timing,
    entry: Omit<ManifestFile, "file" | "receivedAt" | "kind">,
    version?: string,
  ): void {
    const body: FileBody =
      version === undefined ? { type: "template", kind, fill } : { type: "template", kind, version, fill };
    this.add(path, body, timing.receivedAt, { kind, ...entry });
  }
}

function lateDocumentWarning(kind: TemplateKind): ExpectedProblem[] {
  switch (kind) {
    case "KH":
      return [
        { code: "KH_ISSUED_AFTER_DEADLINE", severity: "warning", ...locateField(KH_SPEC, "issueDate") },
      ];
    case "BC":
      return [
        { code: "BC_DATED_AFTER_DEADLINE", severity: "warning", ...locateField(BC_SPEC, "reportDate") },
      ];
    case "DN-KT":
      return [];
  }
}

const WHOLE_FILE = { sheet: null, cell: null } as const;

/** The day Sở Nội vụ consolidates in the sample (at noon): ten days after the report deadline. */
function sampleAsOfDay(year: number): IsoDate {
  return formatIsoDate(year, 11, 25);
}

/** Plans the files of one unit and kind; returns the unit's expected status for that kind. */
function planSlot(
  planner: FilePlanner,
  kind: TemplateKind,
  unit: SampleUnit,
  scenario: SlotScenario,
  windows: Windows,
  registry: readonly SampleUnit[],
  seed: number,
): UnitStatus {
  const random = deriveRandom(seed, "file", kind, unit.code);
  const year = planner.year;
  const folder = planner.folderFor(kind, unit);
  const fillFor = (timing: Timing): MutableFill => buildFill(kind, unit, timing.documentDate, year, random);
  const valid = (
    scenarioName: FileScenario,
    timing: Timing,
    outcome: FileOutcome,
    path: string,
    extra: Partial<ManifestFile> = {},
  ): void => {
    planner.template(kind, path, fillFor(timing), timing, {
      unit: unit.code,
      expectedOutcome: outcome,
      expectedProblems: [],
      scenario: scenarioName,
      ...extra,
    });
  };

  switch (scenario.type) {
    case "missing":
      return "missing";
    case "valid":
      valid("valid", timingOnTime(windows, random), "on_time", planner.pathFor(kind, folder, unit.code));
      return "on_time";
    case "resent_after_as_of": {
      // Sent on time, then sent again after the consolidation's as-of moment: listed, not counted.
      valid("valid", timingOnTime(windows, random), "on_time", planner.pathFor(kind, folder, unit.code));
      const day = addDays(sampleAsOfDay(year), random.int(1, 2));
      valid(
        "resent_after_as_of",
        { receivedAt: receivedDuringOfficeHours(day, random), documentDate: windows.lastDay },
        "after_as_of",
        planner.pathFor(kind, folder, unit.code, random.pick(RESUBMISSION_SUFFIXES)),
      );
      return "on_time";
    }
    case "misnamed": {
      const others = registry.filter((candidate) => candidate.code !== unit.code);
      // A province of one unit has no other code to misname a file with: the file is plain valid.
      const other = others.length > 0 ? random.pick(others) : null;
      valid(
        other ? "misnamed" : "valid",
        timingOnTime(windows, random),
        "on_time",
        planner.pathFor(kind, folder, other?.code ?? unit.code),
        other ? { fileNameUnit: other.code } : {},
      );
      return "on_time";
    }
    case "late_received":
      valid(
        "late_received",
        timingLateReceived(windows, random),
        "late",
        planner.pathFor(kind, folder, unit.code),
      );
      return "late";
    case "late_document_date": {
      const timing = timingLateDocument(windows, random);
      planner.template(kind, planner.pathFor(kind, folder, unit.code), fillFor(timing), timing, {
        unit: unit.code,
        expectedOutcome: "late",
        expectedProblems: lateDocumentWarning(kind),
        scenario: "late_document_date",
      });
      return "late";
    }
    case "edge_on_time":
    case "edge_late": {
      // The last second of the last day, and the first second after it (Vietnam time).
      const receivedAt = scenario.type === "edge_on_time" ? windows.dueBefore - 1000 : windows.dueBefore;
      const timing = { receivedAt, documentDate: windows.lastDay };
      const outcome = scenario.type === "edge_on_time" ? "on_time" : "late";
      valid(
        scenario.type === "edge_on_time" ? "deadline_edge_on_time" : "deadline_edge_late",
        timing,
        outcome,
        planner.pathFor(kind, folder, unit.code),
      );
      return outcome;
    }
    case "defect": {
      const timing = timingOnTime(windows, random);
      const fill = fillFor(timing);
      const problems = findDefect(scenario.defect).apply(fill, { unit, year, random });
      planner.template(kind, planner.pathFor(kind, folder, unit.code), fill, timing, {
        unit: unit.code,
        expectedOutcome: "invalid",
        expectedProblems: problems,
        scenario: "defect",
        defect: scenario.defect,
      });
      return "invalid";
    }
    case "old_template": {
      const timing = timingOnTime(windows, random);
      planner.template(
        kind,
        planner.pathFor(kind, folder, unit.code),
        fillFor(timing),
        timing,
        {
          unit: unit.code,
          expectedOutcome: "invalid",
          expectedProblems: [{ code: "TEMPLATE_VERSION_OLD", severity: "error", ...WHOLE_FILE }],
          scenario: "old_template",
        },
        OLD_VERSION,
      );
      return "invalid";
    }
    case "duplicate":
    case "duplicate_invalid_first": {
      const older = timingOnTime(windows, random, windows.firstDay, addDays(windows.lastDay, -2));
      const olderFill = fillFor(older);
      const olderProblems =
        scenario.type === "duplicate_invalid_first"
          ? findDefect(scenario.defect).apply(olderFill, { unit, year, random })
          : [];
      planner.template(kind, planner.pathFor(kind, folder, unit.code), olderFill, older, {
        unit: unit.code,
        expectedOutcome: "duplicate",
        expectedProblems: olderProblems,
        scenario: scenario.type === "duplicate" ? "superseded" : "superseded_invalid",
        ...(scenario.type === "duplicate_invalid_first" ? { defect: scenario.defect } : {}),
      });
      // A corrected file comes in later: in time, or (half the time, after an invalid one) too late.
      const olderDay = toVietnamDate(older.receivedAt);
      const newerLate = scenario.type === "duplicate_invalid_first" && kind !== "DN-KT" && random.chance(0.5);
      const newer = newerLate
        ? timingLateReceived(windows, random)
        : timingOnTime(windows, random, addDays(olderDay, 1), windows.lastDay);
      const outcome = newerLate ? "late" : "on_time";
      valid(
        "valid",
        newer,
        outcome,
        planner.pathFor(kind, folder, unit.code, random.pick(RESUBMISSION_SUFFIXES)),
      );
      return outcome;
    }
    case "not_a_template": {
      const timing = timingOnTime(windows, random);
      planner.add(
        planner.pathFor(kind, folder, unit.code),
        { type: "plain", sheet: "Sheet1", rows: plainReportRows(kind, unit, year) },
        timing.receivedAt,
        {
          kind,
          // Named for its unit and kind: the unit sent something, it must resend a template.
          unit: unit.code,
          expectedOutcome: "invalid",
          expectedProblems: [{ code: "TEMPLATE_STAMP_MISSING", severity: "error", ...WHOLE_FILE }],
          scenario: "not_a_template",
          attribution: "file_name",
        },
      );
      return "invalid";
    }
    case "truncated": {
      const timing = timingOnTime(windows, random);
      planner.add(
        planner.pathFor(kind, folder, unit.code),
        { type: "truncated", kind, fill: fillFor(timing), keepFraction: 0.6 },
        timing.receivedAt,
        {
          kind,
          unit: unit.code,
          expectedOutcome: "invalid",
          expectedProblems: [{ code: "FILE_TRUNCATED", severity: "error", ...WHOLE_FILE }],
          scenario: "truncated",
          attribution: "file_name",
        },
      );
      return "invalid";
    }
    case "copied_neighbour": {
      // The unit started from a neighbour's filled file and changed only the name: the code is the
      // neighbour's. It speaks for neither: listed for review, never counted, never superseding.
      const others = registry.filter((candidate) => candidate.code !== unit.code);
      const neighbour = others.length > 0 ? random.pick(others) : null;
      const timing = timingOnTime(windows, random);
      if (!neighbour) {
        valid("valid", timing, "on_time", planner.pathFor(kind, folder, unit.code));
        return "on_time";
      }
      const fill = buildFill(kind, neighbour, timing.documentDate, year, random);
      fill.fields.unitName = unit.name;
      planner.template(
        kind,
        planner.freePath(`${folder}/${FILE_PREFIX[kind]} ${asciiName(unit.name)}`),
        fill,
        timing,
        {
          unit: neighbour.code,
          expectedOutcome: "identity_conflict",
          expectedProblems: [
            {
              code: "UNIT_NAME_CONFLICT",
              severity: "error",
              ...locateField(SUBMISSION_SPECS[kind], "unitName"),
            },
          ],
          scenario: "copied_neighbour",
          pointsTo: unit.code,
        },
      );
      return "missing";
    }
    case "shifted_indicators": {
      // The officer deleted the instruction row of Chỉ tiêu: every figure is still read by its
      // code, with one warning, so the report is on time and its figures count as they are.
      const timing = timingOnTime(windows, random);
      const fill = fillFor(timing);
      const indicatorsSheet = BC_SPEC.keyedRows?.find((keyed) => keyed.keyKind === "indicatorCode");
      planner.add(
        planner.pathFor(kind, folder, unit.code),
        { type: "indicator_row_deleted", fill },
        timing.receivedAt,
        {
          kind,
          unit: unit.code,
          expectedOutcome: "on_time",
          expectedProblems: indicatorsSheet
            ? [
                {
                  code: "INDICATOR_ROWS_MOVED",
                  severity: "warning",
                  sheet: indicatorsSheet.sheet,
                  cell: firstIndicatorCellOneRowUp(indicatorsSheet),
                },
              ]
            : [],
          scenario: "shifted_indicators",
          expectedIndicators: Object.fromEntries(
            Object.entries(fill.fields).flatMap(([key, value]) =>
              key.startsWith("indicator:") && typeof value === "number"
                ? [[key.slice("indicator:".length), value]]
                : [],
            ),
          ),
        },
      );
      return "on_time";
    }
    case "valid_with_scan": {
      // The signed scan sent beside the workbook: listed as not a spreadsheet, never read.
      const timing = timingOnTime(windows, random);
      valid("valid", timing, "on_time", planner.pathFor(kind, folder, unit.code));
      planner.add(
        planner.freePath(`${folder}/${FILE_PREFIX[kind]}_${unit.code}`, ".pdf"),
        { type: "pdf", title: `${SUBMISSION_SPECS[kind].title.vi} - ${unit.name}` },
        timing.receivedAt,
        {
          kind,
          unit: null,
          expectedOutcome: "not_a_spreadsheet",
          expectedProblems: [],
          scenario: "pdf_scan",
        },
      );
      return "on_time";
    }
    case "pdf_renamed": {
      const timing = timingOnTime(windows, random);
      // A scan renamed "…scan.xlsx" names no unit: it cannot be attributed, the unit stays missing.
      planner.add(
        planner.freePath(`${folder}/${FILE_PREFIX[kind]}_ban-scan`),
        { type: "pdf", title: `${SUBMISSION_SPECS[kind].title.vi} - ${unit.name}` },
        timing.receivedAt,
        {
          kind,
          unit: null,
          expectedOutcome: "unreadable",
          expectedProblems: [{ code: "FILE_NOT_ZIP", severity: "error", ...WHOLE_FILE }],
          scenario: "pdf_renamed",
        },
      );
      return "missing";
    }
  }
}

/** Where the warning of a shifted indicator sheet points: the first indicator, one row up from the template's. */
function firstIndicatorCellOneRowUp(keyed: KeyedRowsSpec): string {
  return `${keyed.inputColumn}${keyed.headerRow}`;
}

/** A unit name as officers type it in a file name: no marks ("Sở Tài chính" → "So Tai chinh"). */
function asciiName(name: string): string {
  return removeVietnameseMarks(name)
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A unit's own sheet instead of the template: a title, who sends it and a few figures. */
function plainReportRows(kind: TemplateKind, unit: SampleUnit, year: number): (string | number)[][] {
  const title =
    kind === "BC"
      ? `BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM ${year}`
      : "KẾ HOẠCH TRIỂN KHAI PHONG TRÀO THI ĐUA";
  return [
    [title],
    [unit.name],
    [],
    ["STT", "Nội dung", "Kết quả"],
    [1, "Tuyên truyền, quán triệt Phong trào thi đua", "Đã thực hiện"],
    [2, "Chuyển đổi số trong hoạt động của đơn vị", "Đang thực hiện"],
    [3, "Chuyển đổi xanh, tiết kiệm năng lượng", "Đã thực hiện"],
  ];
}

function countBy<T extends string>(keys: readonly T[], values: readonly T[]): Record<T, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<T, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

export interface PlanOptions {
  readonly units: number;
  readonly seed: number;
  readonly year: number;
  /** Share of units that send a nomination file (0–1); DEFAULT_NOMINATING_SHARE if absent. */
  readonly nominatingShare?: number;
}

/**
 * Plans a whole sample province: the registry, every file with its content and received time,
 * and the manifest of what a consolidation must find. Pure and deterministic: the same options
 * give the same plan; nothing is written here.
 */
export function planSample(options: PlanOptions): SamplePlan {
  const { seed, year } = options;
  // The year is the as-of date's: the config names no period, so one config serves every year.
  const config: ConfigFile = { provincialPlanDate: SAMPLE_PLAN_DATE };
  const movement: MovementConfig = {
    provincialPlanDate: SAMPLE_PLAN_DATE,
    reportYear: year,
    nominationDeadline: null,
    expectedKinds: ["KH", "BC"],
    nominationDeadlines: {},
    planPhases: ["GD1"],
    retiredKeys: [],
  };
  const windows = computeWindows(movement, year);
  const units = buildSampleUnits(options.units);
  const planner = new FilePlanner(year);
  const statuses: ManifestUnit[] = [];

  const expectedKinds = ["KH", "BC"] as const;
  const assignments = Object.fromEntries(
    expectedKinds.map((kind) => [kind, assignScenarios(kind, units, seed, year)]),
  ) as Record<(typeof expectedKinds)[number], Map<string, SlotScenario>>;
  // Nominations: a share of units, with the required cases among them.
  const nominationRandom = deriveRandom(seed, "nominating");
  const required = requiredScenarios("DN-KT", year).length;
  const nominating = nominationRandom
    .shuffle(units)
    .filter(
      (_, index) =>
        index < required || nominationRandom.chance(options.nominatingShare ?? DEFAULT_NOMINATING_SHARE),
    );
  const nominationScenarios = assignScenarios("DN-KT", nominating, seed, year);

  for (const unit of units) {
    for (const kind of expectedKinds) {
      const scenario = assignments[kind].get(unit.code) ?? { type: "missing" };
      statuses.push({
        code: unit.code,
        kind,
        expectedStatus: planSlot(planner, kind, unit, scenario, windows[kind], units, seed),
      });
    }
    const nomination = nominationScenarios.get(unit.code);
    if (nomination) planSlot(planner, "DN-KT", unit, nomination, windows["DN-KT"], units, seed);
  }

  // Files from units the registry does not list: a commune or an enterprise that sent anyway.
  const width = sampleNumberWidth(options.units);
  const unknownCount = Math.max(1, Math.round(options.units * UNKNOWN_UNIT_SHARE));
  for (let index = 0; index < unknownCount; index += 1) {
    const unit = createUnregisteredUnit(options.units + 1 + index, width, index % 2 === 0 ? "CQ" : "DN");
    const kind: TemplateKind = index % 3 === 2 ? "BC" : "KH";
    const random = deriveRandom(seed, "unknown", index);
    const timing = timingOnTime(windows[kind], random);
    planner.template(
      kind,
      planner.pathFor(kind, `submissions/${FILE_PREFIX[kind]}`, unit.code),
      buildFill(kind, unit, timing.documentDate, year, random),
      timing,
      {
        unit: unit.code,
        expectedOutcome: "unknown_unit",
        expectedProblems: [
          { code: "UNIT_UNKNOWN", severity: "error", ...locateField(SUBMISSION_SPECS[kind], "unitCode") },
        ],
        scenario: "unknown_unit",
      },
    );
  }

  // Files dropped in the shared folder that no unit sent: a blank template, a working sheet.
  const extrasRandom = deriveRandom(seed, "extras");
  const extrasAt = timingOnTime(windows.KH, extrasRandom).receivedAt;
  planner.template(
    "KH",
    planner.freePath("submissions/KH/KH_ke-hoach-trien-khai"),
    { fields: {}, tables: {} },
    { receivedAt: extrasAt, documentDate: windows.KH.lastDay },
    {
      unit: null,
      expectedOutcome: "blank_template",
      expectedProblems: [],
      scenario: "blank_template",
    },
  );
  planner.add(
    planner.freePath("submissions/BC/Tong hop so lieu cum"),
    {
      type: "plain",
      sheet: "Sheet1",
      rows: plainReportRows("BC", { ...units[0]!, name: "Cụm thi đua" }, year),
    },
    timingOnTime(windows.BC, extrasRandom).receivedAt,
    {
      kind: "BC",
      unit: null,
      expectedOutcome: "not_a_template",
      expectedProblems: [{ code: "TEMPLATE_STAMP_MISSING", severity: "error", ...WHOLE_FILE }],
      scenario: "not_a_template",
    },
  );

  // A file of another period in the folder: nominations for the next review round sent early (before
  // 2027), or else last year's report sent again this year. Listed, never counted for this year.
  const otherUnit = units[1] ?? units[0];
  if (otherUnit) {
    const otherRandom = deriveRandom(seed, "other-period");
    const nextReview = ROUNDS.find((round) => round.year !== null && round.year > year);
    const timing = timingOnTime(windows.BC, otherRandom);
    if (year < MOVEMENT_YEARS.last && nextReview?.year != null) {
      planner.template(
        "DN-KT",
        planner.freePath(`submissions/DN-KT/DN-KT_${otherUnit.code}_${nextReview.code.toLowerCase()}`),
        buildDnktFill({
          unit: otherUnit,
          round: nextReview.code,
          docDate: timing.documentDate,
          docNumber: 7,
          random: otherRandom,
        }),
        timing,
        {
          unit: otherUnit.code,
          expectedOutcome: "other_period",
          expectedProblems: [
            { code: "DNKT_ROUND_MISMATCH", severity: "warning", ...locateField(DNKT_SPEC, "round") },
          ],
          scenario: "other_period",
        },
      );
    } else {
      planner.template(
        "BC",
        planner.freePath(`submissions/BC/BC_${otherUnit.code}_nam-${year - 1}`),
        buildFill("BC", otherUnit, timing.documentDate, year - 1, otherRandom),
        timing,
        {
          unit: otherUnit.code,
          expectedOutcome: "other_period",
          expectedProblems: [
            { code: "SUBMISSION_LATE", severity: "warning", ...WHOLE_FILE },
            { code: "BC_DATED_AFTER_DEADLINE", severity: "warning", ...locateField(BC_SPEC, "reportDate") },
          ],
          scenario: "other_period",
        },
      );
    }
  }

  const files = planner.files
    .slice()
    .sort((a, b) => (a.entry.file < b.entry.file ? -1 : a.entry.file > b.entry.file ? 1 : 0));
  const manifest: SampleManifest = {
    generator: "thidua sample",
    seed,
    year,
    asOf: `${sampleAsOfDay(year)}T12:00:00+07:00`,
    config,
    registry: SAMPLE_FILES.registry,
    submissionsDir: SAMPLE_FILES.submissions,
    files: files.map((file) => file.entry),
    units: statuses,
    counts: {
      outcomes: countBy<FileOutcome>(
        FILE_OUTCOMES,
        files.map((file) => file.entry.expectedOutcome),
      ),
      statuses: Object.fromEntries(
        expectedKinds.map((kind) => [
          kind,
          countBy<UnitStatus>(
            UNIT_STATUSES,
            statuses.filter((status) => status.kind === kind).map((status) => status.expectedStatus),
          ),
        ]),
      ),
    },
  };
  const registryFill: TemplateFill = {
    tables: {
      units: units.map((unit) => ({
        code: unit.code,
        name: unit.name,
        type: toOption("unitType", unit.type),
        cluster: unit.cluster,
        email: unit.email,
      })),
    },
  };
  return { config, units, registryFill, jobs: files.map((file) => file.job), manifest };
}
