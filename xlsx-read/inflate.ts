/**
 * Inflates one zip entry's raw DEFLATE data, which the central directory says holds
 * `uncompressedSize` bytes. Injected so the reader runs anywhere: node:zlib in the CLI
 * (scripts/xlsx/node-inflate.ts), fflate in the browser (addin/). It must never produce much more
 * than `uncompressedSize` bytes (the zip-bomb limit is checked on declared sizes), and throws on
 * data that is not DEFLATE; a result of another length is reported by the caller.
 */
export type Inflate = (compressed: Uint8Array, uncompressedSize: number) => Uint8Array;
