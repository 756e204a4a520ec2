import { UsageError } from "../errors";
import { createLocalFolderSource } from "./local-folder";
import type { SubmissionSource } from "./types";

/** What `--source` names, told apart by its form. */
export type SourceAddress =
  | { readonly kind: "local"; readonly path: string }
  | { readonly kind: "onedrive-item"; readonly driveId: string; readonly itemId: string }
  | { readonly kind: "onedrive-path"; readonly path: string }
  | { readonly kind: "sharing-link"; readonly url: string };

/**
 * `onedrive:<drive-id>/<item-id>`, `onedrive:/path/in/my/drive`, a sharing link `https://…`, or
 * else a local folder (a Windows path such as `D:/OneDrive/x` is local: its prefix is one letter).
 */
export function parseSourceAddress(text: string): SourceAddress {
  if (/^onedrive:/i.test(text)) {
    const rest = text.slice("onedrive:".length);
    if (rest.startsWith("/")) {
      const path = rest.replace(/\/+$/, "");
      return { kind: "onedrive-path", path: path === "" ? "/" : path };
    }
    const match = /^([^/\s]+)\/([^/\s]+)\/?$/.exec(rest);
    if (!match)
      throw new UsageError({
        vi: `nguồn OneDrive "${text}" không đúng dạng onedrive:<drive-id>/<item-id> hoặc onedrive:/đường/dẫn`,
        en: `OneDrive source "${text}" is not onedrive:<drive-id>/<item-id> or onedrive:/path`,
      });
    return { kind: "onedrive-item", driveId: match[1] as string, itemId: match[2] as string };
  }
  if (/^https:\/\//i.test(text)) return { kind: "sharing-link", url: text };
  if (/^http:\/\//i.test(text))
    throw new UsageError({
      vi: `liên kết chia sẻ phải bắt đầu bằng https://, không phải "${text}"`,
      en: `a sharing link must start with https://, not "${text}"`,
    });
  return { kind: "local", path: text };
}

export interface OpenSourceOptions {
  /** Local files never to read as submissions (the registry, the outputs). */
  readonly exclude?: readonly string[];
  /** Opens a OneDrive source; loaded only when one is asked for (the Graph SDK costs start-up time). */
  readonly openRemote?: (address: Exclude<SourceAddress, { kind: "local" }>) => Promise<SubmissionSource>;
}

/** The source `--source` names. */
export async function openSource(text: string, options: OpenSourceOptions = {}): Promise<SubmissionSource> {
  const address = parseSourceAddress(text);
  if (address.kind === "local")
    return createLocalFolderSource(address.path, options.exclude ? { exclude: options.exclude } : {});
  if (!options.openRemote)
    throw new UsageError({
      vi: `không mở được nguồn OneDrive ${text} trong lệnh này`,
      en: `a OneDrive source (${text}) cannot be used here`,
    });
  return options.openRemote(address);
}
