import { generate } from "selfsigned";
import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:https";
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
  version: number;
  deleted: boolean;
  /** Sequence number of the last change (for delta). */
  changedAt: number;
}

export type FaultKind =
  | { readonly kind: "status"; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: "reset" }
  | { readonly kind: "truncate" }
  | { readonly kind: "gone" }
  | { readonly kind: "expired-token" }
  | { readonly kind: "expired-download-url" };

export interface Fault {
  /** Which requests it hits: "api" (Graph calls), "download", or a predicate on the path. */
  readonly on: "api" | "download" | ((request: RecordedRequest) => boolean);
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
}

export const TEST_DRIVE_ID = "b!testdrive";
const ROOT_ID = "root";
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

export class GraphTestServer {
  readonly requests: RecordedRequest[] = [];
  readonly sentMail: { readonly sender: string; readonly body: unknown }[] = [];
  readonly faults: Fault[] = [];
  latencyMs = 0;
  /** Children page size when the client gives no $top (the service's default is 200). */
  defaultPageSize = 200;
  /** The most children a page holds whatever $top asks (the service may return fewer than asked). */
  maxPageSize = 1000;
  /** Folder ids whose children paging sends back the same nextLink forever (a known service fault). */
  readonly loopingFolders = new Map<string, "after-all" | "midway">();
  /** Changes older than this sequence number answer 410 resyncRequired. */
  oldestDeltaSequence = 0;
  /** Tokens the server has declared expired (401 InvalidAuthenticationToken). */
  readonly expiredTokens = new Set<string>();
  /** Downloads being served at once, and the most seen (the client's concurrency as the server sees it). */
  downloadsInFlight = 0;
  maxDownloadsInFlight = 0;
  /** Requests to a pre-authenticated URL that carried an Authorization header (must stay 0). */
  authorizationOnDownloads = 0;
  private readonly items = new Map<string, StoredItem>();
  private readonly shares = new Map<string, string>();
  private readonly sessions = new Map<
    string,
    { parentId: string; name: string; size: number; received: Buffer[]; next: number }
  >();
  private readonly sockets = new Set<Socket>();
  /** QuickXorHash by item id and version: the server hashes each version once. */
  private readonly hashes = new Map<string, string>();
  private sequence = 1;
  private nextId = 1;
  private server: Server | null = null;
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
      version: 1,
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

