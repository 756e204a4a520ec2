import { createProblem, formatVietnamDateTime, type LocalizedText, type Problem } from "../../core/index";
import type { GraphConnection } from "./client";
import type { CachedFile, DriveCache, UnitVersion } from "./drive-cache";
import { type DriveItem, type DriveItemVersion, describeIdentity, ITEM_SELECT } from "./drive-item";
import { toCachedFile } from "./drive-listing";
import { GraphRequestError, redactUrl, toGraphRequestError } from "./errors";
import { quickXorHash } from "./quick-xor-hash";
import { graphGet } from "./resolve-folder";
import { TransientFault } from "./retry-runner";

/** What a fetch gives: the bytes judged, the file as last seen, and what the source found. */
export type Fetched =
  | {
      readonly bytes: Uint8Array;
      readonly file: CachedFile;
      readonly problems: readonly Problem[];
      readonly unitVersion: UnitVersion | null;
    }
  | { readonly gone: string };

/** Whether an e-mail is one of the receiving office's accounts ("@domain" entries match a domain). */
export function isStaffEmail(email: string | null, staffAccounts: readonly string[]): boolean {
  if (!email || staffAccounts.length === 0) return false;
  const lower = email.toLowerCase();
  const domain = lower.slice(lower.lastIndexOf("@"));
  return staffAccounts.some((entry) => entry === lower || (entry.startsWith("@") && entry === domain));
}

/**
 * Downloads and versions of one drive's files, every request through the run's one RetryRunner:
 * pre-authenticated URLs carry no token, `/content` is followed by hand (a redirect followed by
 * fetch would carry the token to the download host), and bytes are checked against the listing.
 */
export class DriveFetcher {
  constructor(
    private readonly connection: GraphConnection,
    private readonly driveId: string,
    private readonly cache: DriveCache | null,
    private readonly staffAccounts: readonly string[],
    private readonly log: LocalizedText[],
  ) {}

  private itemPath(id: string): string {
    return `/drives/${encodeURIComponent(this.driveId)}/items/${encodeURIComponent(id)}`;
  }

  /** The bytes to judge for a file: its unit's version when staff edited it later, else the current one. */
  async fetch(path: string, file: CachedFile, downloadUrl: string | null): Promise<Fetched> {
    if (isStaffEmail(file.modifiedByEmail, this.staffAccounts)) return this.fetchUnitVersion(path, file);
    const current = await this.fetchCurrent(path, file, downloadUrl);
    if ("gone" in current) return current;
    const problems = [...current.problems];
    // Without staffAccounts nobody's edit can be set aside: say whose the last edit was, beside the uploader.
    if (
      this.staffAccounts.length === 0 &&
      current.file.createdBy !== null &&
      current.file.uploadedBy !== null &&
      current.file.createdBy !== current.file.uploadedBy
    )
      problems.push(
        createProblem(
          "FILE_MODIFIED_BY_OTHER",
          "warning",
          {},
          { creator: current.file.createdBy, modifier: current.file.uploadedBy },
        ),
      );
    return { ...current, problems };
  }

  /** The newest version by someone not on staff (GET /versions, newest first), found once per eTag. */
  private async findUnitVersion(file: CachedFile): Promise<UnitVersion | null> {
    if (file.unitVersion !== undefined) return file.unitVersion;
    const page = await graphGet<{ value: readonly DriveItemVersion[] }>(
      this.connection,
      `${this.itemPath(file.id)}/versions`,
    );
    const newest = page.value[0];
    const unit = page.value.find(
      (version) => !isStaffEmail(version.lastModifiedBy?.user?.email ?? null, this.staffAccounts),
    );
    if (!unit || !unit.lastModifiedDateTime) return null;
    return {
      versionId: unit.id,
      receivedAt: Date.parse(unit.lastModifiedDateTime),
      uploadedBy: describeIdentity(unit.lastModifiedBy),
      editedBy: describeIdentity(newest?.lastModifiedBy) ?? file.uploadedBy,
      editedAt: Date.parse(newest?.lastModifiedDateTime ?? "") || file.receivedAt,
    };
  }

  private async fetchUnitVersion(path: string, file: CachedFile): Promise<Fetched> {
    let unit: UnitVersion | null;
    try {
      unit = await this.findUnitVersion(file);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return { gone: "404 itemNotFound" };
      throw error;
    }
    const when = formatVietnamDateTime(unit?.editedAt ?? file.receivedAt);
    if (!unit) {
      // The unit's version has left the history (a library's version limit): judge what there is, for review.
      const current = await this.fetchCurrent(path, file, null);
      if ("gone" in current) return current;
      return {
        ...current,
        unitVersion: null,
        problems: [
          ...current.problems,
          createProblem("FILE_UNIT_VERSION_MISSING", "warning", {}, { by: file.uploadedBy ?? "?", at: when }),
        ],
      };
    }
    const withVersion: CachedFile = { ...file, unitVersion: unit };
    const bytes =
      (await this.cache?.read(withVersion, unit)) ?? (await this.downloadVersion(path, withVersion, unit));
    return {
      bytes,
      file: withVersion,
      unitVersion: unit,
      problems: [createProblem("FILE_EDITED_LATER", "warning", {}, { by: unit.editedBy ?? "?", at: when })],
    };
  }

