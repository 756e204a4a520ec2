import { validateWorkbook, type MovementConfig } from "../core/index";
import { inflateWithFflate } from "../addin/standalone/fflate-inflate";
import { inspectWorkbookBytes, readWorkbookBytes } from "../xlsx-read/index";

/**
 * Bundled by bench/addin.ts and run inside Chromium: the standalone pane's work on a file (read
 * with fflate, validate) and, for comparison in the same run, inflating its XML parts alone.
 */

async function readAndValidate(bytes: Uint8Array, config: MovementConfig): Promise<number> {
  const reading = await readWorkbookBytes(bytes, { inflate: inflateWithFflate });
  if (!reading.ok) throw new Error(reading.problem.code);
  return validateWorkbook(reading.snapshot, { config }).problems.length;
}

async function inflateOnly(bytes: Uint8Array): Promise<number> {
  const inspection = await inspectWorkbookBytes(bytes);
  if (!inspection.ok) throw new Error(inspection.code);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const [name, location] of inspection.locations) {
    if (!/\.(xml|rels)$/i.test(name) || location.compressionMethod !== 8) continue;
    const header = location.localHeaderOffset;
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    total += inflateWithFflate(
      bytes.subarray(start, start + location.compressedSize),
      location.uncompressedSize,
    ).byteLength;
  }
  return total;
}

(globalThis as { thiduaBench?: unknown }).thiduaBench = { readAndValidate, inflateOnly };
