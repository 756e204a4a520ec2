import {
  type MovementConfig,
  consolidate,
  type ConsolidationResult,
  type SubmittedFile,
  type Problem,
  type Registry,
  type TemplateKind,
} from "../../core/index";
import type { SubmissionSource } from "../source/types";
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
  readonly onStart?: (files: number) => void;
  readonly onFileDone?: (done: number) => void;
}

/** Lists the source, validates every file on all cores, then judges who sent what. */
export async function runConsolidation(run: ConsolidationRun): Promise<ConsolidationResult> {
  const pool = startValidationPool({
    config: run.config,
    registry: run.registry,
    ...(run.workers !== undefined ? { workers: run.workers } : {}),
  });
  let files: SubmittedFile[];
  try {
    const entries = await run.source.list();
    run.onStart?.(entries.length);
    // Local files are read by the workers themselves; other sources hand over the bytes.
    const jobs: ValidationJob[] = [];
    for (const entry of entries) {
      jobs.push({
        path: entry.path,
        receivedAt: entry.receivedAt,
        localPath: entry.localPath,
        bytes: entry.localPath ? null : await run.source.read(entry),
      });
    }
    files = await pool.validate(jobs, run.onFileDone);
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
