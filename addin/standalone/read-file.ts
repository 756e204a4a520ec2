import type { SnapshotReading } from "../../xlsx-read/index";
import { readWorkbookBytes } from "../../xlsx-read/index";
import { inflateWithFflate } from "./fflate-inflate";

/** Reads a chosen or dropped file in the browser with the CLI's reader; nothing leaves the machine. */
export async function readChosenFile(file: Blob): Promise<SnapshotReading> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readWorkbookBytes(bytes, { inflate: inflateWithFflate });
}
