import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors";
import { isSpreadsheetName, type SourceEntry, type SubmissionSource } from "./types";

async function walk(root: string, folder: string, excluded: ReadonlySet<string>, entries: SourceEntry[]): Promise<void> {
  const children = await readdir(folder, { withFileTypes: true });
  // A folder's files are stat'ed together: one at a time, 3,000 files took a quarter of a second.
  await Promise.all(
    children.map(async (child) => {
      const path = join(folder, child.name);
      if (child.isDirectory()) {
        if (!child.name.startsWith(".")) await walk(root, path, excluded, entries);
        return;
      }
      if (!child.isFile() || !isSpreadsheetName(child.name) || excluded.has(resolve(path))) return;
      const info = await stat(path);
      entries.push({ path: relative(root, path).split(sep).join("/"), receivedAt: Math.floor(info.mtimeMs), sizeBytes: info.size, localPath: path });
    }),
  );
}

/** A local folder (for example one synced from OneDrive): every spreadsheet below it, sub-folders too. */
export function createLocalFolderSource(root: string, options: { exclude?: readonly string[] } = {}): SubmissionSource {
  const excluded = new Set((options.exclude ?? []).map((path) => resolve(path)));
  return {
    description: resolve(root),
    async list() {
      const info = await stat(root).catch((error: unknown) => {
        throw new UsageError(`cannot read source folder ${root}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
      });
      if (!info.isDirectory()) throw new UsageError(`source ${root} is not a folder`);
      const entries: SourceEntry[] = [];
      await walk(root, root, excluded, entries);
      return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    read(entry) {
      return readFile(entry.localPath ?? join(root, entry.path));
    },
  };
}
