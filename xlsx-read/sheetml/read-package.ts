import {
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
  columnLetterToNumber,
  columnNumberToLetter,
} from "../../core/index";
import {
  builtInFormatCode,
  classifyFormatCode,
  dayZero,
  excelSerialToDateText,
  type NumberDisplay,
} from "./number-formats";
import { scanXml, XmlSyntaxError, type XmlAttributes, type XmlVisitor } from "./xml-scanner";

/** The parts of an opened package, by path inside the zip ("xl/workbook.xml"); null when absent. */
export interface PackageParts {
  text(path: string): string | null;
}

/** A package part that is missing or says something a workbook cannot. */
export class PackageStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageStructureError";
  }
}

const DEFAULT_WORKBOOK_PART = "xl/workbook.xml";
const OFFICE_DOCUMENT_RELATIONSHIP = /\/officeDocument$/;
const WORKSHEET_RELATIONSHIP = /\/worksheet$/;
const SHARED_STRINGS_RELATIONSHIP = /\/sharedStrings$/;
const STYLES_RELATIONSHIP = /\/styles$/;

function ignoreText(): void {}
function wantNoText(): boolean {
  return false;
}

interface SheetEntry {
  readonly name: string;
  readonly state: SheetSnapshot["state"];
  readonly relationshipId: string;
}

interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
}

