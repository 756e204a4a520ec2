import type { LocalizedText } from "../../core/index";
import { describeAddress, type RemoteAddress, resolveFolder } from "./resolve-folder";
import {
  isSpreadsheetName,
  isSystemFileName,
  type FetchedFile,
  type SourceEntry,
  type SourceOtherFile,
  type SourceProblem,
  type SubmissionSource,
} from "../source/types";
import type { GraphConnection } from "./client";
import { type CachedFile, type CacheState, DriveCache, type UnitVersion } from "./drive-cache";
import { DriveFetcher, isStaffEmail } from "./drive-fetch";
import type { DriveItem } from "./drive-item";
import {
  applyDelta,
  DriveListing,
  type ListedItem,
  pathOf,
  sameContent,
  toCachedFile,
} from "./drive-listing";

export const DEFAULT_GRAPH_CONCURRENCY = 8;

export interface GraphSourceOptions {
  readonly connection: GraphConnection;
  readonly address: RemoteAddress;
  /** Downloads in flight at once (default 8). */
  readonly concurrency?: number;
  /** Folder of the incremental cache; null for none (every file downloaded, no delta). */
  readonly cacheFolder?: string | null;
  /** The receiving office's accounts (config `staffAccounts`): their edits never count as a submission. */
  readonly staffAccounts?: readonly string[];
}

/**
 * A OneDrive / SharePoint folder read through Microsoft Graph. Three parts, one job each: the
 * listing (children and delta pages applied to a tree state, drive-listing.ts), the fetching
 * (downloads and versions through the one retry runner, drive-fetch.ts) and the cache (state in,
 * state out, drive-cache.ts). This class only wires them: state → entries → bytes.
 */
export class GraphSource implements SubmissionSource {
  /** lastModifiedDateTime of the version judged: when the service stored it (never the sender's clock). */
  readonly receivedTimes = "upload_time";
  readonly concurrency: number;
  readonly log: LocalizedText[] = [];
  description: string;
  private readonly connection: GraphConnection;
  private readonly address: RemoteAddress;
  private readonly cacheFolder: string | null;
  private readonly staffAccounts: readonly string[];
  private cache: DriveCache | null = null;
  private fetcher: DriveFetcher | null = null;
  private state: CacheState | null = null;
  private readonly otherFiles = new Map<string, SourceOtherFile>();
  /** Each listed spreadsheet by path: the file, and its download URL when the listing gave one. */
  private readonly known = new Map<string, { file: CachedFile; downloadUrl: string | null }>();
  private driveId = "";

  constructor(options: GraphSourceOptions) {
    this.connection = options.connection;
    this.address = options.address;
    this.concurrency = options.concurrency ?? DEFAULT_GRAPH_CONCURRENCY;
    this.cacheFolder = options.cacheFolder ?? null;
    this.staffAccounts = (options.staffAccounts ?? []).map((entry) => entry.toLowerCase());
    this.description = describeAddress(this.address);
  }

