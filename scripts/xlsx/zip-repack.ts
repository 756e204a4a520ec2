import { deflateRawSync } from "node:zlib";
import type { Workbook } from "exceljs";

/**
 * Re-packs a zip written by exceljs: entries it stored uncompressed (STORE) are deflated with the
 * native zlib, and every entry gets a fixed date. exceljs deflates in JavaScript, which costs more
 * than half of the time to write a filled template; zlib does it for a fraction. JSZip dates each
 * entry with the current time: the fixed date makes the same workbook give the same bytes from
 * run to run (the same sha256 in the consolidation).
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_BYTES = 22;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const FLAG_DATA_DESCRIPTOR = 0x0008;
/** 2026-01-01 00:00 in MS-DOS date and time fields, like the workbook's own created date. */
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** Fast deflate: a third of the default level's time for files about 15% larger. */
const DEFLATE_LEVEL = 1;

interface ZipEntry {
  readonly name: Buffer;
  readonly flags: number;
  readonly crc: number;
  readonly method: number;
  readonly compressed: Buffer;
  readonly uncompressedSize: number;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (
    let offset = zip.length - EOCD_MIN_BYTES;
    offset >= Math.max(0, zip.length - EOCD_MIN_BYTES - 0xffff);
    offset -= 1
  ) {
    if (zip.readUInt32LE(offset) === EOCD_SIGNATURE) return offset;
  }
  throw new Error("not a zip: no end of central directory");
}

function readEntries(zip: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error("zip central directory is damaged");
    const flags = zip.readUInt16LE(offset + 8);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const uncompressedSize = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength);
    if (zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw new Error("zip local header is damaged");
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    entries.push({
      name,
      flags,
      crc,
      method,
      compressed: zip.subarray(dataStart, dataStart + compressedSize),
      uncompressedSize,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The same archive with every stored entry deflated, no data descriptors and a fixed date. */
export function repackZip(stored: Uint8Array): Buffer {
  const zip = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of readEntries(zip)) {
    const body =
      entry.method === METHOD_STORE
        ? deflateRawSync(entry.compressed, { level: DEFLATE_LEVEL })
        : entry.compressed;
    const method = entry.method === METHOD_STORE ? METHOD_DEFLATE : entry.method;
    const flags = entry.flags & ~FLAG_DATA_DESCRIPTOR;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(body.byteLength, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(entry.name.byteLength, 26);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(body.byteLength, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(entry.name.byteLength, 28);
    central.writeUInt32LE(offset, 42);

    locals.push(local, entry.name, body);
    centrals.push(central, entry.name);
    offset += local.byteLength + entry.name.byteLength + body.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(EOCD_MIN_BYTES);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The workbook's bytes: stored by exceljs, deflated by zlib, with fixed entry dates (see above). */
export async function writeWorkbookBytes(workbook: Workbook): Promise<Buffer> {
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return repackZip(stored as unknown as Uint8Array);
}
