import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { MovementConfig } from "../../core/config";
import { toSubmittedFile } from "../../core/consolidate/extract";
import type { SubmittedFile } from "../../core/consolidate/types";
import { createProblem } from "../../core/problems";
import type { Registry } from "../../core/registry";
import { validateWorkbook } from "../../core/validate/validate";
import { readWorkbookSnapshot } from "../xlsx/read-workbook";

/** One file to validate: its bytes, or a local path the validating thread reads itself. */
export interface ValidationJob {
  readonly path: string;
  readonly receivedAt: number;
  readonly localPath: string | null;
  readonly bytes: Uint8Array | null;
}

/** Reads, validates and reduces one submission to what the consolidation keeps. Never throws for a bad file. */
export async function validateSubmission(job: ValidationJob, config: MovementConfig, registry: Registry): Promise<SubmittedFile> {
  let bytes: Uint8Array;
  try {
    bytes = job.bytes ?? (await readFile(job.localPath ?? job.path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return toSubmittedFile(
      { kind: null, version: null, unit: null, document: null, problems: [createProblem("FILE_UNREADABLE", "error", {}, { reason })] },
      { file: job.path, receivedAt: job.receivedAt, sizeBytes: 0, sha256: "" },
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const reading = await readWorkbookSnapshot(bytes);
  const validation = reading.ok
    ? validateWorkbook(reading.snapshot, { config, registry, receivedAt: job.receivedAt })
    : { kind: null, version: null, unit: null, document: null, problems: [reading.problem] };
  return toSubmittedFile(validation, { file: job.path, receivedAt: job.receivedAt, sizeBytes: bytes.byteLength, sha256 });
}
