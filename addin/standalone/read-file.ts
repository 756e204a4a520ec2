import type { SnapshotReading } from "../../xlsx-read/index";
import { readWorkbookBytes } from "../../xlsx-read/index";
import { inflateWithFflate } from "./fflate-inflate";

/** Reads a chosen or dropped file in the browser with the CLI's reader; nothing leaves the machine. */
export async function readChosenFile(file: Blob): Promise<SnapshotReading> {
  return readChosenBytes(new Uint8Array(await file.arrayBuffer()));
}

/** The same reading of bytes already in hand (the pane keeps them: what is sent is what was checked). */
export function readChosenBytes(bytes: Uint8Array): Promise<SnapshotReading> {
  return readWorkbookBytes(bytes, { inflate: inflateWithFflate });
}