  async start(): Promise<this> {
    this.certificate ??= await makeCertificate();
    const server = createServer(this.certificate, (request, response) => {
      void this.handle(request, response);
    });
    server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  count(kind?: RecordedRequest["kind"]): number {
    return kind ? this.requests.filter((request) => request.kind === kind).length : this.requests.length;
  }

  resetCounts(): void {
    this.requests.length = 0;
    this.maxDownloadsInFlight = 0;
  }

  // ---- the drive's content ----

  /** Makes the folders of a path (below the root) and returns the last one's id. */
  ensureFolder(path: string): string {
    let parentId = ROOT_ID;
    for (const name of path.split("/").filter(Boolean)) {
      const existing = [...this.items.values()].find(
        (item) => item.parentId === parentId && item.name === name && !item.deleted,
      );
      if (existing) {
        parentId = existing.id;
        continue;
      }
      const id = `F${String(this.nextId++).padStart(5, "0")}`;
      this.items.set(id, {
        id,
        name,
        parentId,
        folder: true,
        bytes: new Uint8Array(0),
        createdDateTime: "2026-01-01T00:00:00Z",
        lastModifiedDateTime: "2026-01-01T00:00:00Z",
        lastModifiedBy: "Sở Nội vụ",
        version: 1,
        deleted: false,
        changedAt: this.sequence++,
      });
      parentId = id;
    }
    return parentId;
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
    const existing = [...this.items.values()].find(
      (item) => item.parentId === parentId && item.name === name && !item.deleted,
    );
    if (existing) {
      existing.bytes = bytes;
      existing.lastModifiedDateTime = times.modified;
      existing.lastModifiedBy = times.by ?? existing.lastModifiedBy;
      existing.version += 1;
      existing.changedAt = this.sequence++;
      return existing;
    }
    const id = `I${String(this.nextId++).padStart(5, "0")}`;
    const item: StoredItem = {
      id,
      name,
      parentId,
      folder: false,
      bytes,
      createdDateTime: times.created ?? times.modified,
      lastModifiedDateTime: times.modified,
      lastModifiedBy: times.by ?? "Cán bộ đơn vị",
      version: 1,
      deleted: false,
      changedAt: this.sequence++,
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
      current = [...this.items.values()].find(
        (item) => item.parentId === current?.id && item.name === name && !item.deleted,
      );
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

  /** Registers a sharing link for an item; the client resolves it through /shares/u!…/driveItem. */
  share(url: string, itemId: string): void {
    this.shares.set(`u!${toBase64Url(url)}`, itemId);
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

  private downloadUrl(item: StoredItem): string {
    return `${this.origin}/download/${item.id}?v=${item.version}&tempauth=${randomUUID()}`;
  }

  /** A driveItem as the service shows it, with only the selected properties when $select is given. */
  private render(item: StoredItem, select: readonly string[] | null): Record<string, unknown> {
    const full: Record<string, unknown> = {
      id: item.id,
      name: item.name,
      eTag: `"{${item.id}},${item.version}"`,
      cTag: `"c:{${item.id}},${item.version}"`,
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.lastModifiedDateTime,
      size: item.folder ? 0 : item.bytes.byteLength,
      webUrl: `https://contoso.sharepoint.com/sites/snv/Shared%20Documents/${encodeURIComponent(item.name)}`,
      lastModifiedBy: {
        user: {
          displayName: item.lastModifiedBy,
          email: `${toBase64Url(item.lastModifiedBy).slice(0, 8)}@hatinh.gov.vn`,
        },
      },
      createdBy: { user: { displayName: item.lastModifiedBy } },
      // Set by the sending client: a stale edit time that must never be taken as the upload time.
      fileSystemInfo: {
        createdDateTime: "2020-01-01T00:00:00Z",
        lastModifiedDateTime: "2020-01-01T00:00:00Z",
      },
      parentReference:
        item.parentId === null
          ? { driveId: TEST_DRIVE_ID, driveType: "documentLibrary" }
          : {
              driveId: TEST_DRIVE_ID,
              driveType: "documentLibrary",
              id: item.parentId,
              path: this.path(item),
            },
      ...(item.parentId === null ? { root: {} } : {}),
      ...(item.folder
        ? {
            folder: {
              childCount: [...this.items.values()].filter(
                (child) => child.parentId === item.id && !child.deleted,
              ).length,
            },
          }
        : {
            file: {
              mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              hashes: { quickXorHash: this.hashOf(item) },
            },
          }),
      ...(item.deleted ? { deleted: { state: "deleted" } } : {}),
    };
    if (!item.folder && !item.deleted && (select === null || select.includes("content.downloadUrl")))
      full["@microsoft.graph.downloadUrl"] = this.downloadUrl(item);
    if (select === null) return full;
    const picked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(full))
      if (select.includes(key) || key === "@microsoft.graph.downloadUrl" || key === "id") picked[key] = value;
    return picked;
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
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      url: request.url ?? "/",
      kind,
      authorization: (request.headers.authorization as string | undefined) ?? null,
    };
    this.requests.push(recorded);
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
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const fault = this.takeFault(recorded);
    if (fault?.kind === "status") {
      const headers: Record<string, string> = fault.retryAfter ? { "retry-after": fault.retryAfter } : {};
      this.error(
        response,
        fault.status,
        // The codes Graph gives with these statuses: https://learn.microsoft.com/en-us/graph/errors
        fault.status === 429
          ? "TooManyRequests"
          : fault.status === 403
            ? "accessDenied"
            : "serviceNotAvailable",
        "injected",
        headers,
      );
      return;
    }
    if (fault?.kind === "reset") {
      request.socket.destroy();
      return;
    }
    if (kind === "download") return this.serveDownload(url, request, response, fault);
    if (kind === "upload") return this.serveUploadChunk(url, request, body, response);
    if (kind !== "api") return this.error(response, 404, "itemNotFound", "no such resource");

    const token = recorded.authorization?.replace(/^Bearer\s+/i, "") ?? "";
    if (!token) return this.error(response, 401, "InvalidAuthenticationToken", "Access token is empty.");
    if (fault?.kind === "expired-token") this.expiredTokens.add(token);
    if (this.expiredTokens.has(token))
      return this.error(
        response,
        401,
        "InvalidAuthenticationToken",
        "Lifetime validation failed, the token is expired.",
      );
    return this.serveApi(url, request.method ?? "GET", body, response);
  }

  private serveDownload(
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
    fault: FaultKind | null,
  ): void {
    if (request.headers.authorization) this.authorizationOnDownloads += 1;
    const id = url.pathname.slice("/download/".length);
    const item = this.items.get(id);
    if (fault?.kind === "gone" && item) this.deleteItem(item.id);
    if (!item || item.deleted)
      return this.error(response, 404, "itemNotFound", "The resource could not be found.");
    if (fault?.kind === "expired-download-url")
      return this.error(response, 401, "unauthenticated", "The tempauth token has expired.");
    if (Number(url.searchParams.get("v")) !== item.version)
      return this.error(response, 410, "resourceModified", "The file changed since this URL was issued.");
    const bytes = Buffer.from(item.bytes);
    response.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": bytes.byteLength,
    });
    if (fault?.kind === "truncate") {
      // Headers promise the whole file; half of it comes, then the connection drops.
      response.write(bytes.subarray(0, Math.floor(bytes.byteLength / 2)), () => request.socket.destroy());
      return;
    }
    response.end(bytes);
  }

