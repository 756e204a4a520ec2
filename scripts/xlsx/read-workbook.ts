import type { InspectLimits, SnapshotReading } from "../../xlsx-read/index";
import { readWorkbookBytes } from "../../xlsx-read/index";
import { inflateWithZlib } from "./node-inflate";

export type { SnapshotReading } from "../../xlsx-read/index";

export interface ReadOptions {
  readonly limits?: InspectLimits;
}

/**
 * Reads a submitted file's bytes into the snapshot the core validates, or says precisely why it
 * cannot (see xlsx-read/read-bytes.ts), inflating with Node's zlib.
 */
export function readWorkbookSnapshot(bytes: Uint8Array, options: ReadOptions = {}): Promise<SnapshotReading> {
  return readWorkbookBytes(bytes, { ...options, inflate: inflateWithZlib });
}
