#!/usr/bin/env node
// Regenerates the add-in icons named in manifest.xml (a green rounded square with a white
// check mark): icon-32 (IconUrl) and icon-64 (HighResolutionIconUrl), the sizes the manifest
// reference requires for task pane add-ins, and icon-16/32/80 for the ribbon button. Node built-ins only, deterministic
// output, so the committed PNGs can be checked against a fresh run.
//
//   node addin/assets/make-icons.js [output-dir]   (default: this folder)
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80];
const GREEN = [0x15, 0x80, 0x3d]; // dark enough for the white mark to keep contrast on a light ribbon
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4×4 samples per pixel: edges anti-aliased without any library

// Geometry in units of the icon side, so every size is the same drawing.
const CORNER_RADIUS = 0.18;
const CHECK = [
  [0.25, 0.53],
  [0.43, 0.7],
  [0.76, 0.33],
];
const CHECK_HALF_WIDTH = 0.075;

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCheckMark(x, y) {
  for (let i = 0; i + 1 < CHECK.length; i++) {
    if (distanceToSegment(x, y, CHECK[i], CHECK[i + 1]) <= CHECK_HALF_WIDTH) return true;
  }
  return false;
}

/** RGBA pixels, row-major, straight (non-premultiplied) alpha. */
function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let mark = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y)) continue;
          square++;
          if (onCheckMark(x, y)) mark++;
        }
      }
      const o = (py * size + px) * 4;
      if (square === 0) continue; // fully transparent corner
      const w = mark / square; // share of the covered area that is white
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(GREEN[c] * (1 - w) + WHITE[c] * w);
      pixels[o + 3] = Math.round((255 * square) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels as a PNG: 8-bit truecolour with alpha, filter 0 on every row. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const rowLength = size * 4;
  const raw = Buffer.alloc((rowLength + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (rowLength + 1)] = 0; // filter type None
    pixels.copy(raw, y * (rowLength + 1) + 1, y * rowLength, (y + 1) * rowLength);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? __dirname);
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
  }
}

main();
