import type { LocalizedText } from "../../core/index";
import { describeAddress, graphGet, type RemoteAddress, resolveFolder } from "./resolve-folder";
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
import { type CachedFile, type CachedFolder, type CacheState, DriveCache } from "./drive-cache";
import { type DriveItem, type DriveItemPage, ITEM_SELECT, receivedTimeOf, uploaderOf } from "./drive-item";
import { GraphRequestError, redactUrl, toGraphRequestError } from "./errors";
import { quickXorHash } from "./quick-xor-hash";
import { isNetworkError, RETRY_STATUSES, retryDelayMs, sleep } from "./retry-policy";

export const DEFAULT_GRAPH_CONCURRENCY = 8;
/** Children per page: the service's maximum (fewer requests; 2 SharePoint resource units each). */
const PAGE_SIZE = 1000;

export interface GraphSourceOptions {
  readonly connection: GraphConnection;
  readonly address: RemoteAddress;
  /** Downloads in flight at once (default 8). */
  readonly concurrency?: number;
  /** Folder of the incremental cache; null for none (every file downloaded, no delta). */
  readonly cacheFolder?: string | null;
}

function toCachedFile(item: DriveItem, parentId: string): CachedFile {
  return {
    id: item.id,
    name: item.name ?? item.id,
    parentId,
    eTag: item.eTag ?? null,
    cTag: item.cTag ?? null,
    size: item.size ?? 0,
    quickXorHash: item.file?.hashes?.quickXorHash ?? null,
    receivedAt: receivedTimeOf(item),
    uploadedBy: uploaderOf(item),
    webUrl: item.webUrl ?? null,
  };
}

function sameVersion(a: CachedFile, b: CachedFile): boolean {
  // cTag changes with the content only; eTag also with metadata. Either equal means same bytes.
  return (a.cTag !== null && a.cTag === b.cTag) || (a.cTag === null && a.eTag !== null && a.eTag === b.eTag);
}

/**
 * A OneDrive / SharePoint folder read through Microsoft Graph: listed by item id (children paged
 * with $select and $top, nextLink followed, sub-folders descended), files downloaded through their
 * pre-authenticated URL with bounded concurrency and checked (size, quickXorHash). With a cache,
 * a later run asks the drive's delta for what changed and downloads only that.
 */
export class GraphSource implements SubmissionSource {
  /** lastModifiedDateTime: when the service stored the version read (never the sender's clock). */
  readonly receivedTimes = "upload_time";
  readonly concurrency: number;
  readonly log: LocalizedText[] = [];
  description: string;
  private readonly connection: GraphConnection;
  private readonly address: GraphSourceOptions["address"];
  private readonly cacheFolder: string | null;
  private cache: DriveCache | null = null;
  private previous: CacheState | null = null;
  private state: CacheState | null = null;
  /** What is known of each listed file, by path: the item, and its download URL when the listing gave one. */
  private readonly otherFiles = new Map<string, SourceOtherFile>();
  private readonly known = new Map<string, { file: CachedFile; downloadUrl: string | null }>();
  private driveId = "";

  constructor(options: GraphSourceOptions) {
    this.connection = options.connection;
    this.address = options.address;
    this.concurrency = options.concurrency ?? DEFAULT_GRAPH_CONCURRENCY;
    this.cacheFolder = options.cacheFolder ?? null;
    this.description = this.addressText();
  }

  private addressText(): string {
    return describeAddress(this.address);
  }

  private get<T>(path: string): Promise<T> {
    return graphGet<T>(this.connection, path);
  }

  private async resolveRoot(): Promise<DriveItem> {
    const { item, driveId } = await resolveFolder(this.connection, this.address);
    this.driveId = driveId;
    this.description = `${item.webUrl ?? this.addressText()} (drive ${driveId}, item ${item.id})`;
    return item;
  }

  private pathOf(state: CacheState, file: CachedFile): string | null {
    const names = [file.name];
    let folderId: string | null = file.parentId;
    for (let depth = 0; folderId !== null; depth += 1) {
      const folder: CachedFolder | undefined = state.folders[folderId];
      if (!folder || depth > 1000) return null;
      if (folder.parentId !== null) names.unshift(folder.name);
      folderId = folder.parentId;
    }
    return names.join("/");
  }

