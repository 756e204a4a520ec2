import { parentPort, workerData } from "node:worker_threads";
import type { FileJob } from "./plan";
import { writeJob } from "./write-job";

/** A writing thread: loads exceljs once, writes its share of the sample files, says how many. */
interface WorkerInput {
  readonly root: string;
  readonly jobs: readonly FileJob[];
}

export interface WorkerReport {
  readonly written: number;
  readonly error?: { readonly message: string; readonly code: string | null; readonly path: string };
}

const input = workerData as WorkerInput;

void (async () => {
  let written = 0;
  for (const job of input.jobs) {
    try {
      await writeJob(input.root, job);
    } catch (error) {
      const report: WorkerReport = {
        written,
        error: {
          message: String((error as Error).message ?? error),
          code: (error as NodeJS.ErrnoException).code ?? null,
          path: job.path,
        },
      };
      parentPort?.postMessage(report);
      return;
    }
    written += 1;
  }
  parentPort?.postMessage({ written } satisfies WorkerReport);
})();
