import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FileJob } from "./plan";
import type { WorkerReport } from "./sample-worker";
import { writeJob } from "./write-job";
import { makeOutputFolder } from "../io/output-folder";

const WORKER_FILE = join(__dirname, "sample-worker.js");

/** A sample file could not be written (disk full, no permission): the path and the system code. */
export class SampleWriteError extends Error {
  override readonly name = "SampleWriteError";
  constructor(
    readonly path: string,
    readonly code: string | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface WriteFilesOptions {
  /** Threads to write with; 0 writes in this thread. */
  readonly workers: number;
}

/** Whether the compiled worker is at hand (under jest only the .ts sources exist). */
export function canUseWorkers(): boolean {
  return existsSync(WORKER_FILE);
}

function runWorker(worker: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once("message", (report: WorkerReport) => {
      settled = true;
      if (report.error)
        reject(
          new SampleWriteError(
            report.error.path,
            report.error.code,
            `cannot write ${report.error.path}: ${report.error.code ?? report.error.message}`,
          ),
        );
      else resolve(report.written);
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`sample worker stopped with code ${code}`));
    });
  });
}

/**
 * Writes every planned file under `root` with its received time as modification time. Files are
 * dealt to the threads in turn (each thread loads exceljs once); folders are made first, here.
 */
export async function writeSampleFiles(
  root: string,
  jobs: readonly FileJob[],
  options: WriteFilesOptions,
): Promise<void> {
  const folders = [...new Set(jobs.map((job) => dirname(join(root, ...job.path.split("/")))))].sort();
  for (const folder of folders) {
    await makeOutputFolder(folder).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code ?? null;
      throw new SampleWriteError(
        folder,
        code,
        `cannot create ${folder}: ${code ?? (error as Error).message}`,
        { cause: error },
      );
    });
  }
  const workers = canUseWorkers() ? Math.min(options.workers, jobs.length) : 0;
  if (workers <= 0) {
    for (const job of jobs) {
      try {
        await writeJob(root, job);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? null;
        throw new SampleWriteError(
          job.path,
          code,
          `cannot write ${job.path}: ${code ?? (error as Error).message}`,
          { cause: error },
        );
      }
    }
    return;
  }
  const threads = Array.from(
    { length: workers },
    (_, thread) =>
      new Worker(WORKER_FILE, {
        workerData: { root, jobs: jobs.filter((_, index) => index % workers === thread) },
      }),
  );
  try {
    await Promise.all(threads.map(runWorker));
  } finally {
    // After a failure the other threads stop too; after success they have ended already.
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
