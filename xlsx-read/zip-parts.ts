import type { Inflate } from "./inflate";
import type { ZipEntryLocation } from "./inspect-file";
import type { PackageParts } from "./sheetml/read-package";
import { decodePartText } from "./text";

/** A zip entry whose data does not match what the central directory declared. */
export class ZipEntryError extends Error {
  constructor(
    readonly part: string,
    message: string,
    options?: { cause: unknown },
  ) {
    super(`${part}: ${message}`, options);
    this.name = "ZipEntryError";
  }
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_FIXED_BYTES = 30;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;

/**
 * The parts of a zip already listed by inspectWorkbookBytes, inflated one at a time on demand
 * with the injected `inflate` (node:zlib in the CLI, fflate in the browser). Inflating stops at the
 * declared size, so the zip-bomb limit checked on the central directory holds for the data too.
 * Part names are matched exactly, then ignoring case.
 */
export function openZipParts(
  bytes: Uint8Array,
  locations: ReadonlyMap<string, ZipEntryLocation>,
  inflate: Inflate,
): PackageParts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Built only when a name misses: Excel, LibreOffice and exceljs all name parts exactly.
  let lowerCaseNames: Map<string, string> | null = null;
  const findIgnoringCase = (path: string): string | undefined => {
    lowerCaseNames ??= new Map([...locations.keys()].map((name) => [name.toLowerCase(), name]));
    return lowerCaseNames.get(path.toLowerCase());
  };

  function readEntry(part: string, location: ZipEntryLocation): Uint8Array {
    const header = location.localHeaderOffset;
    if (
      header + LOCAL_HEADER_FIXED_BYTES > bytes.byteLength ||
      view.getUint32(header, true) !== LOCAL_HEADER_SIGNATURE
    ) {
      throw new ZipEntryError(part, "local header not found");
    }
    const dataStart =
      header +
      LOCAL_HEADER_FIXED_BYTES +
      view.getUint16(header + 26, true) +
      view.getUint16(header + 28, true);
    const dataEnd = dataStart + location.compressedSize;
    if (dataEnd > bytes.byteLength) throw new ZipEntryError(part, "data runs past the end of the file");
    const compressed = bytes.subarray(dataStart, dataEnd);
    let data: Uint8Array;
    if (location.compressionMethod === METHOD_STORED) data = compressed;
    else if (location.compressionMethod === METHOD_DEFLATED) {
      try {
        data = inflate(compressed, location.uncompressedSize);
      } catch (error) {
        throw new ZipEntryError(part, "data cannot be inflated", { cause: error });
      }
    } else throw new ZipEntryError(part, `compression method ${location.compressionMethod} is not supported`);
    if (data.byteLength !== location.uncompressedSize)
      throw new ZipEntryError(part, `holds ${data.byteLength} bytes, ${location.uncompressedSize} declared`);
    return data;
  }

  return {
    text(path: string): string | null {
      const name = locations.has(path) ? path : findIgnoringCase(path);
      const location = name === undefined ? undefined : locations.get(name);
      if (name === undefined || location === undefined) return null;
      return decodePartText(readEntry(name, location));
    },
  };
}
