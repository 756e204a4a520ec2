import { readdir, realpath, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors";
import {
  isSpreadsheetName,
  isSystemFileName,
  type SourceEntry,
  type SourceOtherFile,
  type SourceProblem,
  type SubmissionSource,
} from "./types";

/** What a walk found besides the submissions. */
interface Listing {
  readonly otherFiles: SourceOtherFile[];
  readonly problems: SourceProblem[];
}

/** Reads a folder's names; how it is done is injectable so that tests can make a folder fail. */
export type ReadFolder = (folder: string) => Promise<string[]>;

async function walk(
  root: string,
  folder: string,
  excluded: ReadonlySet<string>,
  entries: SourceEntry[],
  visited: Set<string>,
  listing: Listing,
  readFolder: ReadFolder,
): Promise<void> {
  const shown = relative(root, folder).split(sep).join("/") || ".";
  let names: string[];
  try {
    // Links are followed (a unit's folder linked in, a Windows junction); a folder met twice is read once.
    const real = await realpath(folder);
    if (visited.has(real)) return;
    visited.add(real);
    names = await readFolder(folder);
  } catch (error) {
    // One unreadable folder (no permission, gone meanwhile) is a listed problem, never the end of the run.
    listing.problems.push({ path: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    return;
  }
  const children = names.filter((name) => !isSystemFileName(name)).sort();
  // A folder's entries are stat'ed together (one at a time, 3,000 files took a quarter of a second);
  // stat follows a link to what it points at; a dangling link, or a file gone since, is skipped.
  const found = await Promise.all(
    children.map(async (name) => ({
      name,
      path: join(folder, name),
      info: await stat(join(folder, name)).catch(() => null),
    })),
  );
  // Sub-folders one after another, in name order, so that a folder linked twice is always read under the same name.
  for (const { name, path, info } of found) {
    if (info === null) continue;
    if (info.isDirectory()) await walk(root, path, excluded, entries, visited, listing, readFolder);
    else if (info.isFile() && !excluded.has(resolve(path))) {
      const found = {
        path: relative(root, path).split(sep).join("/"),
        receivedAt: Math.floor(info.mtimeMs),
        sizeBytes: info.size,
      };
      if (isSpreadsheetName(name)) entries.push({ ...found, localPath: path });
      else listing.otherFiles.push(found);
    }
  }
}

/** The local folder source; `list` serves callers that want the whole listing at once (the bench). */
export interface LocalFolderSource extends SubmissionSource {
  list(): Promise<SourceEntry[]>;
}

/** Files in flight at once from a local folder: validating threads read them, so this only bounds the queue. */
const LOCAL_CONCURRENCY = 64;

/** A local folder (for example one synced from OneDrive): every spreadsheet below it, sub-folders too. */
export function createLocalFolderSource(
  root: string,
  options: { exclude?: readonly string[]; readFolder?: ReadFolder } = {},
): LocalFolderSource {
  const excluded = new Set((options.exclude ?? []).map((path) => resolve(path)));
  const readFolder = options.readFolder ?? ((folder: string) => readdir(folder));
  let listing: Listing = { otherFiles: [], problems: [] };
  const source: LocalFolderSource = {
    description: resolve(root),
    receivedTimes: "modification_time",
    listed: () => listing,
    concurrency: LOCAL_CONCURRENCY,
    async *entries() {
      yield* await source.list();
    },
    fetch(entry) {
      // The validating thread reads the file itself: no bytes cross threads.
      return Promise.resolve({ localPath: entry.localPath ?? join(root, entry.path) });
    },
    async list() {
      const info = await stat(root).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new UsageError(
          {
            vi: `không đọc được thư mục nguồn ${root} (${code === "ENOENT" ? "không tồn tại" : code})`,
            en: `cannot read source folder ${root}: ${code}`,
          },
          { cause: error },
        );
      });
      if (!info.isDirectory())
        throw new UsageError({
          vi: `nguồn ${root} là một tệp, không phải thư mục`,
          en: `source ${root} is not a folder`,
        });
      const entries: SourceEntry[] = [];
      listing = { otherFiles: [], problems: [] };
      await walk(root, root, excluded, entries, new Set(), listing, readFolder);
      listing.otherFiles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
  return source;
}
