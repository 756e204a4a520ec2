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
  /** The last modifier's e-mail (lower-cased), for the staffAccounts rule; null when none is given. */
  readonly modifiedByEmail: string | null;
  /** Who uploaded the first version. */
  readonly createdBy: string | null;
  readonly webUrl: string | null;
  /** The version judged when staff edited the file later, found for this eTag (no request on a re-run). */
  readonly unitVersion?: UnitVersion | null;
  /** The served bytes differ from the listed size/hash with the eTag unchanged (SharePoint's rewrite). */
  readonly altered?: { readonly size: number };
}

/** The newest version by someone other than staff, when staff edited the file after it. */
export interface UnitVersion {
  readonly versionId: string;
  readonly receivedAt: number;
  readonly uploadedBy: string | null;
  /** The staff edit that came later: who and when. */
  readonly editedBy: string | null;
  readonly editedAt: number;
}

export interface CachedFolder {
  readonly id: string;
  readonly name: string;
  /** Null for the source folder itself. */
  readonly parentId: string | null;
}

/** What a run leaves for the next one: the folder tree, the files and the delta link to ask "what changed?". */
export interface CacheState {
  readonly version: 2;
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
      return state.version === 2 && state.driveId === driveId && state.rootId === rootId ? state : null;
    } catch {
      // No cache yet, or one that cannot be read: a full listing rebuilds it.
      return null;
    }
  }

  save(state: CacheState): Promise<void> {
    return writeFileAtomic(join(this.folder, "state.json"), JSON.stringify(state));
  }

  /**
   * Blobs are keyed by content where the service gives a hash (a metadata edit changes the eTag, and
   * Business delta gives no cTag, but the bytes are the same), else by cTag or eTag; a version's
   * content by its version id and time.
   */
  private blobPath(file: CachedFile, version: UnitVersion | null = null): string {
    const key = version
      ? `v\u0000${version.versionId}\u0000${version.receivedAt}`
      : (file.quickXorHash ?? file.cTag ?? file.eTag ?? "");
    return join(this.folder, "blobs", hashed(`${file.id}\u0000${key}`));
  }

  /** The bytes of this version of the file (or of its unit version), if cached. */
  async read(file: CachedFile, version: UnitVersion | null = null): Promise<Uint8Array | null> {
    if (!version && !file.quickXorHash && !file.cTag && !file.eTag) return null;
    try {
      return new Uint8Array(await readFile(this.blobPath(file, version)));
    } catch {
      return null;
    }
  }

  async write(file: CachedFile, bytes: Uint8Array, version: UnitVersion | null = null): Promise<void> {
    if (!version && !file.quickXorHash && !file.cTag && !file.eTag) return;
    await writeFileAtomic(this.blobPath(file, version), bytes);
  }

  async forget(file: CachedFile): Promise<void> {
    await rm(this.blobPath(file), { force: true });
  }
}
