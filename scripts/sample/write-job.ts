import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FileJob } from "./plan";
import { renderFile } from "./render-file";

/**
 * Writes one sample file and sets its modification time to its received time (folders exist
 * already). Synchronous file calls: each writing thread has nothing else to do meanwhile.
 */
export async function writeJob(root: string, job: FileJob): Promise<void> {
  const path = join(root, ...job.path.split("/"));
  writeFileSync(path, await renderFile(job.body));
  const seconds = job.receivedAt / 1000;
  utimesSync(path, seconds, seconds);
}
