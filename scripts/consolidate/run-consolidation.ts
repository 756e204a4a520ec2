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
import type { ValidationJob } from "./validate-submission";
import { startValidationPool } from "./worker-pool";

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

/** A fetched file as a validation job; a file the source no longer has is listed with FILE_GONE. */
async function fetchFile(
  source: SubmissionSource,
  listed: SourceEntry,
): Promise<{ entry: SourceEntry; job: ValidationJob | null; gone: string | null }> {
  const fetched = await source.fetch(listed);
  const entry = "entry" in fetched && fetched.entry ? fetched.entry : listed;
  if ("gone" in fetched) return { entry, job: null, gone: fetched.gone };
  return {
    entry,
    job: {
      path: entry.path,
      receivedAt: entry.receivedAt,
      localPath: "localPath" in fetched ? fetched.localPath : null,
      bytes: "bytes" in fetched ? fetched.bytes : null,
    },
    gone: null,
  };
}

function withOrigin(file: SubmittedFile, entry: SourceEntry): SubmittedFile {
  const withProblems = entry.problems?.length
    ? { ...file, problems: [...entry.problems, ...file.problems] }
    : file;
  return entry.origin ? { ...withProblems, origin: entry.origin } : withProblems;
}

function goneSubmission(entry: SourceEntry, reason: string): SubmittedFile {
  return toSubmittedFile(goneFile(entry.path, reason), {
    file: entry.path,
    receivedAt: entry.receivedAt,
    sizeBytes: entry.sizeBytes,
    sha256: "",
  });
}

/**
 * Lists the source and validates every file as it arrives: at most `source.concurrency` fetches at
 * once (a remote folder's downloads), and at most as many again fetched but waiting for a thread,
 * so downloads overlap validation and memory stays bounded. A fault that persists ends the run (no
 * partial consolidation); then judges who sent what.
 */
export async function runConsolidation(run: ConsolidationRun): Promise<ConsolidationResult> {
  const pool = startValidationPool({
    config: run.config,
    registry: run.registry,
    ...(run.workers !== undefined ? { workers: run.workers } : {}),
  });
  const files: SubmittedFile[] = [];
  const concurrency = run.source.concurrency;
  try {
    let failure: { error: unknown } | null = null;
    let listed = 0;
    let fetching = 0;
    let waiting = 0;
    let wake: (() => void) | null = null;
    const notify = (): void => {
      const resolve = wake;
      wake = null;
      resolve?.();
    };
    const fail = (error: unknown): void => {
      failure ??= { error };
    };
    const done = (file: SubmittedFile): void => {
      files.push(file);
      run.onFileDone?.(files.length);
    };
    const running: Promise<void>[] = [];
    for await (const entry of run.source.entries()) {
      if (failure) break;
      listed += 1;
      run.onListed?.(listed);
      while (fetching >= concurrency || waiting >= concurrency)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      if (failure) break;
      fetching += 1;
      running.push(
        fetchFile(run.source, entry)
          .finally(() => {
            fetching -= 1;
            notify();
          })
          .then(async ({ entry: fetched, job, gone }) => {
            if (!job) return done(withOrigin(goneSubmission(fetched, gone ?? ""), fetched));
            waiting += 1;
            try {
              done(withOrigin(await pool.submit(job), fetched));
            } finally {
              waiting -= 1;
              notify();
            }
          })
          .catch(fail),
      );
    }
    await Promise.all(running);
    if (failure) throw (failure as { error: unknown }).error;
  } finally {
    // The threads' memory is given back before the outputs are built.
    await pool.close();
  }
  const listed = run.source.listed?.();
  return consolidate({
    files,
    registry: run.registry,
    config: run.config,
    asOf: run.asOf,
    source: run.source.description,
    ...(run.registryFile ? { registryFile: run.registryFile } : {}),
    kindsFilter: run.kindsFilter ?? null,
    listing: {
      otherFiles: (listed?.otherFiles ?? []).map((other) => ({ ...other, file: other.path })),
      unreadableFolders: (listed?.problems ?? []).map((problem) => ({
        folder: problem.path,
        reason: problem.reason,
      })),
      receivedTimes: run.source.receivedTimes,
    },
  });
}