function readWorkbookPart(xml: string): WorkbookPart {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(xml, {
    // Depths keep to the elements of the main namespace: Excel 2013+ writes an <x15:workbookPr>
    // (no date1904) inside <extLst>, which must not reset the workbook's own.
    open(name, attributes, _selfClosing, depth) {
      if (name === "workbookPr" && depth === 1) {
        // xsd:boolean: Excel writes "1", LibreOffice "true".
        const flag = attributes.date1904?.trim().toLowerCase();
        date1904 = flag === "1" || flag === "true";
      } else if (name === "sheet" && depth === 2) {
        const state =
          attributes.state === "hidden" || attributes.state === "veryHidden" ? attributes.state : "visible";
        sheets.push({ name: attributes.name ?? "", state, relationshipId: attributes.id ?? "" });
      }
    },
    close: ignoreText,
    text: ignoreText,
    wantsText: wantNoText,
  });
  return { sheets, date1904 };
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolvePartPath(baseFolder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : baseFolder.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

function readRelationships(xml: string | null, baseFolder: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  if (xml === null) return relationships;
  scanXml(xml, {
    open(name, attributes, _selfClosing, depth) {
      if (name !== "Relationship" || depth !== 1 || attributes.TargetMode === "External") return;
      const id = attributes.Id;
      const target = attributes.Target;
      if (id && target)
        relationships.set(id, { type: attributes.Type ?? "", target: resolvePartPath(baseFolder, target) });
    },
    close: ignoreText,
    text: ignoreText,
    wantsText: wantNoText,
  });
  return relationships;
}

/**
 * Collects the text of string items (`<si>` in sharedStrings, `<is>` in a cell): plain `<t>` or
 * rich-text runs, leaving out phonetic guides (`<rPh>`), which Excel does not show in the cell.
 */
class StringItemText {
  private parts: string[] = [];
  private inText = false;
  private phoneticDepth = 0;

  open(name: string): void {
    if (name === "rPh") this.phoneticDepth += 1;
    else if (name === "t" && this.phoneticDepth === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === "rPh") this.phoneticDepth -= 1;
    else if (name === "t") this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  take(): string {
    const joined = decodeEscapedCharacters(this.parts.join(""));
    this.parts = [];
    return joined;
  }
}

/** ST_Xstring escapes characters XML cannot carry as `_xHHHH_` (Excel writes `_x000D_` for CR). */
function decodeEscapedCharacters(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      )
    : text;
}

function readSharedStrings(xml: string | null): string[] {
  const strings: string[] = [];
  if (xml === null) return strings;
  const item = new StringItemText();
  let inItem = false;
  scanXml(xml, {
    open(name, _attributes, _selfClosing, depth) {
      if (name === "si" && depth === 1) inItem = true;
      else if (inItem) item.open(name);
    },
    close(name) {
      if (name === "si") {
        inItem = false;
        strings.push(item.take());
      } else if (inItem) item.close(name);
    },
    text(text) {
      item.text(text);
    },
    wantsText: () => inItem,
  });
  return strings;
}

function readStyles(xml: string | null): NumberDisplay[] {
  if (xml === null) return [];
  const customFormats = new Map<number, string>();
  // Hundreds of styles share a few formats: classify each format once.
  const displayOfFormat = new Map<number, NumberDisplay>();
  const displays: NumberDisplay[] = [];
  let inCellFormats = false;
  // Only the formats declared in <numFmts>: conditional formats (<dxf>) carry numFmts of their own.
  let inNumberFormats = false;
  scanXml(xml, {
    open(name, attributes, _selfClosing, depth) {
      if (name === "numFmts" && depth === 1) inNumberFormats = true;
      else if (name === "numFmt" && inNumberFormats && depth === 2)
        customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs" && depth === 1) inCellFormats = true;
      else if (name === "xf" && inCellFormats && depth === 2) {
        const id = Number(attributes.numFmtId ?? 0);
        let display = displayOfFormat.get(id);
        if (display === undefined) {
          display = classifyFormatCode(customFormats.get(id) ?? builtInFormatCode(id) ?? "");
          displayOfFormat.set(id, display);
        }
        displays.push(display);
      }
    },
    close(name) {
      // Only the main <cellXfs>/<numFmts> (depth 1) can be open when these names close at their level.
      if (name === "cellXfs") inCellFormats = false;
      else if (name === "numFmts") inNumberFormats = false;
    },
    text: ignoreText,
    wantsText: wantNoText,
  });
  return displays;
}

interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly numberDisplays: readonly NumberDisplay[];
  readonly date1904: boolean;
}

interface ParsedCell {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

const ADDRESS_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

interface MergeArea {
  readonly range: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function parseMergeArea(range: string): MergeArea | null {
  const [first, second = first] = range.split(":");
  const start = ADDRESS_PATTERN.exec(first ?? "");
  const end = ADDRESS_PATTERN.exec(second ?? "");
  if (!start || !end) return null;
  const [a, b] = [columnLetterToNumber(start[1]!.toUpperCase()), columnLetterToNumber(end[1]!.toUpperCase())];
  const [r1, r2] = [Number(start[2]), Number(end[2])];
  return {
    range: `${columnNumberToLetter(Math.min(a, b))}${Math.min(r1, r2)}:${columnNumberToLetter(Math.max(a, b))}${Math.max(r1, r2)}`,
    top: Math.min(r1, r2),
    left: Math.min(a, b),
    bottom: Math.max(r1, r2),
    right: Math.max(a, b),
  };
}

/** Row-merge pairs worth indexing; a sheet beyond it (overlapping merges, which Excel itself refuses) is refused. */
const MAX_MERGE_ROW_PAIRS = 2_000_000;

/**
 * The merges covering each row that holds a cell, so hiding costs per cell only the merges of its
 * row. Each merge is walked over the rows that hold cells (found by binary search), not over all
 * the rows it spans, so a merge down a whole column costs what its cells cost.
 */
function indexMergesByRow(
  merges: readonly MergeArea[],
  cells: readonly ParsedCell[],
): Map<number, MergeArea[]> {
  const byRow = new Map<number, MergeArea[]>();
  if (merges.length === 0) return byRow;
  const rows = [...new Set(cells.map((cell) => cell.row))].sort((a, b) => a - b);
  let pairs = 0;
  for (const area of merges) {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (rows[middle]! < area.top) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < rows.length && rows[index]! <= area.bottom; index += 1) {
      const row = rows[index]!;
      const list = byRow.get(row);
      if (list) list.push(area);
      else byRow.set(row, [area]);
      pairs += 1;
      if (pairs > MAX_MERGE_ROW_PAIRS)
        throw new PackageStructureError("too many merged ranges over the same rows (overlapping merges)");
    }
  }
  for (const list of byRow.values()) list.sort((a, b) => a.left - b.left);
  return byRow;
}

/** Whether a cell lies under a merge other than as its top-left cell. Merges of a row do not overlap, sorted by left column. */
function isHiddenByMerge(row: number, column: number, rowMerges: readonly MergeArea[] | undefined): boolean {
  if (!rowMerges) return false;
  let low = 0;
  let high = rowMerges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rowMerges[middle]!.left <= column) low = middle + 1;
    else high = middle;
  }
  const area = rowMerges[low - 1];
  return area !== undefined && column <= area.right && (row !== area.top || column !== area.left);
}