  private async downloadVersion(path: string, file: CachedFile, unit: UnitVersion): Promise<Uint8Array> {
    const location = await this.locationOf(
      `${this.itemPath(file.id)}/versions/${encodeURIComponent(unit.versionId)}/content`,
    );
    const bytes = await this.connection.runner.run(
      `download of ${path} (version ${unit.versionId})`,
      async () => {
        const response = await fetch(location, { ...this.connection.fetchOptions, redirect: "follow" });
        if (response.status !== 200) {
          await this.connection.runner.check(response);
          throw await toGraphRequestError(response, `download of ${path}`);
        }
        return this.readBody(response);
      },
    );
    await this.cache?.write(file, bytes, unit);
    return bytes;
  }

  /**
   * `GET …/content` answers 302 to a pre-authenticated URL (driveitem-get-content). The redirect is
   * read by hand: followed by fetch on the same host, it would carry the token there (refused).
   */
  private locationOf(apiPath: string): Promise<string> {
    const { runner, credential, scopes, endpoint, fetchOptions } = this.connection;
    let renewed = false;
    return runner.run(redactUrl(apiPath), async () => {
      const token = await credential.getToken(scopes);
      const response = await fetch(`${endpoint}${apiPath}`, {
        ...fetchOptions,
        headers: { Authorization: `Bearer ${token?.token ?? ""}` },
        redirect: "manual",
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined);
        return location;
      }
      if (response.status === 401 && !renewed) {
        renewed = true;
        credential.invalidate();
        await response.body?.cancel().catch(() => undefined);
        throw new TransientFault("401: token renewed");
      }
      await runner.check(response);
      throw await toGraphRequestError(response, redactUrl(apiPath));
    });
  }

  /** The body, or a TransientFault when the connection drops mid-body. */
  private async readBody(response: Response): Promise<Uint8Array> {
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new TransientFault(`truncated: ${(error as Error).message}`);
    }
  }

  /** The current bytes: from the cache when it holds this content, else downloaded and checked. */
  private async fetchCurrent(path: string, listed: CachedFile, listedUrl: string | null): Promise<Fetched> {
    const cached = await this.cache?.read(listed);
    if (cached && this.matches(cached, listed)) return this.result(cached, listed);
    let file = listed;
    let url = listedUrl;
    let mismatches = 0;
    let gone: string | null = null;
    const bytes = await this.connection.runner.run(`download of ${path}`, async () => {
      if (!url) {
        // No URL (a cached file whose bytes are gone, a listing without URLs) or a stale one: ask again.
        const refreshed = await this.refresh(file);
        if (!refreshed) {
          gone = "404 itemNotFound";
          return null;
        }
        file = refreshed.file;
        url = refreshed.downloadUrl ?? (await this.locationOf(`${this.itemPath(file.id)}/content`));
      }
      // Pre-authenticated: no Authorization header may go with it.
      const response = await fetch(url, { ...this.connection.fetchOptions, redirect: "follow" });
      if (response.status === 200) {
        const body = await this.readBody(response);
        if (this.matches(body, file)) return body;
        // A file changed while it was read can come back mixed: take the item again, then the bytes.
        mismatches += 1;
        const refreshed = await this.refresh(file);
        if (!refreshed) {
          gone = "404 itemNotFound";
          return null;
        }
        if (refreshed.file.eTag !== null && refreshed.file.eTag === file.eTag && mismatches >= 2) {
          // Twice the same bytes for an unchanged eTag: SharePoint's own rewrite, not a fault.
          file = { ...file, altered: { size: body.byteLength } };
          return body;
        }
        file = refreshed.file;
        url = refreshed.downloadUrl;
        throw new TransientFault(`size or quickXorHash differ (${body.byteLength} of ${file.size} bytes)`);
      }
      await response.body?.cancel().catch(() => undefined);
      if ([401, 403, 404, 410].includes(response.status)) {
        // The URL's embedded token expired, the file changed, or it was deleted: the item says which.
        url = null;
        throw new TransientFault(`${response.status} on the download URL`);
      }
      await this.connection.runner.check(response);
      throw await toGraphRequestError(response, `download of ${path}`);
    });
    if (gone !== null || bytes === null) {
      this.log.push({
        vi: `OneDrive: ${path} bị xóa sau khi liệt kê, trước khi tải về (404); tệp vẫn được liệt kê với lỗi FILE_GONE`,
        en: `OneDrive: ${path} was deleted after listing, before download (404); the file stays listed with FILE_GONE`,
      });
      return { gone: gone ?? "404 itemNotFound" };
    }
    await this.cache?.write(file, bytes);
    return this.result(bytes, file);
  }

  private matches(bytes: Uint8Array, file: CachedFile): boolean {
    if (file.altered) return bytes.byteLength === file.altered.size;
    return (
      bytes.byteLength === file.size && (!file.quickXorHash || quickXorHash(bytes) === file.quickXorHash)
    );
  }

  private result(bytes: Uint8Array, file: CachedFile): Fetched {
    const problems = file.altered
      ? [
          createProblem(
            "FILE_ALTERED_BY_SERVICE",
            "warning",
            {},
            { size: file.altered.size, listedSize: file.size },
          ),
        ]
      : [];
    return { bytes, file, problems, unitVersion: null };
  }

  /** The item again (new download URL, maybe a new version); null when it no longer exists. */
  async refresh(file: CachedFile): Promise<{ file: CachedFile; downloadUrl: string | null } | null> {
    let item: DriveItem;
    try {
      item = await graphGet<DriveItem>(this.connection, `${this.itemPath(file.id)}?$select=${ITEM_SELECT}`);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return null;
      throw error;
    }
    if (item.deleted) return null;
    return {
      file: toCachedFile(item, file.parentId),
      downloadUrl: item["@microsoft.graph.downloadUrl"] ?? null,
    };
  }
}