  private serveApi(url: URL, method: string, body: Buffer, response: ServerResponse): void {
    const path = decodeURIComponent(url.pathname.slice(VERSION.length + 1));
    const select = url.searchParams.get("$select")?.split(",") ?? null;
    let match: RegExpExecArray | null;

    if (method === "POST" && (match = /^\/users\/([^/]+)\/sendMail$/.exec(path))) {
      this.sentMail.push({ sender: match[1] as string, body: JSON.parse(body.toString("utf8") || "null") });
      response.writeHead(202, { "content-length": 0 });
      response.end();
      return;
    }
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/root\/delta$/.exec(path)))
      return this.serveDelta(url, select, response);
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/items\/([^/]+)\/children$/.exec(path)))
      return this.serveChildren(url, match[2] as string, select, response);
    if (method === "GET" && (match = /^\/drives\/([^/]+)\/items\/([^/:]+)$/.exec(path))) {
      const item = this.items.get(match[2] as string);
      if (!item || item.deleted)
        return this.error(response, 404, "itemNotFound", "The resource could not be found.");
      return this.json(response, 200, this.render(item, select));
    }
    if (method === "GET" && (match = /^\/me\/drive\/root:(.*?):?$/.exec(path))) {
      const item = this.findByPath(match[1] as string);
      if (!item) return this.error(response, 404, "itemNotFound", "The resource could not be found.");
      return this.json(response, 200, this.render(item, select));
    }
    if (method === "GET" && (match = /^\/shares\/([^/]+)\/driveItem$/.exec(path))) {
      const id = this.shares.get(match[1] as string);
      const item = id ? this.items.get(id) : undefined;
      if (!item || item.deleted)
        return this.error(response, 404, "itemNotFound", "The sharing link is not valid.");
      return this.json(response, 200, this.render(item, select));
    }
    if (method === "PUT" && (match = /^\/drives\/([^/]+)\/items\/([^/:]+):\/(.+):\/content$/.exec(path))) {
      const parent = this.items.get(match[2] as string);
      if (!parent?.folder) return this.error(response, 404, "itemNotFound", "No such folder.");
      const item = this.putFile(`${this.relativePath(parent)}/${match[3] as string}`, new Uint8Array(body), {
        modified: new Date().toISOString(),
        by: "thidua",
      });
      return this.json(response, item.version === 1 ? 201 : 200, this.render(item, null));
    }
    if (
      method === "POST" &&
      (match = /^\/drives\/([^/]+)\/items\/([^/:]+):\/(.+):\/createUploadSession$/.exec(path))
    ) {
      const parent = this.items.get(match[2] as string);
      if (!parent?.folder) return this.error(response, 404, "itemNotFound", "No such folder.");
      const id = randomUUID();
      this.sessions.set(id, {
        parentId: parent.id,
        name: match[3] as string,
        size: -1,
        received: [],
        next: 0,
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

  private serveUploadChunk(url: URL, request: IncomingMessage, body: Buffer, response: ServerResponse): void {
    const session = this.sessions.get(url.pathname.slice("/upload/".length));
    if (!session) return this.error(response, 404, "itemNotFound", "No such upload session.");
    if (request.headers.authorization) this.authorizationOnDownloads += 1;
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(request.headers["content-range"] ?? ""));
    if (
      !range ||
      Number(range[1]) !== session.next ||
      Number(range[2]) - Number(range[1]) + 1 !== body.byteLength
    )
      return this.error(response, 416, "invalidRange", "Content-Range does not follow the last chunk.");
    this.uploadChunks.push(body.byteLength);
    session.received.push(body);
    session.size = Number(range[3]);
    session.next = Number(range[2]) + 1;
    if (session.next < session.size)
      return this.json(response, 202, { nextExpectedRanges: [`${session.next}-`] });
    const parent = this.items.get(session.parentId) as StoredItem;
    const item = this.putFile(
      `${this.relativePath(parent)}/${session.name}`,
      new Uint8Array(Buffer.concat(session.received)),
      {
        modified: new Date().toISOString(),
        by: "thidua",
      },
    );
    return this.json(response, item.version === 1 ? 201 : 200, this.render(item, null));
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
    const children = [...this.items.values()]
      .filter((item) => item.parentId === folderId && !item.deleted)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
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
    const top = Math.min(Number(url.searchParams.get("$top") ?? 200), 1000);
    const skip = Number(url.searchParams.get("skip") ?? 0);
    // Parents before children, as the service promises within a page sequence.
    const changed = [...this.items.values()]
      .filter((item) => item.changedAt >= since && item.parentId !== null)
      .sort((a, b) => this.depth(a) - this.depth(b) || a.changedAt - b.changedAt);
    const page = changed.slice(skip, skip + top);
    const next = new URL(url.toString());
    next.searchParams.set("skip", String(skip + top));
    this.json(response, 200, {
      value: page.map((item) => this.render(item, select)),
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
