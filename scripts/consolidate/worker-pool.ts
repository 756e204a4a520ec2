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
  /** Files handed to a worker at once at most: fewer messages, still an even spread. */
  readonly batchSize?: number;
}

export interface ValidationPool {
  /** Validates one file as soon as a thread is free; its bytes, if any, are transferred (not copied). */
  submit(job: ValidationJob): Promise<SubmittedFile>;
  close(): Promise<void>;
}

const WORKER_FILE = join(__dirname, "validate-worker.js");
const DEFAULT_BATCH_SIZE = 8;

/** Validates jobs in this thread: used when asked (workers: 0) and when the compiled worker is not at hand (under jest, from the .ts sources). */
function createInThreadPool(options: ValidationPoolOptions): ValidationPool {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    // One at a time, as a thread would: the caller's concurrency bounds fetching, not validating.
    submit(job) {
      const result = chain.then(() => validateSubmission(job, options.config, options.registry));
      chain = result.catch(() => undefined);
      return result;
    },
    close: () => Promise.resolve(),
  };
}

/** The buffers of a batch that can be moved to the worker: a view over part of a shared buffer is copied instead. */
function transferable(batch: readonly ValidationJob[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const job of batch) {
    const bytes = job.bytes;
    if (
      bytes &&
      bytes.buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength &&
      !buffers.includes(bytes.buffer)
    )
      buffers.push(bytes.buffer);
  }
  return buffers;
}

interface Waiting {
  readonly job: ValidationJob;
  readonly resolve: (file: SubmittedFile) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Starts the validating threads (one per core) at once, so that their start-up (loading the core)
 * overlaps the listing of the source. Jobs queue here; an idle thread takes up to a batch of them.
 * A local file is read by the thread itself; fetched bytes are transferred to it.
 */
export function startValidationPool(options: ValidationPoolOptions): ValidationPool {
  const count = options.workers ?? availableParallelism();
  if (count <= 0 || !existsSync(WORKER_FILE)) return createInThreadPool(options);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const queue: Waiting[] = [];
  const idle: Worker[] = [];
  const inFlight = new Map<Worker, Waiting[]>();
  let stopped: Error | null = null;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      // Spread a short queue over the idle threads rather than give one thread everything.
      const share = Math.max(1, Math.min(batchSize, Math.ceil(queue.length / (idle.length + 1))));
      const batch = queue.splice(0, share);
      inFlight.set(worker, batch);
      const jobs = batch.map((waiting) => waiting.job);
      worker.postMessage(jobs, transferable(jobs));
    }
  };
  const fail = (error: Error): void => {
    stopped ??= error;
    for (const waiting of [...queue.splice(0), ...[...inFlight.values()].flat()]) waiting.reject(error);
    inFlight.clear();
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { config: options.config, units: options.registry.units },
    });
    worker.on("message", (results: SubmittedFile[]) => {
      const batch = inFlight.get(worker) ?? [];
      inFlight.delete(worker);
      batch.forEach((waiting, index) => {
        const result = results[index];
        if (result) waiting.resolve(result);
        else waiting.reject(new Error(`no result for ${waiting.job.path}`));
      });
      idle.push(worker);
      dispatch();
    });
    worker.once("error", (error) => fail(error));
    worker.once("exit", (code) => {
      if (code !== 0 || inFlight.has(worker)) fail(new Error(`validation worker stopped with code ${code}`));
    });
    idle.push(worker);
    return worker;
  });
  return {
    submit(job) {
      if (stopped) return Promise.reject(stopped);
      return new Promise<SubmittedFile>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      });
    },
    close() {
      stopped ??= new Error("validation pool closed");
      return Promise.all(workers.map((worker) => worker.terminate())).then(() => undefined);
    },
  };
}
