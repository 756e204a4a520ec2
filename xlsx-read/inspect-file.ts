import { fromBuffer, type Entry, type ZipFile } from "yauzl";

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
  | { ok: true; entries: number; uncompressedBytes: number; locations: ReadonlyMap<string, ZipEntryLocation> }
  | { ok: false; code: FileRejectionCode; params: Record<string, string | number> };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06] as const;

const OLE_HEADER_BYTES = 512;
const OLE_DIRECTORY_ENTRY_BYTES = 128;
const OLE_STREAM_OBJECT = 2;
const OLE_ENCRYPTION_STREAMS = ["EncryptedPackage", "EncryptionInfo"] as const;

const ZIP_LOCAL_HEADER_FIXED_BYTES = 30;
const WORKBOOK_PART = "xl/workbook.xml";
const SNIFF_BYTES = 4096;

/**
 * Checks a submitted file's bytes before anything inflates them. Reads only magic bytes and,
 * for zips, the central directory (nothing is inflated), so it costs milliseconds and is
 * bounded by `limits.maxEntries`. Resolves with a rejection code for bad input; never
 * rejects for it.
 */
export async function inspectWorkbookBytes(
  bytes: Uint8Array,
  limits: InspectLimits = DEFAULT_INSPECT_LIMITS,
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

  const listing = await listZipEntries(bytes, limits.maxEntries);
  switch (listing.kind) {
    case "unreadable":
      return buildRejection("FILE_TRUNCATED");
    case "too-many-entries":
      return buildRejection("FILE_ZIP_BOMB", { entries: listing.entries, limitEntries: limits.maxEntries });
    case "listed":
      return classifyZipListing(listing, limits);
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

function classifyZipListing(
  listing: Extract<ZipListing, { kind: "listed" }>,
  limits: InspectLimits,
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
  if (!listing.locations.has(WORKBOOK_PART)) {
    return buildRejection("FILE_NOT_WORKBOOK", {
      detected: detectOfficeKind(listing.locations, listing.head),
    });
  }
  return {
    ok: true,
    entries: listing.entries,
    uncompressedBytes: listing.uncompressedBytes,
    locations: listing.locations,
  };
}

function listZipEntries(bytes: Uint8Array, maxEntries: number): Promise<ZipListing> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise<ZipListing>((resolve) => {
    let settled = false;
    const settle = (listing: ZipListing, zipfile?: ZipFile): void => {
      if (settled) return;
      settled = true;
      zipfile?.close();
      resolve(listing);
    };
    // decodeStrings: false because yauzl rejects names Excel and exceljs accept ("/xl/workbook.xml");
    // we only compare names against ASCII part names.
    const options = { lazyEntries: true, validateEntrySizes: true, decodeStrings: false };
    try {
      fromBuffer(buffer, options, (openError, zipfile) => {
        if (openError !== null) return settle({ kind: "unreadable" });
        // Decided from the end record alone, so a directory declaring millions of entries costs nothing.
        if (zipfile.entryCount > maxEntries)
          return settle({ kind: "too-many-entries", entries: zipfile.entryCount }, zipfile);

        const locations = new Map<string, ZipEntryLocation>();
        let uncompressedBytes = 0;
        let hasEncryptedEntry = false;
        let hasDataPastEnd = false;
        zipfile.on("entry", (entry: Entry) => {
          const name = decodeEntryName(entry);
          locations.set(name, {
            localHeaderOffset: entry.relativeOffsetOfLocalHeader,
            compressedSize: entry.compressedSize,
            uncompressedSize: entry.uncompressedSize,
            compressionMethod: entry.compressionMethod,
          });
          // Only the parts the reader inflates count: a large picture in a valid workbook is never opened.
          if (isInflatedPart(name)) uncompressedBytes += entry.uncompressedSize;
          hasEncryptedEntry ||= entry.isEncrypted();
          const dataEnd =
            entry.relativeOffsetOfLocalHeader +
            ZIP_LOCAL_HEADER_FIXED_BYTES +
            entry.fileNameLength +
            entry.compressedSize;
          hasDataPastEnd ||= dataEnd > buffer.byteLength;
          zipfile.readEntry();
        });
        zipfile.on("end", () =>
          settle(
            {
              kind: "listed",
              head: buffer.subarray(0, ODF_MIME_BYTES).toString("latin1"),
              locations,
              entries: zipfile.entryCount,
              uncompressedBytes,
              hasEncryptedEntry,
              hasDataPastEnd,
            },
            zipfile,
          ),
        );
        zipfile.on("error", () => settle({ kind: "unreadable" }, zipfile));
        zipfile.readEntry();
      });
    } catch {
      // yauzl throws synchronously only for sizes a Buffer cannot have; treat as unreadable all the same.
      settle({ kind: "unreadable" });
    }
  });
}

function toMegabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/** XML parts and relationships: what the SheetML reader may inflate. Media, printer settings and binaries are not. */
function isInflatedPart(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(".xml") || lower.endsWith(".rels");
}

function decodeEntryName(entry: Entry): string {
  // Names are UTF-8 or CP437; OOXML part names are ASCII (non-ASCII is percent-encoded), alike in both.
  // Some Windows tools write "xl\worksheets\sheet1.xml"; the zip format and OOXML mean "/".
  const name = entry.fileNameRaw.toString("latin1").replaceAll("\\", "/");
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
  const encodedName = Buffer.from(name, "utf16le");
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
  if (
    Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024)).includes("%PDF-", 0, "latin1")
  )
    return "pdf";
  const text = decodeTextSample(head);
  if (text === undefined) return "unknown";
  return looksLikeHtml(text) ? "html" : "text";
}

/** Returns the sample as a string if it reads as text in some encoding, else undefined. */
function decodeTextSample(head: Uint8Array): string | undefined {
  const sample = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const text = decodeWithBom(sample);
  return isMostlyPrintable(text) ? text : undefined;
}

function decodeWithBom(sample: Buffer): string {
  // Excel's "Unicode Text" export is UTF-16LE with a BOM; without a BOM we only meet byte encodings.
  if (sample[0] === 0xff && sample[1] === 0xfe) return sample.subarray(2).toString("utf16le");
  if (sample[0] === 0xfe && sample[1] === 0xff) {
    const evenLength = (sample.byteLength - 2) & ~1;
    return Buffer.from(sample.subarray(2, 2 + evenLength))
      .swap16()
      .toString("utf16le");
  }
  const body = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? sample.subarray(3) : sample;
  // latin1 never fails, so UTF-8 and legacy 8-bit encodings (Windows-1258, TCVN3) all read as text;
  // markup and controls are ASCII in each of them.
  return body.toString("latin1");
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
