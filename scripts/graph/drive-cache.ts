import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic-write";

/** A file of the source folder as last seen, with the version whose bytes the cache holds. */
export interface CachedFile {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
  readonly eTag: string | null;
  readonly cTag: string | null;
  readonly size: number;
  readonly quickXorHash: string | null;
  readonly receivedAt: number;
  readonly uploadedBy: string | null;
  readonly webUrl: string | null;
}

export interface CachedFolder {
  readonly id: string;
  readonly name: string;
  /** Null for the source folder itself. */
  readonly parentId: string | null;
}

/** What a run leaves for the next one: the folder tree, the files and the delta link to ask "what changed?". */
export interface CacheState {
  readonly version: 1;
  readonly driveId: string;
  readonly rootId: string;
  deltaLink: string | null;
  readonly folders: Record<string, CachedFolder>;
  readonly files: Record<string, CachedFile>;
}

/**
 * Where the cache lives unless `--cache` says otherwise: the user's cache folder (it holds the units'
 * workbooks, so it stays in the officer's own profile, never beside the shared outputs).
 */
export function defaultCacheFolder(env: Readonly<Record<string, string | undefined>>): string {
  if (process.platform === "win32" && env.LOCALAPPDATA)
    return join(env.LOCALAPPDATA, "thidua", "cache", "graph");
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "thidua", "graph");
}

function hashed(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** The cache of one source folder (drive id + item id), under the cache folder. */
export class DriveCache {
  private readonly folder: string;

  constructor(cacheFolder: string, driveId: string, rootId: string) {
    this.folder = join(cacheFolder, hashed(`${driveId}/${rootId}`));
  }

  async load(driveId: string, rootId: string): Promise<CacheState | null> {
    try {
      const state = JSON.parse(await readFile(join(this.folder, "state.json"), "utf8")) as CacheState;
      return state.version === 1 && state.driveId === driveId && state.rootId === rootId ? state : null;
    } catch {
      // No cache yet, or one that cannot be read: a full listing rebuilds it.
      return null;
    }
  }

  save(state: CacheState): Promise<void> {
    return writeFileAtomic(join(this.folder, "state.json"), JSON.stringify(state));
  }

  private blobPath(file: Pick<CachedFile, "id" | "cTag" | "eTag">): string {
    return join(this.folder, "blobs", hashed(`${file.id}\u0000${file.cTag ?? file.eTag ?? ""}`));
  }

  /** The bytes of this version of the file, if cached and still the right size. */
  async read(file: CachedFile): Promise<Uint8Array | null> {
    if (!file.cTag && !file.eTag) return null;
    try {
      const bytes = await readFile(this.blobPath(file));
      return bytes.byteLength === file.size ? new Uint8Array(bytes) : null;
    } catch {
      return null;
    }
  }

  async write(file: CachedFile, bytes: Uint8Array): Promise<void> {
    if (!file.cTag && !file.eTag) return;
    await writeFileAtomic(this.blobPath(file), bytes);
  }

  async forget(file: CachedFile): Promise<void> {
    await rm(this.blobPath(file), { force: true });
  }
}
