import {
  receiptVerdict,
  type Deadline,
  type SendMessage,
  type SendReceipt,
  type SendTarget,
  type SubmissionConfig,
} from "../../core/index";
import { GraphRequestError, toGraphRequestError } from "../../scripts/graph/errors";
import { quickXorHash } from "../../scripts/graph/quick-xor-hash";
import { sleep, type RetryPolicy } from "../../scripts/graph/retry-policy";
import { RetryRunner, TransientFault } from "../../scripts/graph/retry-runner";
import { SignInProblem } from "../auth/sign-in-problem";

/**
 * Sending a checked file from the pane to the province's folder through Microsoft Graph, with the
 * browser's fetch only (no SDK, no Node API in the bundle). Every Graph request goes through one
 * RetryRunner (the CLI's rules: Retry-After honoured whole, every request paused meanwhile) and
 * carries exactly one `Authorization: Bearer`; upload-session URLs are pre-authenticated and carry none.
 */

/** A simple PUT is documented for small files; above this, an upload session (driveitem-put-content). */
export const SIMPLE_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
/** Fragments must be multiples of 320 KiB (driveitem-createuploadsession); 10 of them a request. */
const CHUNK_UNIT_BYTES = 320 * 1024;
/** An officer waits at most a few minutes; the server's Retry-After is still honoured whole. */
export const PANE_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

export interface SendTransport {
  /** submission.graphEndpoint, without a trailing slash. */
  readonly endpoint: string;
  /** A bearer token for this request (null: signed out). Asked once per request, never cached here. */
  readonly token: () => Promise<string | null>;
  /**
   * A new token after Graph refused one with 401 (expired or revoked: "InvalidAuthenticationToken",
   * "Microsoft Graph error responses"); the request is tried once more with it. Absent: no second try.
   */
  readonly refresh?: () => Promise<string | null>;
  readonly fetch?: typeof fetch;
  /** For tests: the wait and clock the retry runner uses. */
  readonly wait?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly policy?: RetryPolicy;
  /** Told before each pause, with its length (the pane shows "retrying in N seconds"). */
  readonly onWait?: (ms: number) => void;
}

export type SubmissionFolder =
  | { readonly kind: "item"; readonly driveId: string; readonly itemId: string }
  | { readonly kind: "sharing-link"; readonly url: string };

/** submission.folder, as the configuration schema accepted it. */
export function parseSubmissionFolder(text: string): SubmissionFolder {
  const match = /^onedrive:([^/\s]+)\/([^/\s]+)\/?$/i.exec(text);
  if (match) return { kind: "item", driveId: match[1] as string, itemId: match[2] as string };
  return { kind: "sharing-link", url: text };
}

/** The page-global token provider: `window.__thiduaToken`, for automated tests and diagnostics only. */
export function pageGlobalToken(): Promise<string | null> {
  const token = (globalThis as { __thiduaToken?: unknown }).__thiduaToken;
  return Promise.resolve(typeof token === "string" && token !== "" ? token : null);
}

/** What can be said before trying: sending is not set up, or sign-in is not. */
export function sendSetupProblem(submission: SubmissionConfig | undefined): SendMessage | null {
  if (submission === undefined) return { code: "SEND_NOT_CONFIGURED" };
  // MSAL needs the province's app registration (addin/pane/sign-in.ts says the rest).
  if (submission.tokenProvider === "msal" && submission.clientId === null)
    return { code: "SEND_SIGN_IN_NOT_CONFIGURED" };
  return null;
}

export type SendOutcome =
  | { readonly status: "sent"; readonly receipt: SendReceipt; readonly itemId: string }
  /** The name is taken (the unit sent before): ask the officer, then send again with replace. */
  | { readonly status: "exists"; readonly message: SendMessage }
  | { readonly status: "failed"; readonly message: SendMessage };

