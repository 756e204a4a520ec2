/**
 * A small, strict XML scanner for the parts of a SpreadsheetML package. It reports start tags
 * (local names, attributes decoded), end tags and character data; it never expands a DTD, so
 * entity bombs and external entities cannot reach it. Malformed XML throws XmlSyntaxError.
 *
 * Why not a general parser: a template-sized submission is ~40 KB of XML, and the general
 * stack (jszip + pako + saxes + exceljs's object model) spent ~2.5 ms on each; the
 * consolidation reads thousands, and only needs values.
 */

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at character ${offset}`);
    this.name = "XmlSyntaxError";
  }
}

/** Attribute local name → decoded value (namespace declarations left out). */
export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlVisitor {
  /** `depth` counts the open ancestors: 0 for the root element, 1 for its children. */
  open(name: string, attributes: XmlAttributes, selfClosing: boolean, depth: number): void;
  close(name: string): void;
  /** Character data between tags, entities decoded and line ends normalised to "\n". */
  text(text: string): void;
  /** Whether `text` is wanted now; text nobody wants is neither cut out nor decoded. */
  wantsText(): boolean;
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};
const ENTITY_PATTERN = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g;

function decodeEntity(match: string, body: string): string {
  if (body.startsWith("#")) {
    const codePoint = body.startsWith("#x")
      ? Number.parseInt(body.slice(2), 16)
      : Number.parseInt(body.slice(1), 10);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : match;
  }
  return PREDEFINED_ENTITIES[body] ?? match;
}

export function decodeXmlText(raw: string): string {
  // XML parsers hand over "\r\n" and "\r" as "\n"; a literal CR survives only as &#13;.
  const normalised = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return normalised.includes("&") ? normalised.replace(ENTITY_PATTERN, decodeEntity) : normalised;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function isNameEnd(code: number): boolean {
  // whitespace, "/", ">", "="
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x2f ||
    code === 0x3e ||
    code === 0x3d
  );
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function indexOrThrow(xml: string, search: string, from: number, what: string): number {
  const found = xml.indexOf(search, from);
  if (found === -1) throw new XmlSyntaxError(`unterminated ${what}`, from);
  return found;
}

function isNameStart(code: number): boolean {
  // A–Z, a–z, "_", ":" or any non-ASCII character (XML 1.0 name start characters, loosely).
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f ||
    code === 0x3a ||
    code >= 0x80
  );
}

/** Nesting kept while scanning, so that a truncated or garbled part is an error, not fewer cells. */
interface Nesting {
  readonly open: string[];
  rootSeen: boolean;
}

/** Parses a start tag beginning at `start` ("<"); returns the index just past its ">". */
function scanStartTag(xml: string, start: number, visitor: XmlVisitor, nesting: Nesting): number {
  let i = start + 1;
  if (!isNameStart(xml.charCodeAt(i))) throw new XmlSyntaxError("element without a name", start);
  let colon = -1;
  for (
    let code = xml.charCodeAt(i);
    i < xml.length && !isNameEnd(code) && code !== 0x3c;
    code = xml.charCodeAt(++i)
  ) {
    if (code === 0x3a) colon = i;
  }
  const qualifiedName = xml.slice(start + 1, i);
  const name = colon === -1 ? qualifiedName : xml.slice(colon + 1, i);
  if (nesting.open.length === 0 && nesting.rootSeen) throw new XmlSyntaxError("a second root element", start);
  nesting.rootSeen = true;
  const attributes: Record<string, string> = {};
  for (;;) {
    while (i < xml.length && isWhitespace(xml.charCodeAt(i))) i += 1;
    if (i >= xml.length) throw new XmlSyntaxError("unterminated start tag", start);
    const code = xml.charCodeAt(i);
    if (code === 0x3e) {
      visitor.open(name, attributes, false, nesting.open.length);
      nesting.open.push(qualifiedName);
      return i + 1;
    }
    if (code === 0x2f) {
      if (xml.charCodeAt(i + 1) !== 0x3e) throw new XmlSyntaxError("expected '>' after '/'", i);
      visitor.open(name, attributes, true, nesting.open.length);
      visitor.close(name);
      return i + 2;
    }
    if (code === 0x3c) throw new XmlSyntaxError("unterminated start tag", start);
    const nameStart = i;
    while (i < xml.length && !isNameEnd(xml.charCodeAt(i))) i += 1;
    const attributeName = xml.slice(nameStart, i);
    while (i < xml.length && isWhitespace(xml.charCodeAt(i))) i += 1;
    if (attributeName === "" || xml.charCodeAt(i) !== 0x3d)
      throw new XmlSyntaxError("expected an attribute", nameStart);
    i += 1;
    while (i < xml.length && isWhitespace(xml.charCodeAt(i))) i += 1;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") throw new XmlSyntaxError("expected a quoted attribute value", i);
    const valueEnd = indexOrThrow(xml, quote, i + 1, "attribute value");
    if (!attributeName.startsWith("xmlns"))
      attributes[localName(attributeName)] = decodeXmlText(xml.slice(i + 1, valueEnd));
    i = valueEnd + 1;
  }
}

function emitText(xml: string, start: number, end: number, visitor: XmlVisitor, nesting: Nesting): void {
  if (nesting.open.length > 0) {
    if (visitor.wantsText()) visitor.text(decodeXmlText(xml.slice(start, end)));
  } else if (xml.slice(start, end).trim() !== "")
    throw new XmlSyntaxError("text outside the root element", start);
}

/** Walks the whole document, calling the visitor in document order. */
export function scanXml(xml: string, visitor: XmlVisitor): void {
  const nesting: Nesting = { open: [], rootSeen: false };
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) {
      emitText(xml, i, xml.length, visitor, nesting);
      break;
    }
    if (lt > i) emitText(xml, i, lt, visitor, nesting);
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      i = indexOrThrow(xml, "?>", lt + 2, "processing instruction") + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        i = indexOrThrow(xml, "-->", lt + 4, "comment") + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = indexOrThrow(xml, "]]>", lt + 9, "CDATA section");
        if (nesting.open.length === 0) throw new XmlSyntaxError("text outside the root element", lt);
        if (visitor.wantsText()) visitor.text(xml.slice(lt + 9, end).replace(/\r\n?/g, "\n"));
        i = end + 3;
      } else {
        // OOXML forbids a DTD; refusing it keeps entity expansion out entirely.
        throw new XmlSyntaxError("document type declarations are not allowed", lt);
      }
    } else if (next === 0x2f /* / */) {
      const end = indexOrThrow(xml, ">", lt + 2, "end tag");
      const qualifiedName = xml.slice(lt + 2, end).trimEnd();
      if (nesting.open.pop() !== qualifiedName)
        throw new XmlSyntaxError(`unexpected end tag </${qualifiedName}>`, lt);
      visitor.close(localName(qualifiedName));
      i = end + 1;
    } else {
      i = scanStartTag(xml, lt, visitor, nesting);
    }
  }
  if (!nesting.rootSeen) throw new XmlSyntaxError("no root element", i);
  const unclosed = nesting.open.pop();
  if (unclosed !== undefined)
    throw new XmlSyntaxError(`<${unclosed}> is never closed (truncated?)`, xml.length);
}