  private toEntry(state: CacheState, file: CachedFile, downloadUrl: string | null): SourceEntry | null {
    const path = this.pathOf(state, file);
    if (path === null) return null;
    if (!isSpreadsheetName(file.name)) {
      // A scan or a Word file beside the workbooks is listed in the outputs, never read.
      if (!isSystemFileName(file.name))
        this.otherFiles.set(path, { path, receivedAt: file.receivedAt, sizeBytes: file.size });
      return null;
    }
    this.known.set(path, { file, downloadUrl });
    return {
      path,
      receivedAt: file.receivedAt,
      sizeBytes: file.size,
      localPath: null,
      origin: { url: file.webUrl, driveId: this.driveId, itemId: file.id, uploadedBy: file.uploadedBy },
    };
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
    const root = await this.resolveRoot();
    if (this.cacheFolder) {
      this.cache = new DriveCache(this.cacheFolder, this.driveId, root.id);
      this.previous = await this.cache.load(this.driveId, root.id);
    }
    if (this.previous?.deltaLink) {
      const changed = await this.applyDelta(this.previous, root);
      if (changed) {
        this.state = this.previous;
        for (const file of Object.values(this.state.files)) {
          const entry = this.toEntry(this.state, file, changed.get(file.id) ?? null);
          if (entry) yield entry;
        }
        await this.cache?.save(this.state);
        return;
      }
    }
    // A first run, no cache, or a delta link the service no longer honours: list everything.
    const deltaLink = this.cache ? await this.latestDeltaLink() : null;
    const state: CacheState = {
      version: 1,
      driveId: this.driveId,
      rootId: root.id,
      deltaLink,
      folders: { [root.id]: { id: root.id, name: root.name ?? "", parentId: null } },
      files: {},
    };
    this.state = state;
    for await (const { item, parentId } of this.listTree(root)) {
      if (item.folder) {
        state.folders[item.id] = { id: item.id, name: item.name ?? item.id, parentId };
        continue;
      }
      if (!item.file) continue;
      const file = toCachedFile(item, parentId);
      state.files[file.id] = file;
      // A version the cache already holds is read from it; the URL is asked again only if its bytes are gone.
      const before = this.previous?.files[file.id];
      const downloadUrl =
        before && sameVersion(before, file) ? null : (item["@microsoft.graph.downloadUrl"] ?? null);
      const entry = this.toEntry(state, file, downloadUrl);
      if (entry) yield entry;
    }
    if (this.previous)
      for (const file of Object.values(this.previous.files))
        if (!state.files[file.id]) {
          const path = this.pathOf(this.previous, file) ?? file.name;
          this.log.push({
            vi: `OneDrive: ${path} không còn trong thư mục nguồn (đã xóa hoặc chuyển đi)`,
            en: `OneDrive: ${path} is no longer in the source folder (deleted or moved away)`,
          });
          await this.cache?.forget(file);
        }
    await this.cache?.save(state);
  }

  /** A delta link for "from now on", asked before listing so that nothing changed during the listing is missed. */
  private async latestDeltaLink(): Promise<string | null> {
    try {
      const page = await this.get<DriveItemPage>(
        `/drives/${encodeURIComponent(this.driveId)}/root/delta?token=latest&$select=${ITEM_SELECT}`,
      );
      return page["@odata.deltaLink"] ?? null;
    } catch (error) {
      // Delta on the drive's root needs access to the whole drive (not given with a shared folder only).
      if (
        error instanceof GraphRequestError &&
        error.status !== null &&
        [400, 403, 404, 501].includes(error.status)
      ) {
        this.log.push({
          vi: `OneDrive: không dùng được truy vấn thay đổi (delta, ${error.status}); lần chạy sau liệt kê lại toàn bộ và so eTag`,
          en: `OneDrive: the changes query (delta) failed (${error.status}); the next run lists everything again and compares eTags`,
        });
        return null;
      }
      throw error;
    }
  }

