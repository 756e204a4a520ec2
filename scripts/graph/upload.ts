import type { GraphConnection } from "./client";
import type { DriveItem } from "./drive-item";
import { GraphRequestError, toGraphRequestError } from "./errors";
import { type RemoteAddress, resolveFolder, toRequestError } from "./resolve-folder";
import { isNetworkError, RETRY_STATUSES, retryDelayMs, sleep } from "./retry-policy";

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
 * Retries (throttling, outages, resets) come from the client's middleware for Graph calls, and
 * from here for chunks, which go to a pre-authenticated URL without the token.
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

async function uploadInSession(
  connection: GraphConnection,
  path: string,
  file: { readonly name: string; readonly bytes: Uint8Array },
  options: UploadOptions,
): Promise<DriveItem> {
  let session: { uploadUrl?: string };
  try {
    session = (await connection.client
      .api(`${path}/createUploadSession`)
      .post({ item: { "@microsoft.graph.conflictBehavior": "replace" } })) as { uploadUrl?: string };
  } catch (error) {
    throw toRequestError(error, `upload session for ${file.name}`);
  }
  if (!session.uploadUrl)
    throw new GraphRequestError(null, null, null, file.name, "the service gave no upload URL");
  const chunk =
    Math.max(1, Math.floor((options.chunkBytes ?? DEFAULT_CHUNK_BYTES) / CHUNK_UNIT_BYTES)) *
    CHUNK_UNIT_BYTES;
  const total = file.bytes.byteLength;
  const policy = connection.retry;
  for (let start = 0; start < total;) {
    const end = Math.min(start + chunk, total);
    let response: Response | null = null;
    for (let attempt = 0; ; attempt += 1) {
      try {
        // Pre-authenticated upload URL: no Authorization header.
        response = await fetch(session.uploadUrl, {
          ...connection.fetchOptions,
          method: "PUT",
          headers: { "Content-Range": `bytes ${start}-${end - 1}/${total}` },
          body: file.bytes.slice(start, end) as Uint8Array<ArrayBuffer>,
        });
      } catch (error) {
        if (!isNetworkError(error) || attempt >= policy.maxRetries)
          throw toRequestError(error, `upload of ${file.name}`);
        await sleep(retryDelayMs(policy, attempt, null));
        continue;
      }
      if (RETRY_STATUSES.has(response.status) && attempt < policy.maxRetries) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(retryDelayMs(policy, attempt, response.headers.get("retry-after")));
        continue;
      }
      break;
    }
    if (!response || (response.status !== 202 && response.status !== 200 && response.status !== 201))
      throw response
        ? await toGraphRequestError(response, `upload of ${file.name}`)
        : new Error("no response");
    if (end === total) return (await response.json()) as DriveItem;
    await response.body?.cancel().catch(() => undefined);
    start = end;
  }
  throw new GraphRequestError(
    null,
    null,
    null,
    file.name,
    "an empty file cannot go through an upload session",
  );
}
