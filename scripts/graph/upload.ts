import type { GraphConnection } from "./client";
import type { DriveItem } from "./drive-item";
import { GraphRequestError, toGraphRequestError } from "./errors";
import { type RemoteAddress, resolveFolder, toRequestError } from "./resolve-folder";
import { RequestSafety } from "./retry-handler";
import { TransientFault } from "./retry-runner";

/** Upload-session chunks must be multiples of 320 KiB; 10 of them (3.2 MiB) a request, under the 60 MiB cap. */
export const CHUNK_UNIT_BYTES = 320 * 1024;
const DEFAULT_CHUNK_BYTES = 10 * CHUNK_UNIT_BYTES;
/** Above this, an upload session (a simple PUT is documented for small files). */
const DEFAULT_SIMPLE_MAX_BYTES = 4 * 1024 * 1024;

export interface UploadOptions {
  readonly simpleMaxBytes?: number;
  /** Rounded down to a multiple of 320 KiB (at least one unit). */
  readonly chunkBytes?: number;
}

export interface UploadedFile {
  readonly name: string;
  readonly itemId: string;
  readonly webUrl: string | null;
  readonly via: "put" | "session";
}

/**
 * Puts files into a OneDrive folder, replacing files of the same name (OneDrive keeps the previous
 * version): a simple PUT when small, an upload session in 320 KiB-multiple chunks when large.
 * Every request goes through the run's one RetryRunner (the SDK's middleware for Graph calls, here
 * for fragments, which go to a pre-authenticated URL without the token).
 */
export async function uploadFiles(
  connection: GraphConnection,
  folder: RemoteAddress,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  options: UploadOptions = {},
): Promise<UploadedFile[]> {
  const { item: target, driveId } = await resolveFolder(connection, folder, "write");
  const base = `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(target.id)}`;
  const uploaded: UploadedFile[] = [];
  for (const file of files) {
    const path = `${base}:/${encodeURIComponent(file.name)}:`;
    if (file.bytes.byteLength <= (options.simpleMaxBytes ?? DEFAULT_SIMPLE_MAX_BYTES)) {
      let item: DriveItem;
      try {
        item = (await connection.client
          .api(`${path}/content`)
          .header("Content-Type", "application/octet-stream")
          .put(Buffer.from(file.bytes))) as DriveItem;
      } catch (error) {
        throw toRequestError(error, `upload of ${file.name}`);
      }
      uploaded.push({ name: file.name, itemId: item.id, webUrl: item.webUrl ?? null, via: "put" });
      continue;
    }
    const item = await uploadInSession(connection, path, file, options);
    uploaded.push({ name: file.name, itemId: item.id, webUrl: item.webUrl ?? null, via: "session" });
  }
  return uploaded;
}

/** The session's URL is gone (expired, or finished before its answer was lost): start another. */
class SessionGone extends Error {}

async function createSession(connection: GraphConnection, path: string, name: string): Promise<string> {
  let session: { uploadUrl?: string };
  try {
    session = (await connection.client
      .api(`${path}/createUploadSession`)
      // A new session each time: safe to send again.
      .middlewareOptions([new RequestSafety(true)])
      .post({ item: { "@microsoft.graph.conflictBehavior": "replace" } })) as { uploadUrl?: string };
  } catch (error) {
    throw toRequestError(error, `upload session for ${name}`);
  }
  if (!session.uploadUrl)
    throw new GraphRequestError(null, null, null, name, "the service gave no upload URL");
  return session.uploadUrl;
}

/** Where the service wants the next fragment to start (GET uploadUrl → nextExpectedRanges). */
async function nextExpectedStart(connection: GraphConnection, uploadUrl: string): Promise<number> {
  const response = await fetch(uploadUrl, connection.fetchOptions);
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    throw new SessionGone();
  }
  await connection.runner.check(response);
  if (response.status !== 200) throw await toGraphRequestError(response, "upload session status");
  const status = (await response.json()) as { nextExpectedRanges?: readonly string[] };
  return Number(/^(\d+)-/.exec(status.nextExpectedRanges?.[0] ?? "0-")?.[1] ?? 0);
}

/**
 * An upload session in 320 KiB-multiple fragments, each through the run's RetryRunner, to the
 * pre-authenticated upload URL (no token). After a reset, a 416 or a 5xx the fragment may or may not
 * have been stored: the session is asked where to go on (`nextExpectedRanges`), never sent blindly
 * again; a 404 means the session is gone, and a new one starts from the beginning
 * (driveitem-createuploadsession, "Resuming an in-progress upload", "Handle upload errors").
 */
async function uploadInSession(
  connection: GraphConnection,
  path: string,
  file: { readonly name: string; readonly bytes: Uint8Array },
  options: UploadOptions,
): Promise<DriveItem> {
  const total = file.bytes.byteLength;
  if (total === 0)
    throw new GraphRequestError(
      null,
      null,
      null,
      file.name,
      "an empty file cannot go through an upload session",
    );
  const chunk =
    Math.max(1, Math.floor((options.chunkBytes ?? DEFAULT_CHUNK_BYTES) / CHUNK_UNIT_BYTES)) *
    CHUNK_UNIT_BYTES;
  for (let session = 0; ; session += 1) {
    const uploadUrl = await createSession(connection, path, file.name);
    try {
      return await sendFragments(connection, uploadUrl, file, total, chunk);
    } catch (error) {
      if (!(error instanceof SessionGone) || session >= connection.retry.maxRetries) {
        if (error instanceof SessionGone)
          throw new GraphRequestError(
            404,
            "itemNotFound",
            null,
            file.name,
            "the upload session kept disappearing",
          );
        throw error;
      }
    }
  }
}

async function sendFragments(
  connection: GraphConnection,
  uploadUrl: string,
  file: { readonly name: string; readonly bytes: Uint8Array },
  total: number,
  chunk: number,
): Promise<DriveItem> {
  let start = 0;
  let resync = false;
  for (;;) {
    const done = await connection.runner.run(`upload of ${file.name}`, async () => {
      if (resync) {
        start = await nextExpectedStart(connection, uploadUrl);
        resync = false;
      }
      const end = Math.min(start + chunk, total);
      let response: Response;
      try {
        // Pre-authenticated upload URL: no Authorization header.
        response = await fetch(uploadUrl, {
          ...connection.fetchOptions,
          method: "PUT",
          headers: { "Content-Range": `bytes ${start}-${end - 1}/${total}` },
          body: file.bytes.slice(start, end) as Uint8Array<ArrayBuffer>,
        });
      } catch (error) {
        resync = true;
        throw error;
      }
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        throw new SessionGone();
      }
      if (response.status === 416) {
        await response.body?.cancel().catch(() => undefined);
        resync = true;
        throw new TransientFault("416: the fragment was already received");
      }
      if (response.status >= 500 || response.status === 429) resync = true;
      await connection.runner.check(response);
      if (response.status === 200 || response.status === 201) return (await response.json()) as DriveItem;
      if (response.status !== 202) throw await toGraphRequestError(response, `upload of ${file.name}`);
      await response.body?.cancel().catch(() => undefined);
      start = end;
      return null;
    });
    if (done) return done;
  }
}
