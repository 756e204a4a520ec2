import { inflateRawSync } from "node:zlib";
import type { Inflate } from "../../xlsx-read/index";

/** The CLI's inflate: Node's zlib, stopped at the declared size (a larger entry throws). */
export const inflateWithZlib: Inflate = (compressed, uncompressedSize) =>
  inflateRawSync(compressed, { maxOutputLength: Math.max(uncompressedSize, 1) });
