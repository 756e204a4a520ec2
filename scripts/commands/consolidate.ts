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
  toConsolidationJson,
} from "../../core/index";
import { runConsolidation } from "../consolidate/run-consolidation";
import { writeConsolidatedWorkbookFile } from "../consolidate/write-workbook";
import { renderHtmlReport } from "../consolidate/write-html-report";
import { REPORT_TEXTS } from "../consolidate/labels";
import { dataPart, withInterruptCleanup, writeOutputPair } from "../io/output-pair";
import { openSource, type OpenSourceOptions } from "../source/open-source";
import { checkOutputs } from "../consolidate/check-outputs";
import { type ConfigFlags, formatRetiredConfigNotes, loadMovementConfig } from "../config-loader";
import type { GraphConnection } from "../graph/client";
import type { RemoteAddress } from "../graph/resolve-folder";
import { formatRegistryProblems, loadRegistry } from "../registry-loader";
import type { CommandExit, CommandIo } from "./io";

interface ConsolidateOptions {
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
  /** Where the progress bar is drawn (a terminal), or null for none. */
  readonly progress: ProgressStream | null;
  readonly workers?: number;
  /** Opens a OneDrive source (`onedrive:…` or a sharing link); absent, only local folders are read. */
  readonly openRemote?: OpenSourceOptions["openRemote"];
  /** Lines from the source (resyncs, deleted items) go here (stderr in the CLI). */
  readonly log?: (line: string) => void;
}

/** The `--json` shape (a public interface): one schema in the core, read back by `thidua remind`. */
export { toConsolidationJson };

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
      // Only when something is not yet due: a year-end run reads as it always has.
      ...(t.notDue > 0 ? ([["notDue", t.notDue]] as const) : []),
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
    ...(count("other_period") > 0
      ? [`${formatNumber(count("other_period"), language)} ${texts.filesOtherPeriod}`]
      : []),
    ...(conflicts > 0 ? [`${formatNumber(conflicts, language)} ${texts.filesIdentityConflict}`] : []),
    ...result.sourceProblems.map((problem) => formatProblem(problem, language)),
  ];
  return (
    `${texts.asOf} ${formatVietnamDateTime(result.asOf)} (${texts.vietnamTime}): ${figures}\n${rates}\n` +
    notes.map((note) => `${note}\n`).join("") +
    `${texts.workbookWritten}: ${outputs.workbook}\n${outputs.report ? `${texts.reportWritten}: ${outputs.report}\n` : ""}`
  );
}

/** The part of a terminal cli-progress draws on (readline's cursor moves only call write). */
interface ProgressStream {
  readonly isTTY: true;
  readonly columns: number;
  write(text: string, done?: () => void): boolean;
}

/** The command's stderr as the progress bar's terminal. */
function progressStream(io: CommandIo): ProgressStream {
  return {
    isTTY: true,
    // Read at each draw, as cli-progress does on process.stderr: a resized terminal keeps its bar whole.
    get columns(): number {
      const columns = (io.stderr as { columns?: unknown }).columns;
      return typeof columns === "number" && columns > 0 ? columns : 80;
    },
    write(text, done) {
      io.stderr.write(text);
      done?.();
      return true;
    },
  };
}

/** What `thidua consolidate` is asked, its flags already parsed. */
export interface ConsolidateCommandOptions extends ConfigFlags {
  readonly source: string;
  /** The registry file (--registry). */
  readonly registry: string;
  readonly out: string;
  readonly report: string | null;
  readonly json: boolean;
  readonly asOf: number;
  readonly kinds: readonly TemplateKind[] | null;
  readonly workers?: number;
  /** OneDrive: downloads at once, and the cache folder (false: none). */
  readonly concurrency?: number;
  readonly cache?: string | false;
  readonly auth?: string;
  /** A OneDrive folder the outputs are put into once written. */
  readonly upload: RemoteAddress | null;
  readonly language: Language;
  /** Draw a progress bar on stderr. */
  readonly progress: boolean;
}

