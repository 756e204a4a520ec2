/**
 * The platform-neutral workbook reader: byte pre-check, zip directory, part decoding and the
 * values-only SpreadsheetML scanner. No Node import and no Node global (xlsx-read/tsconfig.json
 * and ESLint keep it so): the CLI and the add-in's browser pane run the same code, each handing
 * in its own inflate.
 */
export type { Inflate } from "./inflate";
export {
  DEFAULT_INSPECT_LIMITS,
  inspectWorkbookBytes,
  type FileInspection,
  type FileRejectionCode,
  type InspectLimits,
  type ZipEntryLocation,
} from "./inspect-file";
export { openZipParts, ZipEntryError } from "./zip-parts";
export {
  findOfficeDocumentPart,
  PackageStructureError,
  readSpreadsheetPackage,
  type PackageParts,
} from "./sheetml/read-package";
export { classifyFormatCode, excelSerialToDateText } from "./sheetml/number-formats";
export { scanXml, XmlSyntaxError, type XmlAttributes, type XmlVisitor } from "./sheetml/xml-scanner";
export { decodePartText } from "./text";
export { readWorkbookBytes, type ReadBytesOptions, type SnapshotReading } from "./read-bytes";
