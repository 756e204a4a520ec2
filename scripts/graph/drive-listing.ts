import type { LocalizedText } from "../../core/index";
import type { GraphConnection } from "./client";
import type { CachedFile, CacheState } from "./drive-cache";
import {
  type DriveItem,
  type DriveItemPage,
  ITEM_SELECT,
  receivedTimeOf,
  uploaderOf,
  describeIdentity,
} from "./drive-item";
import { GraphRequestError, redactUrl } from "./errors";
import { graphGet } from "./resolve-folder";

/** Children per page: the service's maximum (fewer requests; 2 SharePoint resource units each). */
const PAGE_SIZE = 1000;

/** A listed item and the folder it was found in. */
export interface ListedItem {
  readonly item: DriveItem;
  readonly parentId: string;
}

export function toCachedFile(item: DriveItem, parentId: string): CachedFile {
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
    modifiedByEmail: item.lastModifiedBy?.user?.email?.toLowerCase() ?? null,
    createdBy: describeIdentity(item.createdBy),
    webUrl: item.webUrl ?? null,
  };
}

/**
 * Whether two sightings of a file hold the same bytes. cTag moves with the content only; Business
 * delta items carry none, and their eTag also moves with a metadata edit, so without cTags the
 * eTag, or else the size and quickXorHash, decide (a metadata edit is never a re-download).
 */
export function sameContent(a: CachedFile, b: CachedFile): boolean {
  if (a.cTag !== null && b.cTag !== null) return a.cTag === b.cTag;
  if (a.eTag !== null && a.eTag === b.eTag) return true;
  return a.size === b.size && a.quickXorHash !== null && a.quickXorHash === b.quickXorHash;
}

/** A file's path below the source folder, or null when one of its folders is not in the state. */
export function pathOf(state: CacheState, file: Pick<CachedFile, "name" | "parentId">): string | null {
  const names = [file.name];
  let folderId: string | null = file.parentId;
  for (let depth = 0; folderId !== null; depth += 1) {
    const folder: CacheState["folders"][string] | undefined = state.folders[folderId];
    if (!folder || depth > 1000) return null;
    if (folder.parentId !== null) names.unshift(folder.name);
    folderId = folder.parentId;
  }
  return names.join("/");
}

function removedLine(path: string): LocalizedText {
  return {
    vi: `OneDrive: ${path} đã bị xóa hoặc chuyển khỏi thư mục nguồn; không còn tính`,
    en: `OneDrive: ${path} was deleted or moved out of the source folder; no longer counted`,
  };
}

/** What a delta did to the state: files whose bytes may be new (with a download URL when given), folders that came in, files gone. */
export interface DeltaChanges {
  readonly changed: Map<string, string | null>;
  /** Folders that entered the source folder (created, moved or renamed in): their content must be listed. */
  readonly entered: string[];
  readonly removed: CachedFile[];
}

/**
 * Applies a delta's items to the tree state. On OneDrive for Business an item can come before its
 * ancestor folders, in a later page (onedrive-api-docs#295), and an item can come more than once:
 * items are taken by id (the last occurrence wins), folders before files, a folder as soon as its
 * parent is known. A folder moved or renamed into the source folder comes without its descendants
 * (they are listed by the caller); one deleted or moved out takes its files out, each with a line.
 */
