import { inflateRawSync } from "node:zlib";
import type { PackageParts } from "./sheetml/read-package";
import type { ZipEntryLocation } from "./inspect-file";

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

function decodePartText(data: Buffer): string {
  // Parts are UTF-8 (Excel, LibreOffice); UTF-16 is allowed by XML and marked by its BOM.
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString("utf16le");
  return data.toString("utf8");
}

/**
 * The parts of a zip already listed by inspectWorkbookBytes, inflated one at a time on demand
 * with Node's zlib. Inflating stops at the declared size, so the zip-bomb limit checked on the
 * central directory holds for the data too. Part names are matched exactly, then ignoring case.
 */
export function openZipParts(
  bytes: Uint8Array,
  locations: ReadonlyMap<string, ZipEntryLocation>,
): PackageParts {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Built only when a name misses: Excel, LibreOffice and exceljs all name parts exactly.
  let lowerCaseNames: Map<string, string> | null = null;
  const findIgnoringCase = (path: string): string | undefined => {
    lowerCaseNames ??= new Map([...locations.keys()].map((name) => [name.toLowerCase(), name]));
    return lowerCaseNames.get(path.toLowerCase());
  };

  function inflate(part: string, location: ZipEntryLocation): Buffer {
    const header = location.localHeaderOffset;
    if (
      header + LOCAL_HEADER_FIXED_BYTES > buffer.byteLength ||
      buffer.readUInt32LE(header) !== LOCAL_HEADER_SIGNATURE
    ) {
      throw new ZipEntryError(part, "local header not found");
    }
    const dataStart =
      header + LOCAL_HEADER_FIXED_BYTES + buffer.readUInt16LE(header + 26) + buffer.readUInt16LE(header + 28);
    const dataEnd = dataStart + location.compressedSize;
    if (dataEnd > buffer.byteLength) throw new ZipEntryError(part, "data runs past the end of the file");
    const compressed = buffer.subarray(dataStart, dataEnd);
    let data: Buffer;
    if (location.compressionMethod === METHOD_STORED) data = compressed;
    else if (location.compressionMethod === METHOD_DEFLATED) {
      try {
        data = inflateRawSync(compressed, { maxOutputLength: Math.max(location.uncompressedSize, 1) });
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
      return decodePartText(inflate(name, location));
    },
  };
}
