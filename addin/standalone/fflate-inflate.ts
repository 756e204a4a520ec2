import { inflateSync } from "fflate";
import type { Inflate } from "../../xlsx-read/index";

/**
 * The browser's inflate. fflate writes into the buffer it is given and drops what does not fit,
 * so one byte more than declared is room enough to tell a lying directory (the reader then reports
 * "holds N bytes, M declared") without ever allocating more.
 */
export const inflateWithFflate: Inflate = (compressed, uncompressedSize) =>
  compressed.byteLength === 0
    ? new Uint8Array(0)
    : inflateSync(compressed, { out: new Uint8Array(uncompressedSize + 1) });