export function applyDelta(
  state: CacheState,
  items: readonly DriveItem[],
  log: LocalizedText[],
): DeltaChanges {
  const latest = new Map<string, DriveItem>();
  for (const item of items) {
    if (item.id === state.rootId) continue;
    latest.delete(item.id);
    latest.set(item.id, item);
  }
  const removed: CachedFile[] = [];
  const entered: string[] = [];
  const changed = new Map<string, string | null>();
  const removeFile = (file: CachedFile): void => {
    log.push(removedLine(pathOf(state, file) ?? file.name));
    removed.push(file);
    delete state.files[file.id];
  };
  const dropFolder = (folderId: string): void => {
    for (const folder of Object.values(state.folders))
      if (folder.parentId === folderId) dropFolder(folder.id);
    for (const file of Object.values(state.files)) if (file.parentId === folderId) removeFile(file);
    delete state.folders[folderId];
  };
  const isFolder = (item: DriveItem): boolean =>
    item.folder !== undefined || state.folders[item.id] !== undefined;

  // Folders: deleted ones first, then in rounds, each taking those whose parent is known by now.
  let folders = [...latest.values()].filter(isFolder);
  for (const item of folders) if (item.deleted && state.folders[item.id]) dropFolder(item.id);
  folders = folders.filter((item) => !item.deleted);
  for (let progress = true; progress;) {
    progress = false;
    for (const item of folders) {
      const parentId = item.parentReference?.id;
      if (!parentId || !state.folders[parentId] || parentId === item.id) continue;
      // A folder is never placed under itself or its own descendant (a move's half-applied view).
      if (isBelow(state, parentId, item.id)) continue;
      if (!state.folders[item.id]) entered.push(item.id);
      state.folders[item.id] = { id: item.id, name: item.name ?? item.id, parentId };
      folders = folders.filter((other) => other !== item);
      progress = true;
    }
  }
  // What is left has a parent outside the source folder: moved out, if it was in.
  for (const item of folders) if (state.folders[item.id]) dropFolder(item.id);

  for (const item of latest.values()) {
    if (isFolder(item)) continue;
    const before = state.files[item.id];
    const parentId = item.parentReference?.id;
    if (item.deleted || !item.file || !parentId || !state.folders[parentId]) {
      if (before) removeFile(before);
      continue;
    }
    const file = toCachedFile(item, parentId);
    const carried =
      before && sameContent(before, file)
        ? { ...file, ...(before.altered ? { altered: before.altered } : {}) }
        : file;
    state.files[item.id] = carried;
    if (!before || !sameContent(before, file) || before.eTag !== file.eTag)
      changed.set(item.id, item["@microsoft.graph.downloadUrl"] ?? null);
  }
  return { changed, entered, removed };
}

function isBelow(state: CacheState, folderId: string, ancestorId: string): boolean {
  for (let id: string | null = folderId, depth = 0; id !== null && depth < 1000; depth += 1) {
    if (id === ancestorId) return true;
    id = state.folders[id]?.parentId ?? null;
  }
  return false;
}

/** Children pages and delta pages of one drive, through the run's Graph client. */
export class DriveListing {
  constructor(
    private readonly connection: GraphConnection,
    private readonly driveId: string,
    private readonly concurrency: number,
    private readonly log: LocalizedText[],
  ) {}

  private get<T>(path: string): Promise<T> {
    return graphGet<T>(this.connection, path);
  }

  /** A delta link for "from now on", asked before listing so that nothing changed during the listing is missed. */
  async latestDeltaLink(): Promise<string | null> {
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

  /** Every page of a delta link; null when the link is no longer honoured (410: list everything again). */
  async readDelta(link: string): Promise<{ items: DriveItem[]; deltaLink: string | null } | null> {
    const items: DriveItem[] = [];
    const seen = new Set<string>();
    let deltaLink: string | null = null;
    for (let next: string | null = link; next;) {
      if (seen.has(next))
        throw new GraphRequestError(
          null,
          null,
          null,
          redactUrl(next),
          "the service sent the same delta page link twice",
        );
      seen.add(next);
      let page: DriveItemPage;
      try {
        page = await this.get<DriveItemPage>(next);
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
      items.push(...page.value);
      deltaLink = page["@odata.deltaLink"] ?? deltaLink;
      next = page["@odata.nextLink"] ?? null;
    }
    return { items, deltaLink };
  }

  /** Lists a folder tree by item id, sub-folders `concurrency` at a time; yields items as pages arrive. */
  async *listTree(rootId: string, rootChildCount: number | null): AsyncIterable<ListedItem> {
    const pending: { id: string; childCount: number | null }[] = [{ id: rootId, childCount: rootChildCount }];
    const ready: ListedItem[] = [];
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
      while (ready.length > 0) yield ready.shift() as ListedItem;
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
}
