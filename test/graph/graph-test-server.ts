import { generate } from "selfsigned";
import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { quickXorHash } from "../../scripts/graph/quick-xor-hash";

/**
 * A local HTTPS server speaking the part of the Microsoft Graph drive API that thidua uses, with
 * documented shapes: items by id, children paged with $select/$top and @odata.nextLink, path and
 * sharing-link addressing, delta with deltaLink (410 when a token is too old), pre-authenticated
 * downloads, uploads (PUT and upload sessions) and sendMail. Requests are counted; latency and
 * faults are injected. Only the server is simulated: the client under test is the real SDK.
 */

export interface StoredItem {
  readonly id: string;
  name: string;
  parentId: string | null;
  readonly folder: boolean;
  bytes: Uint8Array;
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastModifiedBy: string;
  /** Who stored the first version; never moves. */
  readonly createdBy: string;
  /** Content version: moves with new bytes only (cTag, download URL). */
  version: number;
  /** Moves with every change, bytes or properties (eTag). */
  revision: number;
  /** Version history, oldest first, the current one last (GET /items/{id}/versions). */
  history: StoredVersion[];
  deleted: boolean;
  /** Sequence number of the last change (for delta). */
  changedAt: number;
  /** A shortcut ("Add to My files"): the folder it points at, shown as `remoteItem`. */
  remoteId?: string;
}

/** One entry of an item's version history, as SharePoint keeps it (driveItemVersion). */
export interface StoredVersion {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly lastModifiedDateTime: string;
  readonly lastModifiedBy: string;
}

export type FaultKind =
  | { readonly kind: "status"; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: "reset" }
  | { readonly kind: "truncate" }
  | { readonly kind: "gone" }
  | { readonly kind: "expired-token" }
  | { readonly kind: "expired-download-url" }
  /** The request is carried out, then the connection drops before the answer (the client cannot know). */
  | { readonly kind: "reset-after-effect" };

export interface Fault {
  /** Which requests it hits: "api" (Graph calls), "download", "upload", or a predicate on the request. */
  readonly on: "api" | "download" | "upload" | ((request: RecordedRequest) => boolean);
  readonly fault: FaultKind;
  /** How many matching requests it hits; Infinity for a fault that persists. */
  times: number;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as received. */
  readonly url: string;
  readonly kind: "api" | "download" | "upload" | "other";
  readonly authorization: string | null;
  /** How many Authorization headers (and comma-joined values) came: exactly 1 on an API call. */
  readonly authorizationCount: number;
}

export const TEST_DRIVE_ID = "b!testdrive";
const ROOT_ID = "root";
/** PUT /drives/{drive}/items/{parent}:/{name}:/content, a simple upload (DOCS.put). */
const PUT_CONTENT = /^\/drives\/([^/]+)\/items\/([^/:]+):\/(.+):\/content$/;
const VERSION = "v1.0";

interface DeltaMark {
  readonly sequence: number;
}

/**
 * A self-signed certificate for localhost and 127.0.0.1, made now in JavaScript (selfsigned): no
 * openssl binary needed, nothing checked in.
 */
