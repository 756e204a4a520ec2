import { mkdir, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UsageError } from "../errors";

/**
 * Codes that mean an output cannot be written where the user asked (a read-only place, a file
 * in the way, no right, no room): a one-line usage error, not a crash. ENOENT is among them
 * because makeOutputFolder has already created every folder that could be created.
 */
const UNWRITABLE_CODES: ReadonlySet<string> = new Set([
  "EACCES",
  "EROFS",
  "ENOTDIR",
  "EEXIST",
  "EPERM",
  "EISDIR",
  "ENOSPC",
  "ENOENT",
]);

export function isUnwritableError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && UNWRITABLE_CODES.has(code);
}

/** The error to report for a failed write of `path`: a UsageError when the place is at fault. */
export function toOutputError(path: string, error: unknown): unknown {
  if (!isUnwritableError(error)) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reason =
    {
      EACCES: "không có quyền ghi",
      EPERM: "không có quyền ghi",
      EROFS: "ổ đĩa chỉ cho đọc",
      ENOSPC: "ổ đĩa đã đầy",
      EISDIR: "đó là một thư mục",
      ENOTDIR: "một phần đường dẫn là tệp, không phải thư mục",
    }[code] ?? code;
  return new UsageError(
    { vi: `không ghi được ${path} (${reason})`, en: `cannot write ${path}: ${code}` },
    { cause: error },
  );
}

/**
 * Creates `folder` and its missing parents, one level at a time. Not `mkdir({ recursive: true })`:
 * on Node 20 that never settles under some pseudo-filesystems (/proc/x/y loops forever).
 */
export async function makeOutputFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(folder); ; current = dirname(current)) {
    try {
      if (!(await stat(current)).isDirectory())
        throw Object.assign(new Error(`${current} is not a folder`), { code: "ENOTDIR" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(current);
      if (dirname(current) === current) break;
    }
  }
  for (const level of missing.reverse()) {
    await mkdir(level).catch((error: unknown) => {
      // Another process may have made it in the meantime.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    });
  }
}
