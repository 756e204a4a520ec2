import {
  type MovementConfig,
  consolidate,
  type ConsolidationResult,
  type SubmittedFile,
  type Problem,
  type Registry,
  type TemplateKind,
  toSubmittedFile,
} from "../../core/index";
import type { SourceEntry, SubmissionSource } from "../source/types";
import { goneFile } from "../validate-file";
import { startValidationPool, type ValidationPool } from "./worker-pool";

export interface ConsolidationRun {
  readonly source: SubmissionSource;
  readonly registry: Registry;
  readonly config: MovementConfig;
  readonly asOf: number;
  readonly registryFile?: {
    readonly file: string;
    readonly sha256: string;
    readonly problems: readonly Problem[];
  } | null;
  readonly kindsFilter?: readonly TemplateKind[] | null;
  readonly workers?: number;
  /** Called as the listing finds files (the total grows while a remote folder pages). */
  readonly onListed?: (files: number) => void;
  readonly onFileDone?: (done: number) => void;
}

/** Fetches one file and has it validated; the origin (OneDrive ids, uploader) rides along to the outputs. */
async function fetchAndValidate(
  source: SubmissionSource,
  pool: ValidationPool,
  listed: SourceEntry,
): Promise<SubmittedFile> {
  const fetched = await source.fetch(listed);
  const entry = "entry" in fetched && fetched.entry ? fetched.entry : listed;
  const file =
    "gone" in fetched
      ? toSubmittedFile(goneFile(entry.path, fetched.gone), {
          file: entry.path,
          receivedAt: entry.receivedAt,
          sizeBytes: entry.sizeBytes,
          sha256: "",
        })
      : await pool.submit({
          path: entry.path,
          receivedAt: entry.receivedAt,
          localPath: "localPath" in fetched ? fetched.localPath : null,
          bytes: "bytes" in fetched ? fetched.bytes : null,
        });
  return entry.origin ? { ...file, origin: entry.origin } : file;
}

/**
 * Lists the source and validates every file as it arrives: at most `source.concurrency` files are
 * in flight (fetching, or waiting for a thread), so a remote folder's downloads overlap validation and
 * memory stays bounded. A fault that persists ends the run (no partial consolidation); then judges who sent what.
 */
export async function runConsolidation(run: ConsolidationRun): Promise<ConsolidationResult> {
  const pool = startValidationPool({
    config: run.config,
    registry: run.registry,
    ...(run.workers !== undefined ? { workers: run.workers } : {}),
  });
  const files: SubmittedFile[] = [];
  try {
    let failure: { error: unknown } | null = null;
    let listed = 0;
    let inFlight = 0;
    let wake: (() => void) | null = null;
    const settled = (): void => {
      inFlight -= 1;
      wake?.();
    };
    const running: Promise<void>[] = [];
    for await (const entry of run.source.entries()) {
      if (failure) break;
      listed += 1;
      run.onListed?.(listed);
      while (inFlight >= run.source.concurrency)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      wake = null;
      if (failure) break;
      inFlight += 1;
      running.push(
        fetchAndValidate(run.source, pool, entry).then(
          (file) => {
            files.push(file);
            run.onFileDone?.(files.length);
            settled();
          },
          (error: unknown) => {
            failure ??= { error };
            settled();
          },
        ),
      );
    }
    await Promise.all(running);
    if (failure) throw (failure as { error: unknown }).error;
  } finally {
    // The threads' memory is given back before the outputs are built.
    await pool.close();
  }
  return consolidate({
    files,
    registry: run.registry,
    config: run.config,
    asOf: run.asOf,
    source: run.source.description,
    ...(run.registryFile ? { registryFile: run.registryFile } : {}),
    kindsFilter: run.kindsFilter ?? null,
  });
}