export async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000),
    extensions: [
      { name: "basicConstraints", cA: false },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

function toBase64Url(text: string): string {
  return Buffer.from(text, "utf8")
    .toString("base64")
    .replace(/=+$/, "")
    .replace(/\//g, "_")
    .replace(/\+/g, "-");
}

/** Microsoft's documentation pages the server's refusals follow (cited once, used below). */
const DOCS = {
  // "Authorization: Bearer {token}. Required." One header, one token; a doubled header is refused with
  // 401 InvalidAuthenticationToken (msgraph-sdk-javascript PR #91: the AuthenticationHandler appended).
  auth: "https://learn.microsoft.com/en-us/graph/auth/auth-concepts#access-tokens",
  // "Pre-authenticated download URLs … do not require an Authorization header to download."
  download: "https://learn.microsoft.com/en-us/graph/api/driveitem-get-content",
  // Upload sessions: no Authorization on uploadUrl (401), 416 for a fragment already received,
  // GET uploadUrl gives nextExpectedRanges, 404 once the session is gone.
  upload: "https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession",
  delta: "https://learn.microsoft.com/en-us/graph/api/driveitem-delta",
  versions: "https://learn.microsoft.com/en-us/graph/api/driveitem-list-versions",
  shares: "https://learn.microsoft.com/en-us/graph/api/shares-get",
  cors: "https://learn.microsoft.com/en-us/graph/api/driveitem-get-content#remarks",
  put: "https://learn.microsoft.com/en-us/graph/api/driveitem-put-content",
  children: "https://learn.microsoft.com/en-us/graph/api/driveitem-post-children",
  addressing: "https://learn.microsoft.com/en-us/graph/onedrive-addressing-driveitems",
  // "507 Insufficient Storage: The maximum storage quota has been reached"; code quotaLimitReached
  // ("The user has reached their quota limit"), in the table of error codes.
  errors: "https://learn.microsoft.com/en-us/graph/errors",
} as const;

export { DOCS as GRAPH_DOCS };

/** A local HTTPS server that can be closed at once: its open connections are destroyed on close. */
export interface HttpsListener {
  readonly port: number;
  close(): Promise<void>;
}

export async function listenHttps(
  certificate: { key: string; cert: string },
  handle: (request: IncomingMessage, response: ServerResponse) => void,
  port = 0,
): Promise<HttpsListener> {
  const server = createServer(certificate, handle);
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * An .xlsx with a comment in its zip's end record: other bytes (size and hash), the same contents
 * (readers and Excel ignore the comment). What a second save of the same workbook, or SharePoint's
 * "enrichment" of an uploaded Office file, amounts to for a client that checks size and hash.
 */
export function zipWithComment(bytes: Uint8Array, note: string): Uint8Array {
  const comment = new TextEncoder().encode(note);
  const end = bytes.byteLength - 22;
  const copy = new Uint8Array(bytes.byteLength + comment.byteLength);
  copy.set(bytes);
  copy.set(comment, bytes.byteLength);
  const view = new DataView(copy.buffer);
  if (view.getUint32(end, true) !== 0x06054b50 || view.getUint16(end + 20, true) !== 0)
    throw new Error("zipWithComment: the zip does not end with a bare end record");
  view.setUint16(end + 20, comment.byteLength, true);
  return copy;
}

/** Office files SharePoint rewrites on upload (its document libraries' property promotion). */
const ENRICHED_EXTENSIONS = /\.(xlsx|xlsm|docx|pptx)$/i;

/** What Graph adds to every answer for a page's script to read it (DOCS.cors; the add-in calls Graph from a page). */
const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "request-id, client-request-id, Retry-After, Location, ETag",
};

export class GraphTestServer {
  readonly requests: RecordedRequest[] = [];
  readonly sentMail: { readonly sender: string; readonly body: unknown }[] = [];
  readonly faults: Fault[] = [];
  latencyMs = 0;
  /** The link's upload speed: a request body of n bytes arrives n / this seconds late (Infinity: no limit). */
  bandwidthBytesPerSecond = Infinity;
  /**
   * The drive's storage quota in bytes, every kept version counted (SharePoint counts versions
   * against the site's storage): an upload that would pass it answers 507 (DOCS.errors).
   */
  quotaBytes = Infinity;
  /** Children page size when the client gives no $top (the service's default is 200). */
  defaultPageSize = 200;
  /** The most children a page holds whatever $top asks (the service may return fewer than asked). */
  maxPageSize = 1000;
  /** Delta items per page (the service decides; small pages show the order across pages). */
  deltaPageSize = 200;
  /** Folder ids whose children paging sends back the same nextLink forever (a known service fault). */
  readonly loopingFolders = new Map<string, "after-all" | "midway">();
  /** Changes older than this sequence number answer 410 resyncRequired. */
  oldestDeltaSequence = 0;
  /** Tokens the server has declared expired (401 InvalidAuthenticationToken). */
  readonly expiredTokens = new Set<string>();
  /** Downloads being served at once, and the most seen (the client's concurrency as the server sees it). */
  downloadsInFlight = 0;
  maxDownloadsInFlight = 0;
  /** Requests to a pre-authenticated URL that carried an Authorization header (each refused with 401). */
  authorizationOnDownloads = 0;
  /** Listings leave out `@microsoft.graph.downloadUrl` (some tenants and shared items do): /content is the way. */
  omitDownloadUrls = false;
  /**
   * A SharePoint document library: an uploaded Office file is stored with SharePoint's properties
   * written into it, so the upload's answer (and every listing) gives another size and quickXorHash
   * than the bytes sent (onedrive-api-docs#935; abraunegg/onedrive PR #1250: "Microsoft has modified
   * the file post upload"; rclone's OneDrive docs). Off: OneDrive for Business stores the bytes as sent.
   */
  enrichOfficeUploads = false;
  /** Every `throttleEvery`-th request answers 429 with Retry-After `throttleRetryAfter` (a storm); 0 for none. */
  throttleEvery = 0;
  throttleRetryAfter = "1";
  /** Requests that met the storm's 429, and requests that came while a Retry-After was running (should be 0). */
  throttled = 0;
  requestsDuringPause = 0;
  private pausedUntil = 0;
  private throttledAt = 0;
  private readonly items = new Map<string, StoredItem>();
  /** Tokens this server issued (via a test credential): any other bearer is refused. */
  private readonly issuedTokens = new Set<string>();
  private readonly shares = new Map<string, { itemId: string; redeemed: boolean }>();
  /** Served bytes that differ from the listed ones (SharePoint writes its properties into Office files). */
  private readonly alteredBytes = new Map<string, Uint8Array>();
  private readonly sessions = new Map<
    string,
    {
      parentId: string;
      name: string;
      size: number;
      received: Buffer[];
      next: number;
      /** The item's conflictBehavior at creation ("fail" by default, DOCS.upload), applied again at completion. */
      conflict: string;
    }
  >();
  /** QuickXorHash by item id and version: the server hashes each version once. */
  private readonly hashes = new Map<string, string>();
  private sequence = 1;
  private nextId = 1;
  private listener: HttpsListener | null = null;
  private port = 0;
  private certificate: { key: string; cert: string } | null;

  constructor(certificate?: { key: string; cert: string }) {
    this.certificate = certificate ?? null;
    this.items.set(ROOT_ID, {
      id: ROOT_ID,
      name: "root",
      parentId: null,
      folder: true,
      bytes: new Uint8Array(0),
      createdDateTime: "2026-01-01T00:00:00Z",
      lastModifiedDateTime: "2026-01-01T00:00:00Z",
      lastModifiedBy: "System",
      createdBy: "System",
      version: 1,
      revision: 1,
      history: [],
      deleted: false,
      changedAt: 0,
    });
  }

  /** The certificate to trust (PEM). */
  get ca(): string {
    if (!this.certificate) throw new Error("start() the server before asking for its certificate");
    return this.certificate.cert;
  }

  get origin(): string {
    return `https://localhost:${this.port}`;
  }

  /** What THIDUA_GRAPH_ENDPOINT is set to for this server. */
  get endpoint(): string {
    return `${this.origin}/${VERSION}`;
  }

  /** A token the server will accept (as if Microsoft Entra ID had issued it for this tenant). */
  acceptToken(token: string): void {
    this.issuedTokens.add(token);
  }

  async start(): Promise<this> {
    this.certificate ??= await makeCertificate();
    this.listener = await listenHttps(this.certificate, (request, response) => {
      void this.handle(request, response);
    });
    this.port = this.listener.port;
    return this;
  }

  async close(): Promise<void> {
    await this.listener?.close();
  }

  count(kind?: RecordedRequest["kind"]): number {
    return kind ? this.requests.filter((request) => request.kind === kind).length : this.requests.length;
  }

  resetCounts(): void {
    this.requests.length = 0;
    this.maxDownloadsInFlight = 0;
    this.throttled = 0;
    this.requestsDuringPause = 0;
  }

  /** Requests whose Authorization was anything but exactly one of the issued tokens (API) or none (URLs). */
  badAuthorizations(): RecordedRequest[] {
    // A CORS preflight never carries credentials (Fetch standard, "CORS-preflight request"): not counted.
    return this.requests.filter((request) =>
      request.method === "OPTIONS"
        ? false
        : request.kind === "api"
          ? request.authorizationCount !== 1
          : request.authorization !== null,
    );
  }

  // ---- the drive's content ----

  private newItem(
    id: string,
    name: string,
    parentId: string,
    folder: boolean,
    bytes: Uint8Array,
    at: { created: string; modified: string; by: string },
  ): StoredItem {
    return {
      id,
      name,
      parentId,
      folder,
      bytes,
      createdDateTime: at.created,
      lastModifiedDateTime: at.modified,
      lastModifiedBy: at.by,
      createdBy: at.by,
      version: 1,
      revision: 1,
      history: folder ? [] : [{ id: "1.0", bytes, lastModifiedDateTime: at.modified, lastModifiedBy: at.by }],
      deleted: false,
      changedAt: this.sequence++,
    };
  }

  private childNamed(parentId: string, name: string): StoredItem | undefined {
    return [...this.items.values()].find(
      (item) => item.parentId === parentId && item.name === name && !item.deleted,
    );
  }

  /** Makes the folders of a path (below the root) and returns the last one's id. */
  ensureFolder(path: string): string {
    let parentId = ROOT_ID;
    for (const name of path.split("/").filter(Boolean)) {
      const existing = this.childNamed(parentId, name);
      if (existing) {
        parentId = existing.id;
        continue;
      }
      const id = `F${String(this.nextId++).padStart(5, "0")}`;
      const at = "2026-01-01T00:00:00Z";
      this.items.set(
        id,
        this.newItem(id, name, parentId, true, new Uint8Array(0), {
          created: at,
          modified: at,
          by: "Sở Nội vụ",
        }),
      );
      parentId = id;
    }
    return parentId;
  }

  /** The bytes an upload leaves in the drive: as sent, or enriched by a SharePoint library. */
  private asStored(name: string, bytes: Uint8Array): Uint8Array {
    return this.enrichOfficeUploads && ENRICHED_EXTENSIONS.test(name)
      ? zipWithComment(bytes, "SharePoint properties")
      : bytes;
  }

  /** Puts a file at a path (replacing one of the same name: a new version, as an upload does). */
  putFile(
    path: string,
    bytes: Uint8Array,
    times: { created?: string; modified: string; by?: string },
  ): StoredItem {
    const parts = path.split("/").filter(Boolean);
    const name = parts.pop() as string;
    const parentId = this.ensureFolder(parts.join("/"));
    const existing = this.childNamed(parentId, name);
    if (existing) {
      existing.bytes = bytes;
      existing.lastModifiedDateTime = times.modified;
      existing.lastModifiedBy = times.by ?? existing.lastModifiedBy;
      existing.version += 1;
      existing.revision += 1;
      existing.history.push({
        id: `${existing.history.length + 1}.0`,
        bytes,
        lastModifiedDateTime: times.modified,
        lastModifiedBy: existing.lastModifiedBy,
      });
      existing.changedAt = this.sequence++;
      return existing;
    }
    const id = `I${String(this.nextId++).padStart(5, "0")}`;
    const item = this.newItem(id, name, parentId, false, bytes, {
      created: times.created ?? times.modified,
      modified: times.modified,
      by: times.by ?? "Cán bộ đơn vị",
    });
    this.items.set(id, item);
    return item;
  }

  /**
   * Someone edits a column of the library (or renames the file): the item's lastModifiedDateTime and
   * lastModifiedBy move to them and a version is added with the same bytes (sp-dev-docs#7443).
   */
  editMetadata(id: string, by: string, at: string): void {
    const item = this.items.get(id);
    if (!item) throw new Error(`no item ${id}`);
    item.lastModifiedBy = by;
    item.lastModifiedDateTime = at;
    item.revision += 1;
    item.history.push({
      id: `${item.history.length + 1}.0`,
      bytes: item.bytes,
      lastModifiedDateTime: at,
      lastModifiedBy: by,
    });
    item.changedAt = this.sequence++;
  }

  /** The history keeps only the newest `keep` versions (a library's version limit). */
  trimVersions(id: string, keep: number): void {
    const item = this.items.get(id);
    if (item) item.history = item.history.slice(-keep);
  }

  /** Renames or moves an item; delta returns the item alone, not what is below it (onedrive-api-docs#295). */
  moveItem(id: string, parentId: string, name?: string): void {
    const item = this.items.get(id);
    if (!item) throw new Error(`no item ${id}`);
    item.parentId = parentId;
    if (name) item.name = name;
    item.revision += 1;
    item.changedAt = this.sequence++;
  }

  /**
   * The bytes served for a file differ from its listed size and quickXorHash, eTag unchanged: SharePoint
   * writes its properties into Office files (rclone's OneDrive docs; onedrive-api-docs#935, #1066).
   */
  alterServedBytes(id: string, bytes: Uint8Array): void {
    this.alteredBytes.set(id, bytes);
  }

  /** A shortcut ("Add to My files") at a path of the user's drive, pointing at a shared folder. */
  addShortcut(path: string, targetId: string): StoredItem {
    const parts = path.split("/").filter(Boolean);
    const name = parts.pop() as string;
    const parentId = this.ensureFolder(parts.join("/"));
    const id = `S${String(this.nextId++).padStart(5, "0")}`;
    const at = "2026-01-01T00:00:00Z";
    const item: StoredItem = {
      ...this.newItem(id, name, parentId, false, new Uint8Array(0), {
        created: at,
        modified: at,
        by: "Sở Nội vụ",
      }),
      history: [],
      remoteId: targetId,
    };
    this.items.set(id, item);
    return item;
  }

  deleteItem(id: string): void {
    const item = this.items.get(id);
    if (!item) return;
    item.deleted = true;
    item.changedAt = this.sequence++;
  }

  findByPath(path: string): StoredItem | undefined {
    let current = this.items.get(ROOT_ID);
    for (const name of path.split("/").filter(Boolean)) {
      const parent: StoredItem | undefined = current;
      current = parent ? this.childNamed(parent.id, name) : undefined;
      if (!current) return undefined;
    }
    return current;
  }

  item(id: string): StoredItem | undefined {
    return this.items.get(id);
  }

  /** Files below a folder, with their paths relative to it. */
  filesUnder(folderId: string): { path: string; item: StoredItem }[] {
    const out: { path: string; item: StoredItem }[] = [];
    const walk = (id: string, prefix: string): void => {
      for (const item of this.items.values()) {
        if (item.parentId !== id || item.deleted) continue;
        if (item.folder) walk(item.id, `${prefix}${item.name}/`);
        else out.push({ path: `${prefix}${item.name}`, item });
      }
    };
    walk(folderId, "");
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /**
   * Registers a sharing link for an item. With `redeemed: false` (an organisation link the user has
   * not opened yet) the link and the items below it are refused until a request redeems it with
   * `Prefer: redeemSharingLink` (shares-get: "Prefer: redeemSharingLink … grants durable access").
   */
  share(url: string, itemId: string, options: { redeemed?: boolean } = {}): void {
    this.shares.set(`u!${toBase64Url(url)}`, { itemId, redeemed: options.redeemed ?? true });
  }

  /** Makes every delta token issued so far too old (the next delta call answers 410). */
  expireDeltaTokens(): void {
    // Tokens carry the sequence they were issued at; every one issued so far falls below this.
    this.sequence += 1;
    this.oldestDeltaSequence = this.sequence;
  }

  inject(on: Fault["on"], fault: FaultKind, times = 1): void {
    this.faults.push({ on, fault, times });
  }

  // ---- serving ----

  private json(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      "request-id": randomUUID(),
      ...CORS_HEADERS,
      ...headers,
    });
    response.end(text);
  }

  private error(response: ServerResponse, status: number, code: string, message: string, headers = {}): void {
    this.json(
      response,
      status,
      { error: { code, message, innerError: { "request-id": randomUUID() } } },
      headers,
    );
  }

  private takeFault(request: RecordedRequest): FaultKind | null {
    for (const fault of this.faults) {
      if (fault.times <= 0) continue;
      const hits = typeof fault.on === "function" ? fault.on(request) : fault.on === request.kind;
      if (!hits) continue;
      fault.times -= 1;
      return fault.fault;
    }
    return null;
  }

  private path(item: StoredItem): string {
    const names: string[] = [];
    let current: StoredItem | undefined = item;
    while (current && current.parentId !== null) {
      names.unshift(current.name);
      current = this.items.get(current.parentId);
    }
    return `/drive/root:${names.length > 1 ? `/${names.slice(0, -1).join("/")}` : ""}`;
  }

  private downloadUrl(item: StoredItem, versionId?: string): string {
    return `${this.origin}/download/${item.id}?v=${item.version}${versionId ? `&version=${encodeURIComponent(versionId)}` : ""}&tempauth=${randomUUID()}`;
  }

  /** "Name <e-mail>" gives both; a bare name gets a made-up address. */
  private identity(name: string): Record<string, unknown> {
    const given = /^(.*?)\s*<([^>]+)>$/.exec(name);
    if (given) return { user: { displayName: given[1], email: given[2] } };
    return { user: { displayName: name, email: `${toBase64Url(name).slice(0, 8)}@hatinh.gov.vn` } };
  }

  /** A driveItem as the service shows it, with only the selected properties when $select is given. */
  private render(
    item: StoredItem,
    select: readonly string[] | null,
    options: { delta?: boolean } = {},
  ): Record<string, unknown> {
    const target = item.remoteId ? this.items.get(item.remoteId) : undefined;
    const full: Record<string, unknown> = {
      id: item.id,
      name: item.name,
      eTag: `"{${item.id}},${item.revision}"`,
      // Business delta items carry no cTag (driveitem-delta; onedrive-api-docs#295 thread).
      ...(item.folder || options.delta ? {} : { cTag: `"c:{${item.id}},${item.version}"` }),
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.lastModifiedDateTime,
      size: item.folder ? 0 : item.bytes.byteLength,
      webUrl: `https://contoso.sharepoint.com/sites/snv/Shared%20Documents/${encodeURIComponent(item.name)}`,
      lastModifiedBy: this.identity(item.lastModifiedBy),
      createdBy: this.identity(item.createdBy),
      // Set by the sending client: a stale edit time that must never be taken as the upload time.
      fileSystemInfo: {
        createdDateTime: "2020-01-01T00:00:00Z",
        lastModifiedDateTime: "2020-01-01T00:00:00Z",
      },
      parentReference:
        item.parentId === null
          ? { driveId: TEST_DRIVE_ID, driveType: "business" }
          : {
              driveId: TEST_DRIVE_ID,
              driveType: "business",
              id: item.parentId,
              path: this.path(item),
            },
      ...(item.parentId === null ? { root: {} } : {}),
      ...(target
        ? {
            // A shortcut is neither a folder nor a file: the folder is on the other side of remoteItem.
            remoteItem: {
              id: target.id,
              name: target.name,
              folder: { childCount: this.childrenOf(target.id).length },
              parentReference: { driveId: TEST_DRIVE_ID, driveType: "business" },
            },
          }
        : item.folder
          ? { folder: { childCount: this.childrenOf(item.id).length } }
          : {
              file: {
                mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                hashes: { quickXorHash: this.hashOf(item) },
              },
            }),
      ...(item.deleted ? { deleted: { state: "deleted" } } : {}),
    };
    if (
      !item.folder &&
      !target &&
      !item.deleted &&
      !this.omitDownloadUrls &&
      (select === null || select.includes("content.downloadUrl"))
    )
      full["@microsoft.graph.downloadUrl"] = this.downloadUrl(item);
    if (select === null) return full;
    const picked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(full))
      if (select.includes(key) || key === "@microsoft.graph.downloadUrl" || key === "id") picked[key] = value;
    return picked;
  }

  private childrenOf(folderId: string): StoredItem[] {
    return [...this.items.values()].filter((child) => child.parentId === folderId && !child.deleted);
  }

  private hashOf(item: StoredItem): string {
    const key = `${item.id}\u0000${item.version}`;
    let hash = this.hashes.get(key);
    if (hash === undefined) {
      hash = quickXorHash(item.bytes);
      this.hashes.set(key, hash);
    }
    return hash;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.origin);
    const kind: RecordedRequest["kind"] = url.pathname.startsWith(`/${VERSION}/`)
      ? "api"
      : url.pathname.startsWith("/download/")
        ? "download"
        : url.pathname.startsWith("/upload/")
          ? "upload"
          : "other";
    // Every Authorization value that came, whether as repeated headers or joined with commas.
    const rawAuthorizations: string[] = [];
    for (let index = 0; index < request.rawHeaders.length; index += 2)
      if (request.rawHeaders[index]?.toLowerCase() === "authorization")
        rawAuthorizations.push(...(request.rawHeaders[index + 1] ?? "").split(","));
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      url: request.url ?? "/",
      kind,
      authorization:
        rawAuthorizations.length > 0 ? rawAuthorizations.map((value) => value.trim()).join(", ") : null,
      authorizationCount: rawAuthorizations.length,
    };
    this.requests.push(recorded);
    const arrivedAt = Date.now();
    if (request.method === "OPTIONS") {
      // A preflight is a round trip like any other: the link's latency applies to it too.
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      return this.servePreflight(request, response);
    }
    if (kind === "download") {
      this.downloadsInFlight += 1;
      this.maxDownloadsInFlight = Math.max(this.maxDownloadsInFlight, this.downloadsInFlight);
      response.once("close", () => {
        this.downloadsInFlight -= 1;
      });
    }
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => resolve(Buffer.concat(chunks)));
      request.on("error", () => resolve(Buffer.concat(chunks)));
    });
    const delayMs = this.latencyMs + (body.byteLength / this.bandwidthBytesPerSecond) * 1000;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (this.throttleEvery > 0) {
      // A request sent while a Retry-After runs: Microsoft asks clients to pause every request
      // ("Throttling guidance": https://learn.microsoft.com/en-us/graph/throttling#best-practices-to-handle-throttling).
      // Requests already on their way when the 429 went out are not the client's fault: a grace of 250 ms.
      if (arrivedAt > this.throttledAt + 250 && arrivedAt < this.pausedUntil - 100)
        this.requestsDuringPause += 1;
      if (this.requests.length % this.throttleEvery === 0) {
        this.throttled += 1;
        this.throttledAt = Date.now();
        this.pausedUntil = this.throttledAt + Number(this.throttleRetryAfter) * 1000;
        return this.error(response, 429, "TooManyRequests", "Too many requests (storm)", {
          "retry-after": this.throttleRetryAfter,
        });
      }
    }
    const fault = this.takeFault(recorded);
    if (fault?.kind === "status") {
      const headers: Record<string, string> = fault.retryAfter ? { "retry-after": fault.retryAfter } : {};
      // The codes Graph gives with these statuses: https://learn.microsoft.com/en-us/graph/errors
      const code =
        fault.status === 429
          ? "TooManyRequests"
          : fault.status === 403
            ? "accessDenied"
            : fault.status === 504
              ? "gatewayTimeout"
              : fault.status === 503
                ? "serviceNotAvailable"
                : "generalException";
      // A 504 on sendMail: the gateway gave up, the service may still send (sendMail is asynchronous).
      if (fault.status === 504 && kind === "api") this.serveApiQuietly(url, request, body, recorded);
      this.error(response, fault.status, code, "injected", headers);
      return;
    }
    if (fault?.kind === "reset") {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === "reset-after-effect") {
      if (kind === "upload") this.storeUploadChunk(url, request, body);
      else if (kind === "api") this.serveApiQuietly(url, request, body, recorded);
      request.socket.destroy();
      return;
    }
    if (kind === "download") return this.serveDownload(url, request, response, fault);
    if (kind === "upload") return this.serveUpload(url, request, body, response);
    if (kind !== "api") return this.error(response, 404, "itemNotFound", "no such resource");

    // Exactly one "Bearer <token>", the token one the server issued (DOCS.auth). Graph answers a doubled
    // header ("Bearer X, Bearer X") with 401 InvalidAuthenticationToken.
    if (rawAuthorizations.length === 0)
      return this.error(response, 401, "InvalidAuthenticationToken", "Access token is empty.");
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(rawAuthorizations[0]?.trim() ?? "");
    if (rawAuthorizations.length !== 1 || !match)
      return this.error(response, 401, "InvalidAuthenticationToken", "IDX14100: JWT is not well formed.");
    const token = match[1] as string;
    if (!this.issuedTokens.has(token))
      return this.error(response, 401, "InvalidAuthenticationToken", "Access token validation failure.");
    if (fault?.kind === "expired-token") this.expiredTokens.add(token);
    if (this.expiredTokens.has(token))
      return this.error(
        response,
        401,
        "InvalidAuthenticationToken",
        "Lifetime validation failed, the token is expired.",
      );
    return this.serveApi(url, request, body, response);
  }

  /** Carries out an API request whose answer is lost (a 504 or a dropped connection after the effect). */
  private serveApiQuietly(url: URL, request: IncomingMessage, body: Buffer, recorded: RecordedRequest): void {
    const path = decodeURIComponent(url.pathname.slice(VERSION.length + 1));
    const match = /^\/users\/([^/]+)\/sendMail$/.exec(path);
    if (recorded.method === "POST" && match)
      this.sentMail.push({ sender: match[1] as string, body: JSON.parse(body.toString("utf8") || "null") });
    const put = PUT_CONTENT.exec(path);
    if (recorded.method === "PUT" && put) this.storeSimpleUpload(url, put, body);
    void request;
  }

  /** Bytes the drive holds, every kept version counted (what its quota is measured against). */
  usedBytes(): number {
    let used = 0;
    for (const item of this.items.values())
      if (!item.deleted) for (const version of item.history) used += version.bytes.byteLength;
    return used;
  }

  /** Whether `bytes` more would pass the quota (507 insufficientStorage / quotaLimitReached, DOCS.errors). */
  private overQuota(bytes: number): boolean {
    return this.usedBytes() + bytes > this.quotaBytes;
  }

  /**
   * A simple upload, PUT /drives/{d}/items/{parent}:/{name}:/content (DOCS.put): what to answer. The
   * conflictBehavior comes in the URL (driveItem resource notes: "included in the URL instead of the
   * body", https://learn.microsoft.com/en-us/graph/api/resources/driveitem).
   */
  private storeSimpleUpload(
    url: URL,
    match: RegExpExecArray,
    body: Buffer,
  ): { status: number; code?: string; message?: string; item?: StoredItem } {
    const parent = this.items.get(match[2] as string);
    if (!parent?.folder || parent.deleted)
      return { status: 404, code: "itemNotFound", message: "No such folder." };
    // conflictBehavior=fail: an existing name answers 409 nameAlreadyExists, nothing stored (DOCS.put).
    if (
      url.searchParams.get("@microsoft.graph.conflictBehavior") === "fail" &&
      this.childNamed(parent.id, match[3] as string)
    )
      return { status: 409, code: "nameAlreadyExists", message: "The specified item name already exists." };
    if (this.overQuota(body.byteLength))
      return { status: 507, code: "quotaLimitReached", message: "Insufficient Space Available" };
    const item = this.putFile(
      `${this.relativePath(parent)}/${match[3] as string}`,
      this.asStored(match[3] as string, new Uint8Array(body)),
      { modified: new Date().toISOString(), by: "thidua" },
    );
    return { status: item.version === 1 ? 201 : 200, item };
  }

  /** CORS as Graph sends it (the add-in calls Graph from a page): any origin, the headers it needs (DOCS.cors). */
  private servePreflight(request: IncomingMessage, response: ServerResponse): void {
    const origin = request.headers.origin;
    const method = request.headers["access-control-request-method"];
    if (!origin || !method) {
      response.writeHead(400, { "content-length": 0 });
      response.end();
      return;
    }
    response.writeHead(200, {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
      "access-control-allow-headers": String(request.headers["access-control-request-headers"] ?? ""),
      "access-control-max-age": "3600",
      "content-length": 0,
    });
    response.end();
  }

  private serveDownload(
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
    fault: FaultKind | null,
  ): void {
    // Pre-authenticated: a token sent along is refused (DOCS.download).
    if (request.headers.authorization) {
      this.authorizationOnDownloads += 1;
      return this.error(
        response,
        401,
        "unauthenticated",
        "Pre-authenticated URLs take no Authorization header.",
      );
    }
    const id = url.pathname.slice("/download/".length);
    const item = this.items.get(id);
    if (fault?.kind === "gone" && item) this.deleteItem(item.id);
    if (!item || item.deleted)
      return this.error(response, 404, "itemNotFound", "The resource could not be found.");
    if (fault?.kind === "expired-download-url")
      return this.error(response, 401, "unauthenticated", "The tempauth token has expired.");
    const versionId = url.searchParams.get("version");
    let bytes: Buffer;
    if (versionId !== null) {
      const version = item.history.find((candidate) => candidate.id === versionId);
      if (!version) return this.error(response, 404, "itemNotFound", "No such version.");
      bytes = Buffer.from(version.bytes);
    } else {
      if (Number(url.searchParams.get("v")) !== item.version)
        return this.error(response, 410, "resourceModified", "The file changed since this URL was issued.");
      bytes = Buffer.from(this.alteredBytes.get(item.id) ?? item.bytes);
    }
    response.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": bytes.byteLength,
      ...CORS_HEADERS,
    });
    if (fault?.kind === "truncate") {
      // Headers promise the whole file; half of it comes, then the connection drops.
      response.write(bytes.subarray(0, Math.floor(bytes.byteLength / 2)), () => request.socket.destroy());
      return;
    }
    response.end(bytes);
  }

  /** The share behind /shares/{id}, redeemed when the request asks to (shares-get, DOCS.shares). */
  private shareItem(shareId: string, request: IncomingMessage): StoredItem | "locked" | null {
    const share = this.shares.get(shareId);
    if (!share) return null;
    const prefer = String(request.headers.prefer ?? "");
    if (!share.redeemed && /redeemSharingLink/i.test(prefer)) share.redeemed = true;
    if (!share.redeemed) return "locked";
    const item = this.items.get(share.itemId);
    return item && !item.deleted ? item : null;
  }

  /** An item below a share the user has not redeemed is not theirs to read yet (403 accessDenied). */
  private locked(item: StoredItem): boolean {
    const lockedRoots = new Set(
      [...this.shares.values()].filter((share) => !share.redeemed).map((share) => share.itemId),
    );
    if (lockedRoots.size === 0) return false;
    for (let current: StoredItem | undefined = item; current;) {
      if (lockedRoots.has(current.id)) return true;
      current = current.parentId === null ? undefined : this.items.get(current.parentId);
    }
    return false;
  }

  private serveApi(url: URL, request: IncomingMessage, body: Buffer, response: ServerResponse): void {
    const method = request.method ?? "GET";
    const path = decodeURIComponent(url.pathname.slice(VERSION.length + 1));
    const select = url.searchParams.get("$select")?.split(",") ?? null;
    let match: RegExpExecArray | null;
    const notFound = (): void =>
      this.error(response, 404, "itemNotFound", "The resource could not be found.");
    const denied = (): void =>
      this.error(response, 403, "accessDenied", "The caller does not have permission (link not redeemed).");
    const byId = (id: string): StoredItem | "denied" | null => {
      const item = this.items.get(id);
      if (!item || item.deleted) return null;
      return this.locked(item) ? "denied" : item;
    };

    if (method === "POST" && (match = /^\/users\/([^/]+)\/sendMail$/.exec(path))) {
      this.sentMail.push({ sender: match[1] as string, body: JSON.parse(body.toString("utf8") || "null") });
      response.writeHead(202, { "content-length": 0, ...CORS_HEADERS });
      response.end();
      return;
    }
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/root\/delta$/.exec(path)))
      return this.serveDelta(url, select, response);
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/items\/([^/]+)\/children$/.exec(path))) {
      const folder = byId(match[2] as string);
      if (folder === "denied") return denied();
      return this.serveChildren(url, match[2] as string, select, response);
    }
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/items\/([^/]+)\/versions$/.exec(path))) {
      const item = byId(match[2] as string);
      if (item === "denied") return denied();
      if (!item || item.folder) return notFound();
      // Newest first, as the service lists them (DOCS.versions).
      return this.json(response, 200, {
        value: [...item.history].reverse().map((version) => ({
          id: version.id,
          lastModifiedDateTime: version.lastModifiedDateTime,
          lastModifiedBy: this.identity(version.lastModifiedBy),
          size: version.bytes.byteLength,
        })),
      });
    }
    if (
      method === "GET" &&
      (match = /^\/drives\/([^/]+)\/items\/([^/]+)\/versions\/([^/]+)\/content$/.exec(path))
    ) {
      const item = byId(match[2] as string);
      if (item === "denied") return denied();
      if (!item || !item.history.some((version) => version.id === match?.[3])) return notFound();
      // "returns a 302 Found response redirecting to a preauthenticated download URL" (driveitemversion-get-contents).
      response.writeHead(302, { location: this.downloadUrl(item, match[3] as string), "content-length": 0 });
      response.end();
      return;
    }
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/items\/([^/]+)\/content$/.exec(path))) {
      const item = byId(match[2] as string);
      if (item === "denied") return denied();
      if (!item || item.folder) return notFound();
      // "Returns a 302 Found response redirecting to a preauthenticated download URL" (DOCS.download).
      response.writeHead(302, { location: this.downloadUrl(item), "content-length": 0 });
      response.end();
      return;
    }
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/items\/([^/:]+):\/(.+?):?$/.exec(path))) {
      // Path relative to an item: /drives/{d}/items/{id}:/a/b (DOCS.addressing).
      const base = byId(match[2] as string);
      if (base === "denied") return denied();
      if (!base?.folder) return notFound();
      let item: StoredItem | undefined = base;
      for (const name of (match[3] as string).split("/").filter(Boolean))
        item = item ? this.childNamed(item.id, name) : undefined;
      if (!item) return notFound();
      return this.json(response, 200, this.render(item, select));
    }
    if (method === "POST" && (match = /^\/drives\/([^/]+)\/items\/([^/:]+)\/children$/.exec(path))) {
      // A new folder: {"name", "folder": {}, "@microsoft.graph.conflictBehavior"} (DOCS.children).
      const parent = byId(match[2] as string);
      if (parent === "denied") return denied();
      if (!parent?.folder) return notFound();
      const asked = JSON.parse(body.toString("utf8") || "{}") as {
        name?: unknown;
        folder?: unknown;
        "@microsoft.graph.conflictBehavior"?: string;
      };
      if (typeof asked.name !== "string" || asked.name === "" || asked.folder === undefined)
        return this.error(response, 400, "invalidRequest", "A name and a folder facet are required.");
      const existing = this.childNamed(parent.id, asked.name);
      // The default conflictBehavior of this call is fail (DOCS.children).
      if (existing && (asked["@microsoft.graph.conflictBehavior"] ?? "fail") === "fail")
        return this.error(response, 409, "nameAlreadyExists", "The specified item name already exists.");
      if (existing) return this.json(response, 200, this.render(existing, null));
      const id = this.ensureFolder(`${this.relativePath(parent)}/${asked.name}`);
      return this.json(response, 201, this.render(this.items.get(id) as StoredItem, null));
    }
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/items\/([^/:]+)$/.exec(path))) {
      const item = byId(match[2] as string);
      if (item === "denied") return denied();
      if (!item) return notFound();
      return this.json(response, 200, this.render(item, select));
    }
    if (method === "GET" && path === "/me/drive/root")
      return this.json(response, 200, this.render(this.items.get(ROOT_ID) as StoredItem, select));
    if (method === "GET" && (match = /^\/me\/drive\/root:(.*?):?$/.exec(path))) {
      const item = this.findByPath(match[1] as string);
      if (!item) return notFound();
      return this.json(response, 200, this.render(item, select));
    }
    if (method === "GET" && (match = /^\/shares\/([^/]+)\/driveItem$/.exec(path))) {
      const item = this.shareItem(match[1] as string, request);
      if (item === "locked") return denied();
      if (!item) return this.error(response, 404, "itemNotFound", "The sharing link is not valid.");
      return this.json(response, 200, this.render(item, select));
    }
    if (method === "PUT" && (match = PUT_CONTENT.exec(path))) {
      const stored = this.storeSimpleUpload(url, match, body);
      if (stored.code) return this.error(response, stored.status, stored.code, stored.message ?? "");
      return this.json(response, stored.status, this.render(stored.item as StoredItem, null));
    }
    if (
      method === "POST" &&
      (match = /^\/drives\/([^/]+)\/items\/([^/:]+):\/(.+):\/createUploadSession$/.exec(path))
    ) {
      const parent = this.items.get(match[2] as string);
      if (!parent?.folder || parent.deleted)
        return this.error(response, 404, "itemNotFound", "No such folder.");
      // conflictBehavior "fail" in the session's item: refused when the name exists (DOCS.upload). The
      // request body's item lists it as "fail (default) | replace | rename": absent means fail.
      // Refusing here is the stricter reading; the name is checked again at the last fragment.
      const asked = JSON.parse(body.toString("utf8") || "{}") as {
        item?: { "@microsoft.graph.conflictBehavior"?: string; fileSize?: number };
      };
      const conflict = asked.item?.["@microsoft.graph.conflictBehavior"] ?? "fail";
      if (conflict === "fail" && this.childNamed(parent.id, match[3] as string))
        return this.error(response, 409, "nameAlreadyExists", "The specified item name already exists.");
      // "If the fileSize parameter is specified and exceeds the available quota, a 507 Insufficient
      // Storage response will be returned and the upload session will not be created" (DOCS.upload).
      if (typeof asked.item?.fileSize === "number" && this.overQuota(asked.item.fileSize))
        return this.error(response, 507, "quotaLimitReached", "Insufficient Space Available");
      const id = randomUUID();
      this.sessions.set(id, {
        parentId: parent.id,
        name: match[3] as string,
        size: -1,
        received: [],
        next: 0,
        conflict,
      });
      return this.json(response, 200, {
        uploadUrl: `${this.origin}/upload/${id}`,
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
        nextExpectedRanges: ["0-"],
      });
    }
    return this.error(response, 400, "invalidRequest", `not served by the test server: ${method} ${path}`);
  }

  private relativePath(folder: StoredItem): string {
    const names: string[] = [];
    let current: StoredItem | undefined = folder;
    while (current && current.parentId !== null) {
      names.unshift(current.name);
      current = this.items.get(current.parentId);
    }
    return names.join("/");
  }

  /** Chunk sizes the client sent to upload sessions, for the 320 KiB-multiple check. */
  readonly uploadChunks: number[] = [];

  /** Ends an upload session (expired or cancelled): its URL answers 404 from now on. */
  dropUploadSessions(): void {
    this.sessions.clear();
  }

  /** Stores a fragment; returns what to answer. */
  private storeUploadChunk(
    url: URL,
    request: IncomingMessage,
    body: Buffer,
  ): { status: number; code?: string; message?: string; item?: StoredItem; next?: number } {
    const session = this.sessions.get(url.pathname.slice("/upload/".length));
    // An expired or unknown session (DOCS.upload: "404 Not Found … the upload session no longer exists").
    if (!session) return { status: 404, code: "itemNotFound", message: "No such upload session." };
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(request.headers["content-range"] ?? ""));
    // A fragment the server already has, or one that skips ahead: 416 (DOCS.upload, "Handle upload errors").
    if (
      !range ||
      Number(range[1]) !== session.next ||
      Number(range[2]) - Number(range[1]) + 1 !== body.byteLength
    )
      return {
        status: 416,
        code: "invalidRange",
        message: "Content-Range does not follow the last fragment.",
      };
    // Without fileSize at creation the quota is met by the fragments: the first one that declares a
    // total the drive cannot hold is refused (DOCS.errors, 507); nothing of it is kept.
    if (this.overQuota(Number(range[3])))
      return { status: 507, code: "quotaLimitReached", message: "Insufficient Space Available" };
    this.uploadChunks.push(body.byteLength);
    session.received.push(body);
    session.size = Number(range[3]);
    session.next = Number(range[2]) + 1;
    if (session.next < session.size) return { status: 202, next: session.next };
    const parent = this.items.get(session.parentId) as StoredItem;
    // DOCS.upload, "Handling upload conflicts": "If a conflict occurs after the file is uploaded (for
    // example, an item with the same name was created during the upload session), an error is returned
    // when the last byte range is uploaded" (409 nameAlreadyExists); "Handle upload errors": the session
    // is preserved until it expires, so it stays, with its bytes, and nothing is written.
    if (session.conflict === "fail" && this.childNamed(parent.id, session.name))
      return {
        status: 409,
        code: "nameAlreadyExists",
        message: "Another file exists with the same name as the uploaded session.",
      };
    this.sessions.delete(url.pathname.slice("/upload/".length));
    const item = this.putFile(
      `${this.relativePath(parent)}/${session.name}`,
      this.asStored(session.name, new Uint8Array(Buffer.concat(session.received))),
      { modified: new Date().toISOString(), by: "thidua" },
    );
    return { status: item.version === 1 ? 201 : 200, item };
  }

  private serveUpload(url: URL, request: IncomingMessage, body: Buffer, response: ServerResponse): void {
    // "Don't include the Authorization header … might result in an HTTP 401 Unauthorized" (DOCS.upload).
    if (request.headers.authorization) {
      this.authorizationOnDownloads += 1;
      return this.error(response, 401, "unauthenticated", "The upload URL takes no Authorization header.");
    }
    if (request.method === "GET") {
      const session = this.sessions.get(url.pathname.slice("/upload/".length));
      if (!session) return this.error(response, 404, "itemNotFound", "No such upload session.");
      return this.json(response, 200, {
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
        nextExpectedRanges: [`${session.next}-`],
      });
    }
    const stored = this.storeUploadChunk(url, request, body);
    if (stored.code) return this.error(response, stored.status, stored.code, stored.message ?? "");
    if (stored.item) return this.json(response, stored.status, this.render(stored.item, null));
    return this.json(response, 202, { nextExpectedRanges: [`${stored.next ?? 0}-`] });
  }

  private serveChildren(
    url: URL,
    folderId: string,
    select: readonly string[] | null,
    response: ServerResponse,
  ): void {
    const folder = this.items.get(folderId);
    if (!folder || folder.deleted || !folder.folder)
      return this.error(response, 404, "itemNotFound", "The resource could not be found.");
    const top = Math.min(Number(url.searchParams.get("$top") ?? this.defaultPageSize), this.maxPageSize);
    const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
    const children = this.childrenOf(folderId).sort((a, b) => (a.id < b.id ? -1 : 1));
    const looping = this.loopingFolders.get(folderId);
    if (looping === "midway" && skip > 0)
      // An empty page whose next link is itself: the client must notice it is going round.
      return this.json(response, 200, { value: [], "@odata.nextLink": url.toString() });
    if (looping === "after-all" && skip + top >= children.length) {
      const same = new URL(url.toString());
      same.searchParams.set("$skiptoken", String(children.length));
      return this.json(response, 200, {
        value: children.slice(skip, skip + top).map((item) => this.render(item, select)),
        "@odata.nextLink": same.toString(),
      });
    }
    const page = children.slice(skip, skip + top);
    const next = new URL(url.toString());
    next.searchParams.set("$skiptoken", String(skip + top));
    this.json(response, 200, {
      "@odata.context": `${this.endpoint}/$metadata#Collection(driveItem)`,
      value: page.map((item) => this.render(item, select)),
      ...(skip + top < children.length ? { "@odata.nextLink": next.toString() } : {}),
    });
  }

  private serveDelta(url: URL, select: readonly string[] | null, response: ServerResponse): void {
    const token = url.searchParams.get("token");
    // Like the service's, the links keep the query's $select.
    const deltaLink = (mark: DeltaMark): string =>
      `${this.endpoint}/drives/${TEST_DRIVE_ID}/root/delta?token=${mark.sequence}${select ? `&$select=${select.join(",")}` : ""}`;
    if (token === "latest")
      return this.json(response, 200, {
        value: [],
        "@odata.deltaLink": deltaLink({ sequence: this.sequence }),
      });
    const since = token === null ? 0 : Number(token);
    if (token !== null && since < this.oldestDeltaSequence)
      return this.error(response, 410, "resyncRequired", "The delta token is no longer valid; resync.", {
        location: `${this.endpoint}/drives/${TEST_DRIVE_ID}/root/delta`,
      });
    const top = this.deltaPageSize;
    const skip = Number(url.searchParams.get("skip") ?? 0);
    // On OneDrive for Business a changed item comes *before* its ancestor folders
    // (onedrive-api-docs#295): deepest first here, across pages. A moved or renamed folder comes
    // alone, without its descendants (DOCS.delta, "Remarks").
    const changed = [...this.items.values()]
      .filter((item) => item.changedAt >= since && item.parentId !== null)
      .sort((a, b) => this.depth(b) - this.depth(a) || a.changedAt - b.changedAt);
    const page = changed.slice(skip, skip + top);
    const next = new URL(url.toString());
    next.searchParams.set("skip", String(skip + top));
    this.json(response, 200, {
      value: page.map((item) => this.render(item, select, { delta: true })),
      ...(skip + top < changed.length
        ? { "@odata.nextLink": next.toString() }
        : { "@odata.deltaLink": deltaLink({ sequence: this.sequence }) }),
    });
  }

  private depth(item: StoredItem): number {
    let depth = 0;
    let current: StoredItem | undefined = item;
    while (current?.parentId) {
      depth += 1;
      current = this.items.get(current.parentId);
    }
    return depth;
  }

  /** SHA-256 of a stored file, for checks that what was uploaded is what was written. */
  sha256Of(path: string): string | null {
    const item = this.findByPath(path);
    return item ? createHash("sha256").update(item.bytes).digest("hex") : null;
  }
}
