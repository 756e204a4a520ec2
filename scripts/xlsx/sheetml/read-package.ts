import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../core/snapshot";
import { columnLetterToNumber } from "../../../core/values/a1";
import { builtInFormatCode, excelSerialToDateText, isDateFormat, isPercentFormat } from "./number-formats";
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

const WORKBOOK_PART = "xl/workbook.xml";
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
    open(name, attributes) {
      if (name === "workbookPr") {
        // xsd:boolean: Excel writes "1", LibreOffice "true".
        const flag = attributes.date1904?.trim().toLowerCase();
        date1904 = flag === "1" || flag === "true";
      } else if (name === "sheet") {
        const state = attributes.state === "hidden" || attributes.state === "veryHidden" ? attributes.state : "visible";
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
    open(name, attributes) {
      if (name !== "Relationship" || attributes.TargetMode === "External") return;
      const id = attributes.Id;
      const target = attributes.Target;
      if (id && target) relationships.set(id, { type: attributes.Type ?? "", target: resolvePartPath(baseFolder, target) });
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
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

function readSharedStrings(xml: string | null): string[] {
  const strings: string[] = [];
  if (xml === null) return strings;
  const item = new StringItemText();
  let inItem = false;
  scanXml(xml, {
    open(name) {
      if (name === "si") inItem = true;
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

/** How a cell style shows numbers, per index of `cellXfs`. */
type NumberDisplay = "number" | "percent" | "date";

function readStyles(xml: string | null): NumberDisplay[] {
  if (xml === null) return [];
  const customFormats = new Map<number, string>();
  const displays: NumberDisplay[] = [];
  let inCellFormats = false;
  // Only the formats declared in <numFmts>: conditional formats (<dxf>) carry numFmts of their own.
  let inNumberFormats = false;
  scanXml(xml, {
    open(name, attributes) {
      if (name === "numFmts") inNumberFormats = true;
      else if (name === "numFmt" && inNumberFormats) customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellFormats = true;
      else if (name === "xf" && inCellFormats) {
        const id = Number(attributes.numFmtId ?? 0);
        const code = customFormats.get(id) ?? builtInFormatCode(id) ?? "";
        displays.push(isDateFormat(code) ? "date" : isPercentFormat(code) ? "percent" : "number");
      }
    },
    close(name) {
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

function columnName(column: number): string {
  let name = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

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
  return { range: `${columnName(Math.min(a, b))}${Math.min(r1, r2)}:${columnName(Math.max(a, b))}${Math.max(r1, r2)}`, top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
}

/** The value a cell shows, from its type attribute, cached value and style; null for an empty cell. */
function toCellValue(type: string, raw: string | null, inlineText: string | null, hasFormula: boolean, styleIndex: number, context: SheetContext): CellValue | null {
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
      return raw === null ? (hasFormula ? { t: "z", formula: true } : null) : withFormula({ t: "b", v: raw.trim() === "1" || raw.trim() === "true" });
    case "e":
      return raw === null ? (hasFormula ? { t: "z", formula: true } : null) : withFormula({ t: "e", v: raw.trim() });
    case "d": {
      // ISO 8601 date cells (Strict files, some generators): keep the calendar date and time as written.
      const match = raw === null ? null : /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(raw.trim());
      if (!match) return hasFormula ? { t: "z", formula: true } : null;
      const time = match[2] && match[2] !== "00:00:00" ? `T${match[2]}` : "";
      return withFormula({ t: "d", v: `${match[1]}${time}` });
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
      return withFormula(display === "percent" ? { t: "n", v: number, percent: true } : { t: "n", v: number });
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
    open(name: string, attributes: XmlAttributes) {
      if (inInline) {
        inlineItem.open(name);
        return;
      }
      switch (name) {
        case "row":
          row = attributes.r ? Number.parseInt(attributes.r, 10) : row + 1;
          column = 0;
          break;
        case "c": {
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

  const values: Record<string, CellValue> = {};
  for (const cell of cells) {
    // A merge shows its top-left cell only; values left in the other cells are invisible in Excel.
    const hidden = merges.some((area) => cell.row >= area.top && cell.row <= area.bottom && cell.column >= area.left && cell.column <= area.right && (cell.row !== area.top || cell.column !== area.left));
    if (!hidden) values[`${columnName(cell.column)}${cell.row}`] = cell.value;
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
  for (const relationship of relationships.values()) if (type.test(relationship.type)) return relationship.target;
  return null;
}

/**
 * Reads the values of every worksheet of a SpreadsheetML package: what the cells show (cached
 * results for formulas, never the formula text), merges, sheet visibility and the date system.
 * Charts, drawings, comments, links, validations and macros are never read.
 */
export function readSpreadsheetPackage(parts: PackageParts): WorkbookSnapshot {
  const workbook = readPart(parts, WORKBOOK_PART, (xml) => {
    if (xml === null) throw new PackageStructureError(`${WORKBOOK_PART} is missing`);
    return readWorkbookPart(xml);
  });
  const relationships = readPart(parts, "xl/_rels/workbook.xml.rels", (xml) => readRelationships(xml, "xl"));
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
    // Chart sheets and dialog sheets hold no cells to validate.
    if (!relationship || !WORKSHEET_RELATIONSHIP.test(relationship.type)) continue;
    sheets.push(
      readPart(parts, relationship.target, (xml) => {
        if (xml === null) throw new PackageStructureError(`sheet "${entry.name}" points to ${relationship.target}, which is missing`);
        return readWorksheet(xml, entry, context);
      }),
    );
  }
  return { sheets, date1904: workbook.date1904 };
}