  /** After entries(): the files that are not spreadsheets (OneDrive lists no unreadable folders). */
  listed(): { readonly otherFiles: readonly SourceOtherFile[]; readonly problems: readonly SourceProblem[] } {
    return {
      otherFiles: [...this.otherFiles.values()].sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
      ),
      problems: [],
    };
  }

  async *entries(): AsyncIterable<SourceEntry> {
    this.otherFiles.clear();
    this.known.clear();
    const { item: root, driveId } = await resolveFolder(this.connection, this.address);
    this.driveId = driveId;
    this.description = `${root.webUrl ?? describeAddress(this.address)} (drive ${driveId}, item ${root.id})`;
    const listing = new DriveListing(this.connection, driveId, this.concurrency, this.log);
    this.cache = this.cacheFolder ? new DriveCache(this.cacheFolder, driveId, root.id) : null;
    this.fetcher = new DriveFetcher(this.connection, driveId, this.cache, this.staffAccounts, this.log);
    const previous = (await this.cache?.load(driveId, root.id)) ?? null;
    this.listingDone = false;
    this.fetched = 0;
    const changed = previous?.deltaLink ? await this.applyChanges(listing, previous) : null;
    if (changed) {
      this.state = changed;
      for (const file of Object.values(changed.files)) {
        const entry = this.toEntry(changed, file);
        if (entry) yield entry;
      }
    } else yield* this.listEverything(listing, previous, root);
    this.listingDone = true;
    await this.saveWhenDone();
  }

  private listingDone = false;
  private fetched = 0;

  /** The state is saved once every listed file has been fetched (fetches add what they found). */
  private async saveWhenDone(): Promise<void> {
    if (this.listingDone && this.fetched >= this.known.size && this.state) await this.cache?.save(this.state);
  }

  /** What changed since the stored delta link, applied to the stored state; null when the link expired. */
  private async applyChanges(listing: DriveListing, previous: CacheState): Promise<CacheState | null> {
    const delta = await listing.readDelta(previous.deltaLink as string);
    if (!delta) return null;
    const state: CacheState = { ...previous, folders: { ...previous.folders }, files: { ...previous.files } };
    const { changed, entered, removed } = applyDelta(state, delta.items, this.log);
    for (const file of removed) await this.cache?.forget(file);
    // A folder moved or renamed in comes without its descendants: list them.
    for (const folderId of entered)
      for await (const listed of listing.listTree(folderId, null)) this.place(state, listed, changed);
    state.deltaLink = delta.deltaLink;
    for (const [id, url] of changed) this.urls.set(id, url);
    return state;
  }

  /** Download URLs the listing or delta gave, by item id (a URL is valid for minutes: never cached). */
  private readonly urls = new Map<string, string | null>();

  private place(state: CacheState, { item, parentId }: ListedItem, urls: Map<string, string | null>): void {
    if (item.folder) {
      state.folders[item.id] = { id: item.id, name: item.name ?? item.id, parentId };
      return;
    }
    if (!item.file) return;
    const before = state.files[item.id];
    const file = toCachedFile(item, parentId);
    state.files[item.id] =
      before?.altered && sameContent(before, file) ? { ...file, altered: before.altered } : file;
    urls.set(item.id, item["@microsoft.graph.downloadUrl"] ?? null);
  }

  /**
   * A first run, no cache, or a delta link the service no longer honours: list everything, each file
   * handed over as its page arrives (validation starts on the first page).
   */
  private async *listEverything(
    listing: DriveListing,
    previous: CacheState | null,
    root: DriveItem,
  ): AsyncIterable<SourceEntry> {
    const deltaLink = this.cache ? await listing.latestDeltaLink() : null;
    const state: CacheState = {
      version: 2,
      driveId: this.driveId,
      rootId: root.id,
      deltaLink,
      folders: { [root.id]: { id: root.id, name: root.name ?? "", parentId: null } },
      files: {},
    };
    this.state = state;
    for await (const listed of listing.listTree(root.id, root.folder?.childCount ?? null)) {
      this.place(state, listed, this.urls);
      // The staff rule's finding stays valid while the item is unchanged (same eTag).
      const before = previous?.files[listed.item.id];
      const now = state.files[listed.item.id];
      if (before && now && before.eTag === now.eTag && before.unitVersion !== undefined)
        state.files[now.id] = { ...now, unitVersion: before.unitVersion };
      const file = state.files[listed.item.id];
      const entry = file && !listed.item.folder ? this.toEntry(state, file) : null;
      if (entry) yield entry;
    }
    if (previous)
      for (const file of Object.values(previous.files))
        if (!state.files[file.id]) {
          const path = pathOf(previous, file) ?? file.name;
          this.log.push({
            vi: `OneDrive: ${path} không còn trong thư mục nguồn (đã xóa hoặc chuyển đi)`,
            en: `OneDrive: ${path} is no longer in the source folder (deleted or moved away)`,
          });
          await this.cache?.forget(file);
        }
  }

  private toEntry(state: CacheState, file: CachedFile): SourceEntry | null {
    const path = pathOf(state, file);
    if (path === null) return null;
    if (!isSpreadsheetName(file.name)) {
      // A scan or a Word file beside the workbooks is listed in the outputs, never read.
      if (!isSystemFileName(file.name))
        this.otherFiles.set(path, { path, receivedAt: file.receivedAt, sizeBytes: file.size });
      return null;
    }
    this.known.set(path, { file, downloadUrl: this.urls.get(file.id) ?? null });
    return this.entryFor(path, file, file.unitVersion ?? null);
  }

  private entryFor(path: string, file: CachedFile, unit: UnitVersion | null): SourceEntry {
    return {
      path,
      receivedAt: unit?.receivedAt ?? file.receivedAt,
      sizeBytes: file.size,
      localPath: null,
      origin: {
        url: file.webUrl,
        driveId: this.driveId,
        itemId: file.id,
        uploadedBy: unit ? unit.uploadedBy : file.uploadedBy,
        ...(unit ? { editedLater: { by: unit.editedBy, at: unit.editedAt } } : {}),
      },
    };
  }

  async fetch(entry: SourceEntry): Promise<FetchedFile> {
    const known = this.known.get(entry.path);
    if (!known || !this.fetcher) throw new Error(`not listed: ${entry.path}`);
    const fetched = await this.fetcher.fetch(entry.path, known.file, known.downloadUrl).finally(() => {
      this.fetched += 1;
    });
    if ("gone" in fetched) {
      await this.saveWhenDone();
      return fetched;
    }
    const { file, unitVersion, problems } = fetched;
    // The state remembers what was found (a new version, SharePoint's rewrite, the unit's version).
    if (this.state)
      this.state.files[file.id] = isStaffEmail(file.modifiedByEmail, this.staffAccounts)
        ? { ...file, unitVersion }
        : file;
    await this.saveWhenDone();
    const seen = this.entryFor(entry.path, file, unitVersion);
    const changed =
      seen.receivedAt !== entry.receivedAt ||
      seen.origin?.uploadedBy !== entry.origin?.uploadedBy ||
      seen.origin?.editedLater !== undefined;
    if (!changed && problems.length === 0) return { bytes: fetched.bytes };
    return { bytes: fetched.bytes, entry: { ...seen, ...(problems.length > 0 ? { problems } : {}) } };
  }
}
