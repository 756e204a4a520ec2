/** Who did something: a user (name, e-mail) or an application. */
export interface IdentitySet {
  readonly user?: { readonly displayName?: string; readonly email?: string };
  readonly application?: { readonly displayName?: string };
}

/** One entry of GET /items/{id}/versions (driveItemVersion). */
export interface DriveItemVersion {
  readonly id: string;
  readonly lastModifiedDateTime?: string;
  readonly lastModifiedBy?: IdentitySet;
  readonly size?: number;
}

/** The driveItem properties thidua reads (Graph v1.0), and nothing else. */
export interface DriveItem {
  readonly id: string;
  readonly name?: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly cTag?: string;
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
  readonly webUrl?: string;
  readonly file?: { readonly hashes?: { readonly quickXorHash?: string } };
  readonly folder?: { readonly childCount?: number };
  readonly root?: object;
  readonly deleted?: object;
  readonly parentReference?: { readonly driveId?: string; readonly id?: string };
  readonly lastModifiedBy?: IdentitySet;
  readonly createdBy?: IdentitySet;
  /** A shortcut ("Add to My files") or a shared item: the real item lives here, in another drive maybe. */
  readonly remoteItem?: {
    readonly id: string;
    readonly name?: string;
    readonly folder?: { readonly childCount?: number };
    readonly parentReference?: { readonly driveId?: string };
  };
  readonly "@microsoft.graph.downloadUrl"?: string;
}

export interface DriveItemPage {
  readonly value: readonly DriveItem[];
  readonly "@odata.nextLink"?: string;
  readonly "@odata.deltaLink"?: string;
}

/**
 * `$select` of just what is needed; `content.downloadUrl` is how a selection asks for the
 * `@microsoft.graph.downloadUrl` annotation (naming the annotation itself is not honoured everywhere).
 */
export const ITEM_SELECT = [
  "id",
  "name",
  "size",
  "eTag",
  "cTag",
  "createdDateTime",
  "lastModifiedDateTime",
  "lastModifiedBy",
  "createdBy",
  "webUrl",
  "file",
  "folder",
  "root",
  "deleted",
  "parentReference",
  "content.downloadUrl",
].join(",");

/**
 * The time a file was received: `lastModifiedDateTime`, set by the service when the version we
 * read was stored (an upload, or a replacement). `createdDateTime` is when the first version
 * arrived: a unit that re-sends a corrected file replaces it, and the content read is the new
 * one, so its time is the last version's. `fileSystemInfo` is never used: the sender's client sets it.
 */
export function receivedTimeOf(item: DriveItem): number {
  const time = Date.parse(item.lastModifiedDateTime ?? item.createdDateTime ?? "");
  if (Number.isNaN(time)) throw new Error(`item ${item.id} has no server time`);
  return time;
}

/** An identity as shown: "Name <email>", an app's name, or null. */
export function describeIdentity(identity: IdentitySet | undefined): string | null {
  const user = identity?.user;
  if (user?.displayName && user.email) return `${user.displayName} <${user.email}>`;
  return user?.displayName ?? user?.email ?? identity?.application?.displayName ?? null;
}

/** Who stored the version read. */
export function uploaderOf(item: DriveItem): string | null {
  return describeIdentity(item.lastModifiedBy);
}
