import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { GraphConnection } from "../graph/client";
import type { RemoteAddress } from "../graph/resolve-folder";
import { uploadFiles } from "../graph/upload";

/** Puts the written outputs into a OneDrive folder, replacing the previous ones; returns lines for the log. */
export async function uploadOutputs(
  connection: GraphConnection,
  folder: RemoteAddress,
  paths: readonly string[],
): Promise<string[]> {
  const files = await Promise.all(
    paths.map(async (path) => ({ name: basename(path), bytes: new Uint8Array(await readFile(path)) })),
  );
  const uploaded = await uploadFiles(connection, folder, files);
  return uploaded.map((file) => `OneDrive: ${file.name} → ${file.webUrl ?? file.itemId}`);
}
