import type { SourceAddress } from "../source/open-source";
import type { LocalizedText } from "../../core/index";
import { UsageError } from "../errors";
import type { GraphConnection } from "./client";
import type { DriveItem } from "./drive-item";
import { GraphRequestError, redactUrl } from "./errors";

export type RemoteAddress = Exclude<SourceAddress, { kind: "local" }>;

function toBase64Url(text: string): string {
  return Buffer.from(text, "utf8")
    .toString("base64")
    .replace(/=+$/, "")
    .replace(/\//g, "_")
    .replace(/\+/g, "-");
}

export function describeAddress(address: RemoteAddress): string {
  return address.kind === "onedrive-item"
    ? `onedrive:${address.driveId}/${address.itemId}`
    : address.kind === "onedrive-path"
      ? `onedrive:${address.path}`
      : address.url;
}

/** Turns the SDK's GraphError (or a network error) into ours, keeping status, code and request id. */
export function toRequestError(error: unknown, target: string): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  const graph = error as {
    statusCode?: number;
    code?: string | null;
    requestId?: string | null;
    message?: string;
  };
  if (typeof graph.statusCode === "number" && graph.statusCode > 0)
    return new GraphRequestError(
      graph.statusCode,
      graph.code ?? null,
      graph.requestId ?? null,
      target,
      `${graph.statusCode}${graph.code ? ` ${graph.code}` : ""}: ${graph.message ?? ""}`,
      { cause: error },
    );
  return new GraphRequestError(null, null, null, target, String(graph.message ?? error), { cause: error });
}

/** GET through the SDK (token, retries); errors become GraphRequestError. */
export async function graphGet<T>(
  connection: GraphConnection,
  path: string,
  headers: Record<string, string> = {},
): Promise<T> {
  try {
    return (await connection.client.api(path).headers(headers).get()) as T;
  } catch (error) {
    throw toRequestError(error, redactUrl(path));
  }
}

/** What a folder is opened for: its files read (a source), or written (an upload). */
export type FolderAccess = "read" | "write";

/** The Graph permission an administrator grants for each access (least privilege: README, "Permissions"). */
const PERMISSION_NEEDED: Readonly<Record<FolderAccess, LocalizedText>> = {
  read: { vi: "Files.Read.All hoặc Sites.Selected", en: "Files.Read.All or Sites.Selected" },
  write: {
    vi: "Files.ReadWrite.All hoặc Sites.Selected (ghi)",
    en: "Files.ReadWrite.All or Sites.Selected (write)",
  },
};

/** What a failed resolution means to the officer: not found, or not allowed (with the permission to ask for). */
function addressUsageError(error: GraphRequestError, address: string, access: FolderAccess): Error {
  const permission = PERMISSION_NEEDED[access];
  if (error.status === 404)
    return new UsageError(
      { vi: `không tìm thấy thư mục ${address} trên OneDrive`, en: `${address} not found on OneDrive` },
      { cause: error },
    );
  if (error.status === 403)
    return new UsageError(
      {
        vi: `tài khoản không có quyền với ${address} (cần ${permission.vi})`,
        en: `no permission on ${address} (needs ${permission.en})`,
      },
      { cause: error },
    );
  return error;
}

/**
 * The folder an address names, with its drive id: by ids, by a path in the signed-in user's drive,
 * or by a sharing link (`/shares/u!{base64url}/driveItem`). A file, not a folder, is a usage error.
 */
export async function resolveFolder(
  connection: GraphConnection,
  address: RemoteAddress,
  access: FolderAccess = "read",
): Promise<{ item: DriveItem; driveId: string }> {
  const select = `$select=id,name,webUrl,folder,root,parentReference,remoteItem`;
  if (address.kind === "sharing-link" && /^https?:\/\/1drv\.ms\//i.test(address.url))
    // A short link is only a redirect to the real one, on a host that is not Graph's: open it in a
    // browser and give the address it lands on (shares-get names the link it decodes).
    throw new UsageError({
      vi: `${address.url} là liên kết rút gọn 1drv.ms; hãy mở liên kết trong trình duyệt rồi dùng địa chỉ đầy đủ (https://…sharepoint.com/… hoặc https://onedrive.live.com/…)`,
      en: `${address.url} is a 1drv.ms short link; open it in a browser and use the full address it leads to (https://…sharepoint.com/… or https://onedrive.live.com/…)`,
    });
  const path =
    address.kind === "onedrive-item"
      ? `/drives/${encodeURIComponent(address.driveId)}/items/${encodeURIComponent(address.itemId)}?${select}`
      : address.kind === "onedrive-path"
        ? address.path === "/"
          ? `/me/drive/root?${select}`
          : `/me/drive/root:${address.path.split("/").map(encodeURIComponent).join("/")}:?${select}`
        : `/shares/u!${toBase64Url(address.url)}/driveItem?${select}`;
  let item: DriveItem;
  try {
    // A link the officer has not opened must be redeemed to be read ("Prefer: redeemSharingLink", shares-get).
    item = await graphGet<DriveItem>(
      connection,
      path,
      address.kind === "sharing-link" ? { Prefer: "redeemSharingLink" } : {},
    );
    // A shortcut ("Add to My files") is an item with remoteItem: the folder is the remote one.
    const remote = item.remoteItem;
    if (!item.folder && remote?.folder && remote.parentReference?.driveId)
      item = await graphGet<DriveItem>(
        connection,
        `/drives/${encodeURIComponent(remote.parentReference.driveId)}/items/${encodeURIComponent(remote.id)}?${select}`,
      );
  } catch (error) {
    throw addressUsageError(error as GraphRequestError, describeAddress(address), access);
  }
  if (!item.folder)
    throw new UsageError({
      vi: `${describeAddress(address)} là một tệp, không phải thư mục`,
      en: `${describeAddress(address)} is not a folder`,
    });
  const driveId =
    item.parentReference?.driveId ?? (address.kind === "onedrive-item" ? address.driveId : null);
  if (!driveId)
    throw new GraphRequestError(
      null,
      null,
      null,
      path,
      "the service did not say which drive holds the folder",
    );
  return { item, driveId };
}