  /**
   * Applies what changed since the stored delta link to the stored state. Returns the download URLs
   * of changed files (by id), or null when the link is no longer honoured (410: full resync).
   */
  private async applyDelta(state: CacheState, root: DriveItem): Promise<Map<string, string> | null> {
    const changes: DriveItem[] = [];
    let link: string | null = state.deltaLink;
    const seen = new Set<string>();
    let deltaLink: string | null = null;
    while (link) {
      if (seen.has(link))
        throw new GraphRequestError(
          null,
          null,
          null,
          redactUrl(link),
          "the service sent the same delta page link twice",
        );
      seen.add(link);
      let page: DriveItemPage;
      try {
        page = await this.get<DriveItemPage>(link);
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 410) {
          this.log.push({
            vi: "OneDrive: liên kết thay đổi (delta) đã hết hạn (410); liệt kê lại toàn bộ thư mục nguồn",
            en: "OneDrive: the changes link (delta) has expired (410); listing the whole source folder again",
          });
          return null;
        }
        throw error;
      }
      changes.push(...page.value);
      deltaLink = page["@odata.deltaLink"] ?? deltaLink;
      link = page["@odata.nextLink"] ?? null;
    }
    const downloads = new Map<string, string>();
    const inScope = (id: string | undefined): boolean => id !== undefined && state.folders[id] !== undefined;
    for (const item of changes) {
      if (item.id === root.id) continue;
      const parentId = item.parentReference?.id;
      const oldFile = state.files[item.id];
      if (item.deleted || (!inScope(parentId) && (oldFile || state.folders[item.id]))) {
        if (oldFile) {
          const path = this.pathOf(state, oldFile) ?? oldFile.name;
          this.log.push({
            vi: `OneDrive: ${path} đã bị xóa hoặc chuyển khỏi thư mục nguồn; không còn tính`,
            en: `OneDrive: ${path} was deleted or moved out of the source folder; no longer counted`,
          });
          await this.cache?.forget(oldFile);
          delete state.files[item.id];
        }
        if (state.folders[item.id]) this.dropFolder(state, item.id);
        continue;
      }
      if (!inScope(parentId)) continue;
      if (item.folder) {
        state.folders[item.id] = { id: item.id, name: item.name ?? item.id, parentId: parentId as string };
        continue;
      }
      if (!item.file) continue;
      const file = toCachedFile(item, parentId as string);
      state.files[item.id] = file;
      const url = item["@microsoft.graph.downloadUrl"];
      if (url && !(oldFile && sameVersion(oldFile, file))) downloads.set(item.id, url);
    }
    state.deltaLink = deltaLink;
    return downloads;
  }

  private dropFolder(state: CacheState, folderId: string): void {
    delete state.folders[folderId];
    for (const folder of Object.values(state.folders))
      if (folder.parentId === folderId) this.dropFolder(state, folder.id);
    for (const file of Object.values(state.files))
      if (file.parentId === folderId) {
        this.log.push({
          vi: `OneDrive: ${file.name} đã bị xóa hoặc chuyển khỏi thư mục nguồn; không còn tính`,
          en: `OneDrive: ${file.name} was deleted or moved out of the source folder; no longer counted`,
        });
        delete state.files[file.id];
      }
  }

  /** Lists a folder tree by item id, sub-folders `concurrency` at a time; yields items as pages arrive. */
  private async *listTree(root: DriveItem): AsyncIterable<{ item: DriveItem; parentId: string }> {
    const pending: { id: string; childCount: number | null }[] = [
      { id: root.id, childCount: root.folder?.childCount ?? null },
    ];
    const ready: { item: DriveItem; parentId: string }[] = [];
    let running = 0;
    let failure: unknown = null;
    let wake: (() => void) | null = null;
    const notify = (): void => {
      const resolve = wake;
      wake = null;
      resolve?.();
    };
    const start = (): void => {
      while (running < this.concurrency && pending.length > 0 && !failure) {
        const folder = pending.shift() as { id: string; childCount: number | null };
        running += 1;
        void this.listFolder(folder.id, folder.childCount, (item) => {
          ready.push({ item, parentId: folder.id });
          if (item.folder) pending.push({ id: item.id, childCount: item.folder.childCount ?? null });
          notify();
        })
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => {
            running -= 1;
            notify();
          });
      }
    };
    start();
    while (true) {
      while (ready.length > 0) yield ready.shift() as { item: DriveItem; parentId: string };
      if (failure) throw failure;
      start();
      if (running === 0 && pending.length === 0 && ready.length === 0) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (ready.length > 0 || failure || (running === 0 && pending.length === 0)) notify();
      });
    }
  }

  /** One folder's children, every page; a repeated page link stops the paging (the service loops). */
  private async listFolder(
    id: string,
    childCount: number | null,
    onItem: (item: DriveItem) => void,
  ): Promise<void> {
    let link: string | null =
      `/drives/${encodeURIComponent(this.driveId)}/items/${encodeURIComponent(id)}/children?$select=${ITEM_SELECT}&$top=${PAGE_SIZE}`;
    const seen = new Set<string>();
    let count = 0;
    while (link) {
      seen.add(link);
      const page: DriveItemPage = await this.get<DriveItemPage>(link);
      for (const item of page.value) onItem(item);
      count += page.value.length;
      link = page["@odata.nextLink"] ?? null;
      if (link && seen.has(link)) {
        // Known to happen: a skip token that comes back forever. Stop, but never silently short.
        if (childCount !== null && count < childCount)
          throw new GraphRequestError(
            null,
            null,
            null,
            redactUrl(link),
            `the service repeated a page link after ${count} of ${childCount} items`,
          );
        this.log.push({
          vi: `OneDrive: dịch vụ trả lại cùng một liên kết trang cho thư mục ${id}; đã dừng sau ${count} mục (đủ số mục)`,
          en: `OneDrive: the service returned the same page link for folder ${id}; stopped after ${count} items (all of them)`,
        });
        break;
      }
    }
  }

  async fetch(entry: SourceEntry): Promise<FetchedFile> {
    const known = this.known.get(entry.path);
    if (!known) throw new Error(`not listed: ${entry.path}`);
    let { file } = known;
    let downloadUrl = known.downloadUrl;
    if (this.cache && !downloadUrl) {
      const cached = await this.cache.read(file);
      if (cached && (!file.quickXorHash || quickXorHash(cached) === file.quickXorHash))
        return { bytes: cached };
    }
    const policy = this.connection.retry;
    let lastProblem = "";
    for (let attempt = 0; attempt <= policy.maxRetries; attempt += 1) {
      if (!downloadUrl) {
        // No URL (a cached file whose bytes are gone), or one that expired or went stale: ask again.
        const refreshed = await this.refresh(file);
        if (!refreshed) {
          this.log.push({
            vi: `OneDrive: ${entry.path} bị xóa sau khi liệt kê, trước khi tải về (404); tệp vẫn được liệt kê với lỗi FILE_GONE`,
            en: `OneDrive: ${entry.path} was deleted after listing, before download (404); the file stays listed with FILE_GONE`,
          });
          return { gone: "404 itemNotFound" };
        }
        ({ file, downloadUrl } = refreshed);
        if (!downloadUrl)
          throw new GraphRequestError(null, null, null, entry.path, "the service gave no download URL");
      }
      let response: Response;
      try {
        // Pre-authenticated: no Authorization header may go with it.
        response = await fetch(downloadUrl, { ...this.connection.fetchOptions, redirect: "follow" });
      } catch (error) {
        if (!isNetworkError(error)) throw error;
        lastProblem = `network: ${(error as Error).message}`;
        await sleep(retryDelayMs(policy, attempt, null));
        continue;
      }
      if (response.status === 200) {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await response.arrayBuffer());
        } catch (error) {
          // Cut short after the headers (connection reset mid-body): try again.
          lastProblem = `truncated: ${(error as Error).message}`;
          await sleep(retryDelayMs(policy, attempt, null));
          continue;
        }
        if (
          bytes.byteLength !== file.size ||
          (file.quickXorHash && quickXorHash(bytes) !== file.quickXorHash)
        ) {
          // A file changed while it was read can come back mixed: take the item again, then the bytes.
          lastProblem = `size or quickXorHash differ (${bytes.byteLength} of ${file.size} bytes)`;
          downloadUrl = null;
          continue;
        }
        await this.cache?.write(file, bytes);
        if (file.receivedAt !== entry.receivedAt || file.uploadedBy !== entry.origin?.uploadedBy)
          return { bytes, entry: this.entryFor(entry, file) };
        return { bytes };
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 404) {
        // Deleted between listing and download? The item says.
        downloadUrl = null;
        lastProblem = "404";
        continue;
      }
      if ([401, 403, 410].includes(response.status)) {
        // The URL's embedded token expired (or the file changed since): a fresh URL from the item.
        lastProblem = `${response.status} on the download URL`;
        downloadUrl = null;
        continue;
      }
      if (RETRY_STATUSES.has(response.status)) {
        lastProblem = String(response.status);
        await sleep(retryDelayMs(policy, attempt, response.headers.get("retry-after")));
        continue;
      }
      throw await toGraphRequestError(response, `download of ${entry.path}`);
    }
    throw new GraphRequestError(
      null,
      null,
      null,
      `download of ${entry.path}`,
      `gave up after ${policy.maxRetries + 1} attempts (${lastProblem})`,
    );
  }

  private entryFor(entry: SourceEntry, file: CachedFile): SourceEntry {
    return {
      ...entry,
      receivedAt: file.receivedAt,
      sizeBytes: file.size,
      origin: { url: file.webUrl, driveId: this.driveId, itemId: file.id, uploadedBy: file.uploadedBy },
    };
  }

  /** The item again (new download URL, maybe a new version); null when it no longer exists. */
  private async refresh(file: CachedFile): Promise<{ file: CachedFile; downloadUrl: string | null } | null> {
    let item: DriveItem;
    try {
      item = await this.get<DriveItem>(
        `/drives/${encodeURIComponent(this.driveId)}/items/${encodeURIComponent(file.id)}?$select=${ITEM_SELECT}`,
      );
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return null;
      throw error;
    }
    if (item.deleted) return null;
    const fresh = toCachedFile(item, file.parentId);
    if (this.state) this.state.files[fresh.id] = fresh;
    return { file: fresh, downloadUrl: item["@microsoft.graph.downloadUrl"] ?? null };
  }
}