/** The value a cell shows, from its type attribute, cached value and style; null for an empty cell. */
function toCellValue(
  type: string,
  raw: string | null,
  inlineText: string | null,
  hasFormula: boolean,
  styleIndex: number,
  context: SheetContext,
): CellValue | null {
  const withFormula = (value: CellValue): CellValue => (hasFormula ? { ...value, formula: true } : value);
  switch (type) {
    case "s": {
      const text = raw === null ? undefined : context.sharedStrings[Number.parseInt(raw, 10)];
      return text === undefined ? null : withFormula({ t: "s", v: text });
    }
    case "inlineStr":
      return inlineText === null ? null : withFormula({ t: "s", v: inlineText });
    case "str":
      if (raw === null) return hasFormula ? { t: "z", formula: true } : null;
      return withFormula({ t: "s", v: decodeEscapedCharacters(raw) });
    case "b":
      return raw === null
        ? hasFormula
          ? { t: "z", formula: true }
          : null
        : withFormula({ t: "b", v: raw.trim() === "1" || raw.trim() === "true" });
    case "e":
      return raw === null
        ? hasFormula
          ? { t: "z", formula: true }
          : null
        : withFormula({ t: "e", v: raw.trim() });
    case "d": {
      // ISO 8601 date cells (Strict files, some generators): keep the calendar date and time as
      // written; a time alone stands on day zero, as a serial below 1 does.
      const match =
        raw === null
          ? null
          : /^(?:(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?|T?(\d{2}:\d{2}:\d{2}))/.exec(raw.trim());
      if (raw === null) return hasFormula ? { t: "z", formula: true } : null;
      // Not a date after all: the text as written, for the rules to judge, never dropped.
      if (!match) return withFormula({ t: "s", v: raw });
      const day = match[1] ?? dayZero(context.date1904);
      const timeOfDay = match[2] ?? match[3];
      const time = timeOfDay && timeOfDay !== "00:00:00" ? `T${timeOfDay}` : "";
      return withFormula({ t: "d", v: `${day}${time}` });
    }
    default: {
      if (raw === null || raw.trim() === "") return hasFormula ? { t: "z", formula: true } : null;
      const number = Number(raw);
      if (!Number.isFinite(number)) return hasFormula ? { t: "z", formula: true } : null;
      const display = context.numberDisplays[styleIndex] ?? "number";
      if (display === "date") {
        const date = excelSerialToDateText(number, context.date1904);
        if (date !== null) return withFormula({ t: "d", v: date });
      }
      return withFormula(
        display === "percent" ? { t: "n", v: number, percent: true } : { t: "n", v: number },
      );
    }
  }
}

/** Reads one worksheet part: cell values by address (master cells only for merges), merges. */
function readWorksheet(xml: string, entry: SheetEntry, context: SheetContext): SheetSnapshot {
  const cells: ParsedCell[] = [];
  const merges: MergeArea[] = [];
  const inlineItem = new StringItemText();
  let row = 0;
  let column = 0;
  let inCell = false;
  let cellType = "n";
  let cellStyle = 0;
  let hasFormula = false;
  let valueParts: string[] | null = null;
  let raw: string | null = null;
  let inlineText: string | null = null;
  let inInline = false;

  const visitor: XmlVisitor = {
    open(name: string, attributes: XmlAttributes, _selfClosing: boolean, depth: number) {
      if (inInline) {
        inlineItem.open(name);
        return;
      }
      if (depth < 2 || depth > 4) return;
      switch (name) {
        case "row":
          if (depth !== 2) break;
          row = attributes.r ? Number.parseInt(attributes.r, 10) : row + 1;
          column = 0;
          break;
        case "c": {
          if (depth !== 3) break;
          const match = attributes.r ? ADDRESS_PATTERN.exec(attributes.r) : null;
          if (match) {
            column = columnLetterToNumber(match[1]!.toUpperCase());
            row = Number.parseInt(match[2]!, 10);
          } else {
            column += 1;
          }
          inCell = true;
          cellType = attributes.t ?? "n";
          cellStyle = attributes.s ? Number.parseInt(attributes.s, 10) : 0;
          hasFormula = false;
          raw = null;
          inlineText = null;
          break;
        }
        case "f":
          if (inCell) hasFormula = true;
          break;
        case "v":
          if (inCell) valueParts = [];
          break;
        case "is":
          if (inCell) inInline = true;
          break;
        case "mergeCell": {
          if (depth !== 2) break;
          const area = attributes.ref ? parseMergeArea(attributes.ref) : null;
          if (area) merges.push(area);
          break;
        }
      }
    },
    close(name: string) {
      if (inInline) {
        if (name === "is") {
          inInline = false;
          inlineText = inlineItem.take();
        } else inlineItem.close(name);
        return;
      }
      if (name === "v" && valueParts) {
        raw = valueParts.join("");
        valueParts = null;
      } else if (name === "c" && inCell) {
        inCell = false;
        const value = toCellValue(cellType, raw, inlineText, hasFormula, cellStyle, context);
        if (value) cells.push({ row, column, value });
      }
    },
    text(text: string) {
      if (inInline) inlineItem.text(text);
      else if (valueParts) valueParts.push(text);
    },
    wantsText: () => inInline || valueParts !== null,
  };
  scanXml(xml, visitor);

  const mergesByRow = indexMergesByRow(merges, cells);
  const values: Record<string, CellValue> = {};
  for (const cell of cells) {
    // A merge shows its top-left cell only; values left in the other cells are invisible in Excel.
    if (!isHiddenByMerge(cell.row, cell.column, mergesByRow.get(cell.row)))
      values[`${columnNumberToLetter(cell.column)}${cell.row}`] = cell.value;
  }
  return { name: entry.name, state: entry.state, cells: values, merges: merges.map((area) => area.range) };
}

/** Reads one part, naming it in any syntax error so the problem says where the file is damaged. */
function readPart<T>(parts: PackageParts, path: string, read: (xml: string | null) => T): T {
  try {
    return read(parts.text(path));
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new PackageStructureError(`${path}: ${error.message}`);
    throw error;
  }
}

function findRelated(relationships: Map<string, Relationship>, type: RegExp): string | null {
  for (const relationship of relationships.values())
    if (type.test(relationship.type)) return relationship.target;
  return null;
}

/**
 * The part that _rels/.rels names as the package's main document (the workbook), or null when
 * there is no such relationship. Excel, LibreOffice and exceljs all write xl/workbook.xml, but the
 * name is the relationship's to give.
 */
export function findOfficeDocumentPart(parts: PackageParts): string | null {
  const relationships = readPart(parts, "_rels/.rels", (xml) => readRelationships(xml, ""));
  return findRelated(relationships, OFFICE_DOCUMENT_RELATIONSHIP);
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels", where OPC keeps a part's relationships. */
function relationshipsPartOf(part: string): { folder: string; path: string } {
  const slash = part.lastIndexOf("/");
  const folder = slash < 0 ? "" : part.slice(0, slash);
  const name = part.slice(slash + 1);
  return { folder, path: folder === "" ? `_rels/${name}.rels` : `${folder}/_rels/${name}.rels` };
}

/**
 * Reads the values of every worksheet of a SpreadsheetML package: what the cells show (cached
 * results for formulas, never the formula text), merges, sheet visibility and the date system.
 * Charts, drawings, comments, links, validations and macros are never read. The workbook part is
 * the one given, else the one _rels/.rels names, else xl/workbook.xml.
 */
export function readSpreadsheetPackage(parts: PackageParts, workbookPart?: string): WorkbookSnapshot {
  const workbookPath = workbookPart ?? findOfficeDocumentPart(parts) ?? DEFAULT_WORKBOOK_PART;
  const workbook = readPart(parts, workbookPath, (xml) => {
    if (xml === null) throw new PackageStructureError(`${workbookPath} is missing`);
    return readWorkbookPart(xml);
  });
  const workbookRelationships = relationshipsPartOf(workbookPath);
  const relationships = readPart(parts, workbookRelationships.path, (xml) =>
    readRelationships(xml, workbookRelationships.folder),
  );
  const sharedStringsPath = findRelated(relationships, SHARED_STRINGS_RELATIONSHIP) ?? "xl/sharedStrings.xml";
  const stylesPath = findRelated(relationships, STYLES_RELATIONSHIP) ?? "xl/styles.xml";
  const context: SheetContext = {
    sharedStrings: readPart(parts, sharedStringsPath, readSharedStrings),
    numberDisplays: readPart(parts, stylesPath, readStyles),
    date1904: workbook.date1904,
  };
  const sheets: SheetSnapshot[] = [];
  for (const entry of workbook.sheets) {
    const relationship = relationships.get(entry.relationshipId);
    // Excel refuses a sheet that points nowhere; reading on would report a workbook without it.
    if (!relationship)
      throw new PackageStructureError(
        `sheet "${entry.name}" has no relationship "${entry.relationshipId}" in ${workbookRelationships.path}`,
      );
    // Chart sheets and dialog sheets hold no cells to validate.
    if (!WORKSHEET_RELATIONSHIP.test(relationship.type)) continue;
    sheets.push(
      readPart(parts, relationship.target, (xml) => {
        if (xml === null)
          throw new PackageStructureError(
            `sheet "${entry.name}" points to ${relationship.target}, which is missing`,
          );
        return readWorksheet(xml, entry, context);
      }),
    );
  }
  return { sheets, date1904: workbook.date1904 };
}