/**
 * `thidua consolidate`: checks the outputs, reads the config and the registry (its problems on
 * stderr), checks the upload folder, consolidates the source into the workbook (and report), puts
 * them on OneDrive when asked, and prints the figures (or the `--json`). One Graph connection (one
 * sign-in) serves the source and the upload, made only if one of them is remote.
 */
export async function consolidateCommand(
  options: ConsolidateCommandOptions,
  io: CommandIo,
): Promise<CommandExit> {
  const { language } = options;
  const config = await loadMovementConfig(options, options.asOf);
  io.stderr.write(formatRetiredConfigNotes(config, language));
  let connection: Promise<GraphConnection> | null = null;
  const connect = (): Promise<GraphConnection> =>
    (connection ??= import("../graph/open-graph-source").then(({ openGraphConnection }) =>
      openGraphConnection(options.auth !== undefined ? { auth: options.auth } : {}),
    ));
  await checkOutputs({
    source: options.source,
    registry: options.registry,
    config: options.config ?? null,
    out: options.out,
    report: options.report,
  });
  const { registry, problems: registryProblems, sha256 } = await loadRegistry(options.registry);
  io.stderr.write(formatRegistryProblems(options.registry, registryProblems, language));
  if (options.upload) {
    // The upload folder is checked before the run: a wrong folder or a missing right is said at once.
    const { resolveFolder } = await import("../graph/resolve-folder");
    await resolveFolder(await connect(), options.upload, "write");
  }
  const result = await runConsolidate({
    source: options.source,
    registryPath: options.registry,
    registry,
    registryFacts: { sha256, problems: registryProblems },
    config,
    out: options.out,
    report: options.report,
    asOf: options.asOf,
    kinds: options.kinds,
    language,
    progress: options.progress ? progressStream(io) : null,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    openRemote: async (address) => {
      const { openGraphSource } = await import("../graph/open-graph-source");
      return openGraphSource(await connect(), address, {
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        ...(options.cache !== undefined ? { cache: options.cache } : {}),
        ...(config.staffAccounts ? { staffAccounts: config.staffAccounts } : {}),
      });
    },
    log: (line) => io.stderr.write(`${line}\n`),
  });
  if (options.upload) {
    const { uploadOutputs } = await import("./upload-outputs");
    for (const line of await uploadOutputs(await connect(), options.upload, [
      options.out,
      ...(options.report ? [options.report] : []),
    ]))
      io.stderr.write(`${line}\n`);
  }
  io.stdout.write(
    options.json
      ? `${JSON.stringify(toConsolidationJson(result, language), null, 2)}\n`
      : formatConsolidationSummary(result, language, { workbook: options.out, report: options.report }),
  );
  return 0;
}

/** Reads the source, consolidates, writes the workbook (and report) atomically. Sources are only read. */
function runConsolidate(options: ConsolidateOptions): Promise<ConsolidationResult> {
  // Ctrl-C or SIGTERM while the outputs are being written removes their temporary files.
  return withInterruptCleanup(() => consolidateAndWrite(options));
}

async function consolidateAndWrite(options: ConsolidateOptions): Promise<ConsolidationResult> {
  // --kind is decided by the core (it narrows what is consolidated and expected, never widens it).
  const config: MovementConfig = options.config;
  const out = resolve(options.out);
  const report = options.report ? resolve(options.report) : null;
  const source = await openSource(options.source, {
    exclude: [options.registryPath, options.out, ...(options.report ? [options.report] : [])],
    ...(options.openRemote ? { openRemote: options.openRemote } : {}),
  });
  const bar = options.progress
    ? new SingleBar({
        format: `{bar} {value}/{total} ${REPORT_TEXTS[options.language].progressFiles} | {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: true,
        // cli-progress draws only on a stream that says it is a terminal; the CLI decided that already.
        stream: options.progress as unknown as NodeJS.WritableStream,
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
