import type { Inflate } from "./inflate";
import { findOfficeDocumentPart } from "./sheetml/read-package";
import { decodeUtf16 } from "./text";
import { openZipParts } from "./zip-parts";

/** Why a submitted file cannot be read as a workbook; each has its own message. */
export type FileRejectionCode =
  | "FILE_EMPTY"
  | "FILE_NOT_ZIP"
  | "FILE_LEGACY_XLS"
  | "FILE_ENCRYPTED"
  | "FILE_TRUNCATED"
  | "FILE_ZIP_BOMB"
  | "FILE_NOT_WORKBOOK";

/** Bounds on what the zip's central directory may declare. */
export interface InspectLimits {
  /** Sum of the entries' declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Number of entries in the central directory. */
  maxEntries: number;
}

/** 50 MiB declared uncompressed in total, 2,000 entries. */
export const DEFAULT_INSPECT_LIMITS: InspectLimits = Object.freeze({
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 2000,
});

/** Where an entry's data lies in the zip, as its central directory says. */
export interface ZipEntryLocation {
  readonly localHeaderOffset: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly compressionMethod: number;
}

export type FileInspection =
  | {
      ok: true;
      entries: number;
      uncompressedBytes: number;
      locations: ReadonlyMap<string, ZipEntryLocation>;
      /** The workbook part, as _rels/.rels names it ("xl/workbook.xml" in every Excel file). */
      workbookPart: string;
    }
  | { ok: false; code: FileRejectionCode; params: Record<string, string | number> };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06] as const;

const OLE_HEADER_BYTES = 512;
const OLE_DIRECTORY_ENTRY_BYTES = 128;
const OLE_STREAM_OBJECT = 2;
const OLE_ENCRYPTION_STREAMS = ["EncryptedPackage", "EncryptionInfo"] as const;

const ZIP_LOCAL_HEADER_FIXED_BYTES = 30;
const DEFAULT_WORKBOOK_PART = "xl/workbook.xml";
const SNIFF_BYTES = 4096;

/**
 * Checks a submitted file's bytes before anything inflates them. Reads only magic bytes and,
 * for zips, the central directory (nothing is inflated), so it costs milliseconds and is
 * bounded by `limits.maxEntries`. With `inflate`, the package relationships (_rels/.rels, a few
 * hundred bytes) are read to find the workbook part wherever it is named; without, it must be
 * xl/workbook.xml. Resolves with a rejection code for bad input; never rejects for it.
 */
export async function inspectWorkbookBytes(
  bytes: Uint8Array,
  limits: InspectLimits = DEFAULT_INSPECT_LIMITS,
  inflate?: Inflate,
): Promise<FileInspection> {
  if (bytes.byteLength === 0) return buildRejection("FILE_EMPTY");
  if (startsWithBytes(bytes, OLE_MAGIC)) {
    return hasOleEncryptionStream(bytes)
      ? buildRejection("FILE_ENCRYPTED")
      : buildRejection("FILE_LEGACY_XLS");
  }
  if (!startsWithBytes(bytes, ZIP_LOCAL_HEADER) && !startsWithBytes(bytes, ZIP_EMPTY_ARCHIVE)) {
    return buildRejection("FILE_NOT_ZIP", { detected: detectNonZipKind(bytes) });
  }

  const listing = listZipEntries(bytes, limits.maxEntries);
  switch (listing.kind) {
    case "unreadable":
      return buildRejection("FILE_TRUNCATED");
    case "too-many-entries":
      return buildRejection("FILE_ZIP_BOMB", { entries: listing.entries, limitEntries: limits.maxEntries });
    case "listed":
      // Limits first: nothing is inflated, not even _rels/.rels, for a file past them.
      return classifyZipListing(listing, limits, () => findWorkbookPart(bytes, listing.locations, inflate));
  }
}

type ZipListing =
  | { kind: "unreadable" }
  | { kind: "too-many-entries"; entries: number }
  | {
      kind: "listed";
      /** The first bytes of the file, as latin1 text. */
      head: string;
      locations: ReadonlyMap<string, ZipEntryLocation>;
      entries: number;
      uncompressedBytes: number;
      hasEncryptedEntry: boolean;
      hasDataPastEnd: boolean;
    };

