import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { MovementConfig } from "../../core/config";
import type { SubmittedFile } from "../../core/consolidate/types";
import type { Registry } from "../../core/registry";
import { validateSubmission, type ValidationJob } from "./validate-submission";

export interface ValidateAllOptions {
  readonly config: MovementConfig;
  readonly registry: Registry;
  /** Threads to use; 0 validates in this thread. Defaults to the number of cores. */
  readonly workers?: number;
  /** Files handed to a worker at once: fewer messages, still an even spread. */
  readonly batchSize?: number;
  readonly onFileDone?: (done: number) => void;
}

const WORKER_FILE = join(__dirname, "validate-worker.js");

/** Validates jobs in this thread: used for tiny runs and when the compiled worker is not at hand (ts-jest). */
async function validateInThread(jobs: readonly ValidationJob[], options: ValidateAllOptions): Promise<SubmittedFile[]> {
  const results: SubmittedFile[] = [];
  for (const job of jobs) {
    results.push(await validateSubmission(job, options.config, options.registry));
    options.onFileDone?.(results.length);
  }
  return results;
}

/**
 * Validates every job on worker threads (one per core): each worker loads exceljs once and reads
 * its files itself, so the main thread only hands out batches and gathers small results.
 * Results come back in the jobs' order.
 */
export async function validateAll(jobs: readonly ValidationJob[], options: ValidateAllOptions): Promise<SubmittedFile[]> {
  const wanted = options.workers ?? availableParallelism();
  const workerCount = Math.min(wanted, Math.ceil(jobs.length / 4));
  if (workerCount <= 0 || !existsSync(WORKER_FILE)) return validateInThread(jobs, options);
  const batchSize = options.batchSize ?? 8;
  const results = new Array<SubmittedFile | undefined>(jobs.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: workerCount }, () => new Worker(WORKER_FILE, { workerData: { config: options.config, units: options.registry.units } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let batchStart = 0;
            const sendBatch = (): void => {
              if (next >= jobs.length) {
                resolve();
                return;
              }
              batchStart = next;
              const batch = jobs.slice(next, next + batchSize);
              next += batch.length;
              worker.postMessage(batch);
            };
            worker.on("message", (batchResults: SubmittedFile[]) => {
              batchResults.forEach((result, offset) => {
                results[batchStart + offset] = result;
              });
              done += batchResults.length;
              options.onFileDone?.(done);
              sendBatch();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (next < jobs.length || code !== 0) reject(new Error(`validation worker stopped with code ${code}`));
            });
            sendBatch();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.map((result, index) => {
    if (!result) throw new Error(`no result for ${jobs[index]?.path}`);
    return result;
  });
}
