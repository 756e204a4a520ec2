import { resolve } from "node:path";
import { SingleBar } from "cli-progress";
import {
  type Language,
  formatProblem,
  type MovementConfig,
  type ConsolidationResult,
  type Problem,
  type Registry,
  type TemplateKind,
  formatVietnamDateTime,
  formatNumber,
  formatPercent,
} from "../../core/index";
import { runConsolidation } from "../consolidate/run-consolidation";
import { writeConsolidatedWorkbookFile } from "../consolidate/write-workbook";
import { renderHtmlReport } from "../consolidate/write-html-report";
import { REPORT_TEXTS } from "../consolidate/labels";
import { checkWritable, dataPart, withInterruptCleanup, writeOutputPair } from "../io/output-pair";
import { openSource, type OpenSourceOptions } from "../source/open-source";

export interface ConsolidateOptions {
  readonly source: string;
  readonly registryPath: string;
  readonly registry: Registry;
  /** The registry file's hash and problems, for the audit trail and the Lỗi sheet. */
  readonly registryFacts?: { readonly sha256: string; readonly problems: readonly Problem[] };
  readonly config: MovementConfig;
  readonly out: string;
  readonly report: string | null;
  readonly asOf: number;
  readonly kinds: readonly TemplateKind[] | null;
  readonly language: Language;
  readonly progress: boolean;
  readonly workers?: number;
  /** Opens a OneDrive source (`onedrive:…` or a sharing link); absent, only local folders are read. */
  readonly openRemote?: OpenSourceOptions["openRemote"];
  /** Lines from the source (resyncs, deleted items) go here (stderr in the CLI). */
  readonly log?: (line: string) => void;
}

/** The `--json` shape (a public interface): one schema in the core, read back by `thidua remind`. */
export { toConsolidationJson } from "../../core/index";

/** The lines the CLI prints after a run: the province's figures, then where the outputs are. */
export function formatConsolidationSummary(
  result: ConsolidationResult,
  language: Language,
  outputs: { workbook: string; report: string | null },
): string {
  const texts = REPORT_TEXTS[language];
  const t = result.totals;
  const figures = (
    [
      ["expected", t.expected],
      ["received", t.received],
      ["onTime", t.onTime],
      ["late", t.late],
      ["invalid", t.invalid],
      ["missing", t.missing],
    ] as const
  )
    .map(([key, value]) => `${texts[key]} ${formatNumber(value, language)}`)
    .join(" · ");
  const rates = `${texts.reportingRate} ${formatPercent(t.reportingRate, language)}, ${texts.onTimeRate.toLowerCase()} ${formatPercent(t.onTimeRate, language)}`;
  const afterAsOf = result.files.filter((file) => file.outcome === "after_as_of").length;
  const count = (outcome: string): number =>
    result.outcomeCounts.find((entry) => entry.outcome === outcome)?.count ?? 0;
  const conflicts = count("identity_conflict");
  const notes = [
    ...(result.files.length === 0 ? [texts.noFiles] : []),
    ...(afterAsOf > 0 ? [`${formatNumber(afterAsOf, language)} ${texts.filesAfterAsOf}`] : []),
    ...(conflicts > 0 ? [`${formatNumber(conflicts, language)} ${texts.filesIdentityConflict}`] : []),
    ...result.sourceProblems.map((problem) => formatProblem(problem, language)),
  ];
  return (
    `${texts.asOf} ${formatVietnamDateTime(result.asOf)} (${texts.vietnamTime}): ${figures}\n${rates}\n` +
    notes.map((note) => `${note}\n`).join("") +
    `${texts.workbookWritten}: ${outputs.workbook}\n${outputs.report ? `${texts.reportWritten}: ${outputs.report}\n` : ""}`
  );
}

/** Reads the source, consolidates, writes the workbook (and report) atomically. Sources are only read. */
export function runConsolidate(options: ConsolidateOptions): Promise<ConsolidationResult> {
  // Ctrl-C or SIGTERM while the outputs are being written removes their temporary files.
  return withInterruptCleanup(() => consolidateAndWrite(options));
}

async function consolidateAndWrite(options: ConsolidateOptions): Promise<ConsolidationResult> {
  // --kind is decided by the core (it narrows what is consolidated and expected, never widens it).
  const config: MovementConfig = options.config;
  const out = resolve(options.out);
  const report = options.report ? resolve(options.report) : null;
  // Both outputs must be writable before hours of reading start (and stale temporaries go).
  await checkWritable(out);
  if (report) await checkWritable(report);
  const source = await openSource(options.source, {
    exclude: [options.registryPath, options.out, ...(options.report ? [options.report] : [])],
    ...(options.openRemote ? { openRemote: options.openRemote } : {}),
  });
  const bar = options.progress
    ? new SingleBar({
        format: "{bar} {value}/{total} tệp | {eta_formatted}",
        hideCursor: true,
        clearOnComplete: true,
      })
    : null;
  const result = await runConsolidation({
    source,
    registry: options.registry,
    config,
    asOf: options.asOf,
    registryFile: options.registryFacts ? { file: options.registryPath, ...options.registryFacts } : null,
    kindsFilter: options.kinds,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    onListed: (files) => (files === 1 ? bar?.start(1, 0) : bar?.setTotal(files)),
    onFileDone: (done) => bar?.update(done),
  });
  bar?.stop();
  for (const line of source.log ?? []) options.log?.(line[options.language]);
  await writeOutputPair(
    { path: out, write: (file) => writeConsolidatedWorkbookFile(result, file, options.language) },
    report ? dataPart(report, () => renderHtmlReport(result, options.language)) : null,
  );
  return result;
}