/**
 * The part _rels/.rels names as the office document, when it is listed; else xl/workbook.xml.
 * A damaged _rels/.rels is left for the reader to report: Excel itself falls back the same way.
 */
function findWorkbookPart(
  bytes: Uint8Array,
  locations: ReadonlyMap<string, ZipEntryLocation>,
  inflate: Inflate | undefined,
): string {
  if (inflate === undefined || !locations.has(PACKAGE_RELATIONSHIPS)) return DEFAULT_WORKBOOK_PART;
  try {
    return findOfficeDocumentPart(openZipParts(bytes, locations, inflate)) ?? DEFAULT_WORKBOOK_PART;
  } catch {
    return DEFAULT_WORKBOOK_PART;
  }
}

const PACKAGE_RELATIONSHIPS = "_rels/.rels";

/** Part names match ignoring case, as the reader opens them (zip-parts.ts). */
function hasPart(locations: ReadonlyMap<string, unknown>, name: string): boolean {
  if (locations.has(name)) return true;
  const lower = name.toLowerCase();
  for (const candidate of locations.keys()) if (candidate.toLowerCase() === lower) return true;
  return false;
}

function classifyZipListing(
  listing: Extract<ZipListing, { kind: "listed" }>,
  limits: InspectLimits,
  findWorkbook: () => string,
): FileInspection {
  // The central directory survived but points past the end: the middle of the file is missing.
  if (listing.hasDataPastEnd) return buildRejection("FILE_TRUNCATED");
  if (listing.uncompressedBytes > limits.maxUncompressedBytes) {
    return buildRejection("FILE_ZIP_BOMB", {
      declaredBytes: listing.uncompressedBytes,
      limitBytes: limits.maxUncompressedBytes,
      declaredMegabytes: toMegabytes(listing.uncompressedBytes),
      limitMegabytes: toMegabytes(limits.maxUncompressedBytes),
    });
  }
  // A workbook zipped again with a password (7-Zip, WinRAR): nothing here decrypts it.
  if (listing.hasEncryptedEntry) return buildRejection("FILE_ENCRYPTED");
  const workbookPart = findWorkbook();
  // xl/workbook.bin (xlsb) is named by _rels/.rels too, but holds no XML to read.
  if (!workbookPart.toLowerCase().endsWith(".xml") || !hasPart(listing.locations, workbookPart)) {
    return buildRejection("FILE_NOT_WORKBOOK", {
      detected: detectOfficeKind(listing.locations, listing.head),
    });
  }
  return {
    ok: true,
    entries: listing.entries,
    uncompressedBytes: listing.uncompressedBytes,
    locations: listing.locations,
    workbookPart,
  };
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_RECORD = 0x06064b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;
const ZIP64_LOCATOR_BYTES = 20;
const ZIP64_END_RECORD_BYTES = 56;
const CENTRAL_ENTRY_FIXED_BYTES = 46;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_EXTRA_FIELD = 0x0001;
const FLAG_ENCRYPTED = 0x1;
const FLAG_STRONG_ENCRYPTION = 0x40;
const SIZE_IN_ZIP64_FIELD = 0xffffffff;

/** Thrown inside the listing only; any such fault makes the file unreadable as a zip. */
class ZipDirectoryFault extends Error {}

function readUint64(view: DataView, offset: number): number {
  // Offsets and sizes past 2^53 cannot be in a file held in memory; they fail the bounds checks.
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 0x1_0000_0000;
}

/** The end record: the last "PK\5\6" whose comment runs exactly to the end of the file. */
function findEndRecord(view: DataView): number {
  const searchFrom = Math.max(
    0,
    view.byteLength - END_RECORD_BYTES - MAX_COMMENT_BYTES - ZIP64_LOCATOR_BYTES,
  );
  for (let offset = view.byteLength - END_RECORD_BYTES; offset >= searchFrom; offset -= 1) {
    if (view.getUint32(offset, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    // Bytes after the comment mean the file was appended to or cut; yauzl and Excel refuse it too.
    if (view.getUint16(offset + 20, true) !== view.byteLength - offset - END_RECORD_BYTES)
      throw new ZipDirectoryFault("comment length does not reach the end");
    return offset;
  }
  throw new ZipDirectoryFault("no end of central directory record");
}

interface DirectoryLocation {
  readonly entryCount: number;
  readonly offset: number;
}

function locateCentralDirectory(view: DataView, endRecord: number): DirectoryLocation {
  if (view.getUint16(endRecord + 4, true) !== 0) throw new ZipDirectoryFault("multi-disk zip");
  const locator = endRecord - ZIP64_LOCATOR_BYTES;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_END_LOCATOR) {
    const record = readUint64(view, locator + 8);
    if (record + ZIP64_END_RECORD_BYTES > view.byteLength)
      throw new ZipDirectoryFault("zip64 record past the end");
    if (view.getUint32(record, true) !== ZIP64_END_RECORD) throw new ZipDirectoryFault("bad zip64 record");
    if (view.getUint32(record + 16, true) !== 0) throw new ZipDirectoryFault("multi-disk zip");
    return { entryCount: readUint64(view, record + 32), offset: readUint64(view, record + 48) };
  }
  return { entryCount: view.getUint16(endRecord + 10, true), offset: view.getUint32(endRecord + 16, true) };
}

interface Zip64Sizes {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Replaces the sizes and offset saturated at 0xFFFFFFFF with the zip64 extra field's, in its order. */
function applyZip64Field(view: DataView, start: number, end: number, sizes: Zip64Sizes): void {
  let offset = start;
  while (offset < end) {
    if (offset + 4 > end) throw new ZipDirectoryFault("extra field header cut");
    const id = view.getUint16(offset, true);
    const size = view.getUint16(offset + 2, true);
    const dataStart = offset + 4;
    if (dataStart + size > end) throw new ZipDirectoryFault("extra field past its area");
    if (id === ZIP64_EXTRA_FIELD) {
      let cursor = dataStart;
      for (const key of ["uncompressedSize", "compressedSize", "localHeaderOffset"] as const) {
        if (sizes[key] !== SIZE_IN_ZIP64_FIELD) continue;
        if (cursor + 8 > dataStart + size) throw new ZipDirectoryFault(`zip64 field lacks ${key}`);
        sizes[key] = readUint64(view, cursor);
        cursor += 8;
      }
      return;
    }
    offset = dataStart + size;
  }
}

/**
 * Lists the zip's central directory through a DataView: names, declared sizes and where each
 * entry's data lies, nothing inflated. The checks are those of yauzl (which needs Node's Buffer),
 * which this replaced: end record with a comment reaching the end, zip64 records, one disk,
 * no strong encryption, stored entries of equal sizes, every record inside the file.
 */
function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipListing {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (bytes.byteLength < END_RECORD_BYTES) return { kind: "unreadable" };
    const directory = locateCentralDirectory(view, findEndRecord(view));
    // Decided from the end record alone, so a directory declaring millions of entries costs nothing.
    if (directory.entryCount > maxEntries) return { kind: "too-many-entries", entries: directory.entryCount };

    const locations = new Map<string, ZipEntryLocation>();
    let uncompressedBytes = 0;
    let hasEncryptedEntry = false;
    let hasDataPastEnd = false;
    let cursor = directory.offset;
    for (let index = 0; index < directory.entryCount; index += 1) {
      if (cursor + CENTRAL_ENTRY_FIXED_BYTES > bytes.byteLength) throw new ZipDirectoryFault("directory cut");
      if (view.getUint32(cursor, true) !== CENTRAL_DIRECTORY_ENTRY) throw new ZipDirectoryFault("bad entry");
      const flags = view.getUint16(cursor + 8, true);
      if (flags & FLAG_STRONG_ENCRYPTION) throw new ZipDirectoryFault("strong encryption");
      const compressionMethod = view.getUint16(cursor + 10, true);
      const nameLength = view.getUint16(cursor + 28, true);
      const extraLength = view.getUint16(cursor + 30, true);
      const commentLength = view.getUint16(cursor + 32, true);
      const sizes: Zip64Sizes = {
        compressedSize: view.getUint32(cursor + 20, true),
        uncompressedSize: view.getUint32(cursor + 24, true),
        localHeaderOffset: view.getUint32(cursor + 42, true),
      };
      const nameStart = cursor + CENTRAL_ENTRY_FIXED_BYTES;
      const extraStart = nameStart + nameLength;
      const next = extraStart + extraLength + commentLength;
      if (next > bytes.byteLength) throw new ZipDirectoryFault("entry past the end");
      applyZip64Field(view, extraStart, extraStart + extraLength, sizes);
      const isEncrypted = (flags & FLAG_ENCRYPTED) !== 0;
      // A stored entry's sizes must agree (plus the 12-byte header of traditional encryption).
      if (compressionMethod === 0 && sizes.compressedSize !== sizes.uncompressedSize + (isEncrypted ? 12 : 0))
        throw new ZipDirectoryFault("stored entry sizes disagree");

      const name = decodeEntryName(bytes.subarray(nameStart, extraStart));
      locations.set(name, { ...sizes, compressionMethod });
      // Only the parts the reader inflates count: a large picture in a valid workbook is never opened.
      if (isInflatedPart(name)) uncompressedBytes += sizes.uncompressedSize;
      hasEncryptedEntry ||= isEncrypted;
      const dataEnd =
        sizes.localHeaderOffset + ZIP_LOCAL_HEADER_FIXED_BYTES + nameLength + sizes.compressedSize;
      hasDataPastEnd ||= dataEnd > bytes.byteLength;
      cursor = next;
    }
    return {
      kind: "listed",
      head: latin1(bytes.subarray(0, ODF_MIME_BYTES)),
      locations,
      entries: directory.entryCount,
      uncompressedBytes,
      hasEncryptedEntry,
      hasDataPastEnd,
    };
  } catch (error) {
    if (error instanceof ZipDirectoryFault || error instanceof RangeError) return { kind: "unreadable" };
    throw error;
  }
}

// WHATWG's "latin1" is windows-1252: the same as ISO-8859-1 outside 0x80–0x9F, where it gives
// printable characters for C1 controls. Names compared are ASCII, and the sniffing counts only
// C0 controls, so the difference never matters here; a decoder is many times faster than a loop.
const latin1Decoder = new TextDecoder("latin1");

function latin1(bytes: Uint8Array): string {
  return latin1Decoder.decode(bytes);
}

function toMegabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/** XML parts and relationships: what the SheetML reader may inflate. Media, printer settings and binaries are not. */
function isInflatedPart(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(".xml") || lower.endsWith(".rels");
}

function decodeEntryName(raw: Uint8Array): string {
  // Names are UTF-8 or CP437; OOXML part names are ASCII (non-ASCII is percent-encoded), alike in both.
  // Some Windows tools write "xl\worksheets\sheet1.xml"; the zip format and OOXML mean "/".
  const name = latin1(raw).replaceAll("\\", "/");
  // Readers strip one leading slash before matching part names; do the same.
  return name.startsWith("/") ? name.slice(1) : name;
}

const ODF_MIME_BYTES = 120;

/**
 * What a zip that is not an xlsx workbook is, so the message can say how to fix it: LibreOffice
 * saves .ods by default, and Excel offers the binary .xlsb. An OpenDocument package starts with its
 * stored `mimetype` entry, so its type is readable in the first bytes.
 */
function detectOfficeKind(
  names: ReadonlyMap<string, unknown>,
  head: string,
): "docx" | "pptx" | "xlsb" | "ods" | "odt" | "zip" {
  if (names.has("word/document.xml")) return "docx";
  if (names.has("ppt/presentation.xml")) return "pptx";
  if (names.has("xl/workbook.bin")) return "xlsb";
  if (names.has("mimetype") && head.includes("opendocument.spreadsheet")) return "ods";
  if (names.has("mimetype") && head.includes("opendocument.text")) return "odt";
  return "zip";
}

/*
 * An encrypted OOXML package is a CFB (OLE) file whose root holds the streams EncryptionInfo
 * and EncryptedPackage; a .xls holds Workbook/Book instead. Rather than walk the FAT chain to
 * the directory, we look for the stream name where a directory entry can start: entries are
 * 128 bytes, sectors (512 or 4096 bytes) follow a 512-byte header, so every entry begins on a
 * 128-byte boundary, with its UTF-16LE name, then the name's byte length at +64 and the object
 * type at +66. Cell data matching all three at such a boundary is far-fetched, and a miss would
 * only swap one rejection for the other.
 */
function hasOleEncryptionStream(bytes: Uint8Array): boolean {
  return OLE_ENCRYPTION_STREAMS.some((name) => hasOleStreamNamed(bytes, name));
}

function hasOleStreamNamed(bytes: Uint8Array, name: string): boolean {
  const encodedName = encodeUtf16le(name);
  const nameLengthWithTerminator = encodedName.byteLength + 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (
    let offset = OLE_HEADER_BYTES;
    offset + OLE_DIRECTORY_ENTRY_BYTES <= bytes.byteLength;
    offset += OLE_DIRECTORY_ENTRY_BYTES
  ) {
    if (view.getUint16(offset + 64, true) !== nameLengthWithTerminator) continue;
    if (view.getUint8(offset + 66) !== OLE_STREAM_OBJECT) continue;
    if (startsWithBytes(bytes.subarray(offset), encodedName)) return true;
  }
  return false;
}

function detectNonZipKind(bytes: Uint8Array): "pdf" | "text" | "html" | "unknown" {
  const head = bytes.subarray(0, SNIFF_BYTES);
  // Readers accept "%PDF-" anywhere in the first KiB, after junk some generators prepend.
  if (latin1(head.subarray(0, 1024)).includes("%PDF-")) return "pdf";
  const text = decodeTextSample(head);
  if (text === undefined) return "unknown";
  return looksLikeHtml(text) ? "html" : "text";
}

/** Returns the sample as a string if it reads as text in some encoding, else undefined. */
function decodeTextSample(head: Uint8Array): string | undefined {
  const text = decodeWithBom(head);
  return isMostlyPrintable(text) ? text : undefined;
}

function decodeWithBom(sample: Uint8Array): string {
  // Excel's "Unicode Text" export is UTF-16LE with a BOM; without a BOM we only meet byte encodings.
  if (sample[0] === 0xff && sample[1] === 0xfe) return decodeUtf16(sample.subarray(2), "le");
  if (sample[0] === 0xfe && sample[1] === 0xff) return decodeUtf16(sample.subarray(2), "be");
  const body = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? sample.subarray(3) : sample;
  // latin1 never fails, so UTF-8 and legacy 8-bit encodings (Windows-1258, TCVN3) all read as text;
  // markup and controls are ASCII in each of them.
  return latin1(body);
}

function encodeUtf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes[2 * i] = code & 0xff;
    bytes[2 * i + 1] = code >> 8;
  }
  return bytes;
}

function isMostlyPrintable(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return false;
    // Tab, LF, FF, CR and DOS's end-of-file mark occur in real text files.
    const isAllowedControl =
      code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x1a;
    if ((code < 0x20 && !isAllowedControl) || code === 0x7f) controls += 1;
  }
  return controls * 100 <= text.length;
}

function looksLikeHtml(text: string): boolean {
  if (/<!doctype\s+html|<html[\s>]/i.test(text)) return true;
  // Web exports saved as .xls often start straight with a table; XML (SpreadsheetML 2003) starts with "<?xml".
  return /^\s*<(table|body|head|meta)[\s>]/i.test(text);
}

function startsWithBytes(bytes: Uint8Array, prefix: ArrayLike<number>): boolean {
  if (bytes.byteLength < prefix.length) return false;
  for (let i = 0; i < prefix.length; i += 1) {
    if (bytes[i] !== prefix[i]) return false;
  }
  return true;
}

function buildRejection(
  code: FileRejectionCode,
  params: Record<string, string | number> = {},
): FileInspection {
  return { ok: false, code, params };
}
