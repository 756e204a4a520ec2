import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { makeOutputFolder, toOutputError } from "./output-folder";

/**
 * Writing the consolidated workbook and its HTML report as a pair: both are checked writable
 * before the work starts, both are written to temporary files beside them, and only when both are
 * complete are they renamed into place, the report first. If renaming the workbook then fails, the
 * new report is removed: a failure never leaves a new workbook (or report) beside an old partner.
 * Temporary files are removed on failure and on Ctrl-C or SIGTERM; stale ones of earlier runs
 * (killed, or a power cut) are cleaned before writing.
 */

/** `.tong-hop.xlsx.<pid>-<12 hex>.tmp`: the process id tells whether its writer is still alive. */
function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
}

const TEMPORARY = /^\.(.+)\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary files a previous run left beside `path` (its writer is gone). */
export async function removeStaleTemporaries(path: string): Promise<string[]> {
  const folder = dirname(path);
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match || match[1] !== basename(path)) continue;
    const pid = match[2] === undefined ? null : Number(match[2]);
    if (pid !== null && isAlive(pid)) continue;
    await rm(join(folder, name), { force: true }).catch(() => undefined);
    removed.push(join(folder, name));
  }
  return removed;
}

/** Temporary files being written now: removed if the process is interrupted. */
const pending = new Set<string>();

function removePendingNow(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

/**
 * While `work` runs, Ctrl-C and SIGTERM remove the temporary outputs before the process ends
 * (with the conventional 128 + signal number).
 */
export async function withInterruptCleanup<T>(work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals): void => {
    removePendingNow();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Checks, before any work, that `path` can be written: its folder is made and a file created there. */
export async function checkWritable(path: string): Promise<void> {
  const probe = temporaryName(path);
  try {
    await makeOutputFolder(dirname(path));
    await removeStaleTemporaries(path);
    const handle = await open(probe, "wx");
    await handle.close();
    // Replacing an existing output needs the folder writable (checked above), not the file itself.
    await stat(path).catch(() => null);
  } catch (error) {
    throw toOutputError(path, error);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

export interface PairPart {
  readonly path: string;
  /** Writes the whole content into `file` (which does not exist yet). */
  readonly write: (file: string) => Promise<void>;
}

/** Writes the workbook and, when asked, the report: both complete, or neither replaced. */
export async function writeOutputPair(workbook: PairPart, report: PairPart | null): Promise<void> {
  const parts = report ? [report, workbook] : [workbook];
  const temporaries = parts.map((part) => ({ part, file: temporaryName(part.path) }));
  let current: PairPart = workbook;
  try {
    for (const { part, file } of temporaries) {
      current = part;
      await makeOutputFolder(dirname(part.path));
      pending.add(file);
      await part.write(file);
    }
    const renamed: string[] = [];
    try {
      for (const { part, file } of temporaries) {
        current = part;
        await rename(file, part.path);
        pending.delete(file);
        renamed.push(part.path);
      }
    } catch (error) {
      // The report is renamed first; a workbook that cannot follow takes the new report away again.
      for (const path of renamed) await rm(path, { force: true }).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    for (const { file } of temporaries) {
      pending.delete(file);
      await rm(file, { force: true }).catch(() => undefined);
    }
    throw toOutputError(current.path, error);
  }
}

/** A part written from a string or bytes. */
export function dataPart(path: string, data: () => string | Uint8Array): PairPart {
  return { path, write: (file) => writeFile(file, data(), { flag: "wx" }) };
}
