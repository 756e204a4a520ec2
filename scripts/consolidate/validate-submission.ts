import { type MovementConfig, toSubmittedFile, type SubmittedFile, type Registry } from "../../core/index";
import { checkFailed, validateBytes, validateFile } from "../validate-file";

/** One file to validate: its bytes, or a local path the validating thread reads itself. */
export interface ValidationJob {
  readonly path: string;
  readonly receivedAt: number;
  readonly localPath: string | null;
  readonly bytes: Uint8Array | null;
}

/**
 * Reads, validates and reduces one submission to what the consolidation keeps. Never throws for
 * a file, not even for a fault of thidua's own: that file carries FILE_CHECK_FAILED, the run goes on.
 */
export async function validateSubmission(
  job: ValidationJob,
  config: MovementConfig,
  registry: Registry,
): Promise<SubmittedFile> {
  const options = { config, registry, receivedAt: job.receivedAt };
  const validation = job.bytes
    ? await validateBytes(job.path, job.bytes, options)
    : await validateFile(job.localPath ?? job.path, options);
  const facts = {
    file: job.path,
    receivedAt: job.receivedAt,
    sizeBytes: validation.sizeBytes,
    sha256: validation.sha256,
  };
  try {
    return toSubmittedFile(validation, facts);
  } catch (error) {
    return toSubmittedFile(checkFailed(job.path, job.bytes, error), facts);
  }
}