interface DriveItem {
  readonly id: string;
  readonly name?: string;
  readonly size?: number;
  readonly lastModifiedDateTime?: string;
  readonly folder?: unknown;
  readonly file?: { readonly hashes?: { readonly quickXorHash?: string } };
  readonly parentReference?: { readonly driveId?: string };
  /** Pre-authenticated, short-lived (driveitem-get-content); not always given. */
  readonly "@microsoft.graph.downloadUrl"?: string;
}

/** Stops a send at once with what to tell the officer (no token: signed out). */
class Stop extends Error {
  constructor(readonly sendMessage: SendMessage) {
    super(sendMessage.code);
  }
}

function shareId(url: string): string {
  // "u!" + unpadded base64url of the link (shares-get, "Encoding sharing URLs").
  const bytes = new TextEncoder().encode(url);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `u!${btoa(binary).replace(/=+$/, "").replace(/\//g, "_").replace(/\+/g, "-")}`;
}

class GraphCalls {
  readonly runner: RetryRunner;
  readonly fetch: typeof fetch;

  constructor(readonly transport: SendTransport) {
    const wait = transport.wait ?? sleep;
    this.runner = new RetryRunner(
      transport.policy ?? PANE_RETRY_POLICY,
      (ms) => {
        transport.onWait?.(ms);
        return wait(ms);
      },
      transport.now,
    );
    this.fetch = transport.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** One Graph API request: a fresh token, one Authorization header, the run's retry rules. */
  async call(
    method: string,
    path: string,
    options: { body?: BodyInit; json?: unknown; headers?: Record<string, string>; accept?: number[] } = {},
  ): Promise<Response> {
    // One fresh token per request at most: a second 401 means signed out (SEND_SIGNED_OUT).
    let refreshed = false;
    return this.runner.run(`${method} ${path}`, async () => {
      let token = await this.transport.token();
      let response: Response;
      for (;;) {
        if (token === null) throw new Stop({ code: "SEND_SIGNED_OUT" });
        const headers: Record<string, string> = { ...options.headers, Authorization: `Bearer ${token}` };
        let body = options.body;
        if (options.json !== undefined) {
          headers["Content-Type"] = "application/json";
          body = JSON.stringify(options.json);
        }
        response = await this.fetch(`${this.transport.endpoint}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body }),
        });
        if (response.status !== 401 || refreshed || this.transport.refresh === undefined) break;
        refreshed = true;
        await response.body?.cancel().catch(() => undefined);
        token = await this.transport.refresh();
      }
      await this.runner.check(response);
      if (response.ok || (options.accept ?? []).includes(response.status)) return response;
      throw await toGraphRequestError(response, `${method} ${path}`);
    });
  }

  async item(method: string, path: string, options: Parameters<GraphCalls["call"]>[2] = {}) {
    return (await (await this.call(method, path, options)).json()) as DriveItem;
  }
}

const enc = encodeURIComponent;

/** The submission folder: its drive and id (a sharing link is redeemed, as consolidate does). */
async function resolveFolder(graph: GraphCalls, folder: SubmissionFolder) {
  const item =
    folder.kind === "item"
      ? await graph.item("GET", `/drives/${enc(folder.driveId)}/items/${enc(folder.itemId)}`)
      : await graph.item("GET", `/shares/${shareId(folder.url)}/driveItem`, {
          headers: { Prefer: "redeemSharingLink" },
        });
  if (item.folder === undefined)
    throw new GraphRequestError(404, "notAFolder", null, "folder", "not a folder");
  const driveId = folder.kind === "item" ? folder.driveId : item.parentReference?.driveId;
  if (!driveId) throw new GraphRequestError(404, null, null, "folder", "no drive id");
  return { driveId, folderId: item.id };
}

/** The kind's sub-folder (KH/, BC/, DN-KT/), created when missing; a concurrent creation is found. */
async function ensureKindFolder(graph: GraphCalls, driveId: string, folderId: string, name: string) {
  const base = `/drives/${enc(driveId)}/items/${enc(folderId)}`;
  const found = await graph.call("GET", `${base}:/${enc(name)}`, { accept: [404] });
  if (found.status === 200) return ((await found.json()) as DriveItem).id;
  await found.body?.cancel().catch(() => undefined);
  const made = await graph.call("POST", `${base}/children`, {
    json: { name, folder: {}, "@microsoft.graph.conflictBehavior": "fail" },
    accept: [409],
  });
  if (made.status !== 409) return ((await made.json()) as DriveItem).id;
  await made.body?.cancel().catch(() => undefined);
  return (await graph.item("GET", `${base}:/${enc(name)}`)).id;
}

/**
 * What a server's item says of these bytes: "same" (size and QuickXorHash equal), "other" (either
 * differs), or "unknown" (same size, no hash given: Graph does not always give one).
 */
function compare(item: DriveItem, bytes: Uint8Array): "same" | "other" | "unknown" {
  if (item.size !== bytes.byteLength) return "other";
  const hash = item.file?.hashes?.quickXorHash;
  if (hash === undefined) return "unknown";
  return hash === quickXorHash(bytes) ? "same" : "other";
}

/** "sent", with the server's time of the item that holds the bytes. */
function sentOutcome(
  item: DriveItem,
  target: SendTarget,
  size: number,
  options: SendOptions,
  rewrittenByService = false,
): SendOutcome {
  const receivedAt = Date.parse(item.lastModifiedDateTime as string);
  return {
    status: "sent",
    itemId: item.id,
    receipt: {
      fileName: target.fileName,
      folder: target.folder,
      size,
      receivedAt,
      verdict: receiptVerdict(receivedAt, options.deadline, options.datedLate),
      ...(rewrittenByService ? { rewrittenByService: true } : {}),
    },
  };
}

/**
 * The stored file's bytes, through its pre-authenticated download URL (no Authorization header;
 * driveitem-get-content): the item's own when it came with one, else asked for once. Null when
 * no URL is given: then nothing can be read back.
 */
async function storedBytes(graph: GraphCalls, item: DriveItem, path: string): Promise<Uint8Array | null> {
  const url =
    item["@microsoft.graph.downloadUrl"] ?? (await graph.item("GET", path))["@microsoft.graph.downloadUrl"];
  if (url === undefined) return null;
  return graph.runner.run("download stored file", async () => {
    const response = await graph.fetch(url);
    await graph.runner.check(response);
    if (!response.ok) throw await toGraphRequestError(response, "download stored file");
    return new Uint8Array(await response.arrayBuffer());
  });
}

async function uploadSession(
  graph: GraphCalls,
  path: string,
  bytes: Uint8Array,
  conflict: "replace" | "fail",
  chunkBytes: number,
): Promise<Response> {
  const created = await graph.call("POST", `${path}:/createUploadSession`, {
    // fileSize in the item: a drive without room answers 507 here, before any byte goes up
    // (driveitem-createuploadsession: "If the fileSize parameter is specified and exceeds the available
    // quota, a 507 Insufficient Storage response is returned and the upload session won't be created").
    json: { item: { "@microsoft.graph.conflictBehavior": conflict, fileSize: bytes.byteLength } },
    accept: [409],
  });
  if (created.status === 409) return created;
  const { uploadUrl } = (await created.json()) as { uploadUrl?: string };
  if (!uploadUrl) throw new GraphRequestError(null, null, null, path, "no upload URL");
  const total = bytes.byteLength;
  const chunk = Math.max(1, Math.floor(chunkBytes / CHUNK_UNIT_BYTES)) * CHUNK_UNIT_BYTES;
  let start = 0;
  let resync = false;
  for (;;) {
    const response = await graph.runner.run("upload fragment", async () => {
      if (resync) {
        // After a reset or a 5xx the fragment may have been stored: ask where to go on. A 404 means
        // the session has ended, perhaps completed by the fragment whose answer was lost: the caller
        // looks in the folder (its body is not progress, and need not be JSON).
        const status = await graph.fetch(uploadUrl);
        await graph.runner.check(status);
        if (status.status === 404) return status;
        if (!status.ok) throw await toGraphRequestError(status, "upload status");
        const ranges = ((await status.json()) as { nextExpectedRanges?: string[] }).nextExpectedRanges;
        start = Number(/^(\d+)-/.exec(ranges?.[0] ?? "0-")?.[1] ?? 0);
        resync = false;
      }
      const end = Math.min(start + chunk, total);
      let answer: Response;
      try {
        // Pre-authenticated URL: no Authorization header (driveitem-createuploadsession).
        answer = await graph.fetch(uploadUrl, {
          method: "PUT",
          headers: { "Content-Range": `bytes ${start}-${end - 1}/${total}` },
          body: bytes.slice(start, end) as Uint8Array<ArrayBuffer>,
        });
      } catch (error) {
        resync = true;
        throw error;
      }
      if (answer.status === 416) {
        resync = true;
        throw new TransientFault("416");
      }
      if (answer.status >= 500 || answer.status === 429) resync = true;
      await graph.runner.check(answer);
      if (answer.status === 202) {
        await answer.body?.cancel().catch(() => undefined);
        start = end;
        return null;
      }
      // 409: the name was taken meanwhile; 404: the session has ended, perhaps completed by a fragment
      // whose answer was lost (the caller looks at the folder). Any other refusal (507, 413) is an error.
      if (!answer.ok && answer.status !== 409 && answer.status !== 404)
        throw await toGraphRequestError(answer, "upload fragment");
      return answer;
    });
    if (response !== null) return response;
  }
}

/** Graph's failure as an officer's sentence. */
export function failureMessage(error: unknown, size: number): SendMessage {
  if (error instanceof Stop) return error.sendMessage;
  // The token source's own words (the sign-in window blocked: addin/pane/sign-in.ts).
  if (error instanceof SignInProblem) return error.sendMessage;
  if (error instanceof GraphRequestError) {
    switch (error.status) {
      case null:
        return { code: "SEND_OFFLINE" };
      case 401:
        return { code: "SEND_SIGNED_OUT" };
      case 403:
        return { code: "SEND_FORBIDDEN" };
      case 404:
        return { code: "SEND_FOLDER_NOT_FOUND" };
      case 413:
        return { code: "SEND_TOO_LARGE", size };
      // The drive's quota is reached (Graph error codes: 507 insufficientStorage, quotaLimitReached).
      case 507:
        return { code: "SEND_STORAGE_FULL", size };
      default:
        return { code: "SEND_FAILED", status: error.status };
    }
  }
  return { code: "SEND_OFFLINE" };
}

export interface SendOptions {
  /** The officer confirmed replacing the unit's earlier file. */
  readonly replace: boolean;
  /** The deadline of the file's period, for the receipt's verdict. */
  readonly deadline: Deadline | null;
  /** The document is dated after that deadline: the receipt says late whatever the server's time. */
  readonly datedLate?: boolean;
  /**
   * Whether bytes the server stores are the checked document although they differ from those sent
   * (a SharePoint library rewrites Office files on upload): read them back and compare what the
   * check read. Without it, other bytes are never "sent".
   */
  readonly holdsCheckedDocument?: (stored: Uint8Array) => Promise<boolean>;
  readonly simpleMaxBytes?: number;
  readonly chunkBytes?: number;
}

/**
 * Sends `bytes` as `target` into the submission folder. "sent" only when the server's item has
 * exactly these bytes: the answer to our own upload by size (and hash when given); an item found in
 * the folder instead (an answer lost, a name taken) by size and hash, both. The receipt's time is the
 * server's.
 */
export async function sendFile(
  transport: SendTransport,
  folder: SubmissionFolder,
  target: SendTarget,
  bytes: Uint8Array,
  options: SendOptions,
): Promise<SendOutcome> {
  const graph = new GraphCalls(transport);
  const exists: SendOutcome = {
    status: "exists",
    message: { code: "SEND_CONFIRM_REPLACE", path: target.path },
  };
  try {
    const { driveId, folderId } = await resolveFolder(graph, folder);
    const kindId = await ensureKindFolder(graph, driveId, folderId, target.folder);
    const path = `/drives/${enc(driveId)}/items/${enc(kindId)}:/${enc(target.fileName)}`;
    if (!options.replace) {
      const earlier = await graph.call("GET", path, { accept: [404] });
      if (earlier.status === 200) {
        // These very bytes, already there (a previous click whose answer was lost): sent, at that
        // time. Replacing would write a new version with a later time (on time could turn late).
        const item = (await earlier.json()) as DriveItem;
        return compare(item, bytes) === "same" && item.lastModifiedDateTime !== undefined
          ? sentOutcome(item, target, bytes.byteLength, options)
          : exists;
      }
      await earlier.body?.cancel().catch(() => undefined);
    }
    // "fail" unless confirmed: a file that appeared meanwhile is never replaced unasked.
    const conflict = options.replace ? "replace" : "fail";
    const answer =
      bytes.byteLength <= (options.simpleMaxBytes ?? SIMPLE_UPLOAD_MAX_BYTES)
        ? await graph.call("PUT", `${path}:/content?@microsoft.graph.conflictBehavior=${conflict}`, {
            body: bytes as Uint8Array<ArrayBuffer>,
            headers: { "Content-Type": "application/octet-stream" },
            accept: [409],
          })
        : await uploadSession(graph, path, bytes, conflict, options.chunkBytes ?? 10 * CHUNK_UNIT_BYTES);
    const notConfirmed: SendOutcome = { status: "failed", message: { code: "SEND_NOT_CONFIRMED" } };
    // 409: the name is taken (our own lost PUT, or a file created meanwhile, refused at the session's
    // last fragment); 404: the session ended, perhaps completed by a fragment whose answer was lost.
    const lookedUp = answer.status === 409 || answer.status === 404;
    let item: DriveItem;
    if (lookedUp) {
      await answer.body?.cancel().catch(() => undefined);
      const held = await graph.call("GET", path, { accept: [404] });
      if (held.status === 404) {
        await held.body?.cancel().catch(() => undefined);
        return notConfirmed;
      }
      item = (await held.json()) as DriveItem;
    } else item = (await answer.json()) as DriveItem;
    // Found in the folder, an item is ours only by size and hash (an earlier version of the same size
    // is not these bytes); the answer to our own upload is ours unless its size or hash says otherwise.
    const seen = compare(item, bytes);
    if (seen === "same" || (seen === "unknown" && !lookedUp)) {
      if (item.lastModifiedDateTime === undefined) return notConfirmed;
      return sentOutcome(item, target, bytes.byteLength, options);
    }
    // Other bytes: a SharePoint library rewrites an Office file it stores (onedrive-api-docs#935), so
    // read the stored file back; if it holds the checked document, it is this send's (or an identical
    // earlier one's) and the server's time stands.
    if (
      seen === "other" &&
      options.holdsCheckedDocument !== undefined &&
      item.lastModifiedDateTime !== undefined
    ) {
      const stored = await storedBytes(graph, item, `/drives/${enc(driveId)}/items/${enc(item.id)}`);
      if (stored !== null && (await options.holdsCheckedDocument(stored)))
        return sentOutcome(item, target, bytes.byteLength, options, true);
    }
    // Another file holds the name: the officer decides. One we cannot tell from ours: not confirmed.
    return answer.status === 409 && seen === "other" ? exists : notConfirmed;
  } catch (error) {
    return { status: "failed", message: failureMessage(error, bytes.byteLength) };
  }
}

/** The last receipt of a unit and kind, remembered in the browser. */
export function receiptKey(target: Pick<SendTarget, "unitCode" | "kind">): string {
  return `thidua.receipt.${target.kind}.${target.unitCode}`;
}

export function rememberReceipt(storage: Storage, target: SendTarget, receipt: SendReceipt): void {
  storage.setItem(receiptKey(target), JSON.stringify(receipt));
}

export function lastReceipt(storage: Storage, target: SendTarget): SendReceipt | null {
  try {
    const text = storage.getItem(receiptKey(target));
    return text === null ? null : (JSON.parse(text) as SendReceipt);
  } catch {
    return null;
  }
}
