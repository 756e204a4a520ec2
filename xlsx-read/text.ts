const utf8 = new TextDecoder("utf-8");
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");

export function decodeUtf16(bytes: Uint8Array, order: "le" | "be"): string {
  return (order === "le" ? utf16le : utf16be).decode(bytes);
}

/**
 * A package part's text. Parts are UTF-8 (Excel, LibreOffice); XML also allows UTF-16, which its
 * byte-order mark tells apart. Malformed sequences become U+FFFD, as Excel shows them, rather than
 * failing the whole file.
 */
export function decodePartText(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return utf8.decode(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return utf16le.decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return utf16be.decode(data.subarray(2));
  return utf8.decode(data);
}
