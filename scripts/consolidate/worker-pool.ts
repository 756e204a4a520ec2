import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type MovementConfig, type SubmittedFile, type Registry } from "../../core/index";
import { validateSubmission, type ValidationJob } from "./validate-submission";

export interface ValidationPoolOptions {
  readonly config: MovementConfig;
  readonly registry: Registry;
  /** Threads to use; 0 validates in this thread. Defaults to the number of cores. */
  readonly workers?: number;
  /** Files handed to a worker at once: fewer messages, still an even spread. */
  readonly batchSize?: number;
}

export interface ValidationPool {
  /** Validates every job; results come back in the jobs' order. Call once. */
  validate(jobs: readonly ValidationJob[], onFileDone?: (done: number) => void): Promise<SubmittedFile[]>;
  close(): Promise<void>;
}

const WORKER_FILE = join(__dirname, "validate-worker.js");
const DEFAULT_BATCH_SIZE = 8;

/** Validates jobs in this thread: used when asked (workers: 0) and when the compiled worker is not at hand (ts-jest). */
function createInThreadPool(options: ValidationPoolOptions): ValidationPool {
  return {
    async validate(jobs, onFileDone) {
      const results: SubmittedFile[] = [];
      for (const job of jobs) {
        results.push(await validateSubmission(job, options.config, options.registry));
        onFileDone?.(results.length);
      }
      return results;
    },
    close: () => Promise.resolve(),
  };
}

function dealBatches(
  workers: readonly Worker[],
  jobs: readonly ValidationJob[],
  batchSize: number,
  onFileDone?: (done: number) => void,
): Promise<SubmittedFile[]> {
  const results = new Array<SubmittedFile | undefined>(jobs.length);
  let next = 0;
  let done = 0;
  const drain = (worker: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let batchStart = 0;
      const sendBatch = (): void => {
        if (next >= jobs.length) {
          worker.off("message", onMessage);
          resolve();
          return;
        }
        batchStart = next;
        const batch = jobs.slice(next, next + batchSize);
        next += batch.length;
        worker.postMessage(batch);
      };
      const onMessage = (batchResults: SubmittedFile[]): void => {
        batchResults.forEach((result, offset) => {
          results[batchStart + offset] = result;
        });
        done += batchResults.length;
        onFileDone?.(done);
        sendBatch();
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.once("exit", (code) => {
        if (next < jobs.length || code !== 0)
          reject(new Error(`validation worker stopped with code ${code}`));
      });
      sendBatch();
    });
  return Promise.all(workers.map(drain)).then(() =>
    results.map((result, index) => {
      if (!result) throw new Error(`no result for ${jobs[index]?.path}`);
      return result;
    }),
  );
}

/**
 * Starts the validating threads (one per core) at once, so that their start-up (loading the core)
 * overlaps the listing of the source. Each worker reads its files itself; the main thread only
 * hands out batches and gathers small results.
 */
export function startValidationPool(options: ValidationPoolOptions): ValidationPool {
  const count = options.workers ?? availableParallelism();
  if (count <= 0 || !existsSync(WORKER_FILE)) return createInThreadPool(options);
  const workers = Array.from(
    { length: count },
    () => new Worker(WORKER_FILE, { workerData: { config: options.config, units: options.registry.units } }),
  );
  const close = (): Promise<void> =>
    Promise.all(workers.map((worker) => worker.terminate())).then(() => undefined);
  return {
    validate(jobs, onFileDone) {
      // A handful of files is not worth more than one thread's messages.
      const busy = workers.slice(0, Math.max(1, Math.min(workers.length, Math.ceil(jobs.length / 4))));
      return dealBatches(busy, jobs, options.batchSize ?? DEFAULT_BATCH_SIZE, onFileDone);
    },
    close,
  };
}
