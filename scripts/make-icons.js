/**
 * Draws the add-in's icons (a green sheet with a check mark) as PNG files in
 * assets/, with no image library: pixels computed here, encoded with zlib.
 * Run: node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function icon(x, y, s) {
  const u = x / s;
  const v = y / s;
  const margin = 0.06;
  const radius = 0.18;
  // Rounded square.
  const cx = Math.min(Math.max(u, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(v, margin + radius), 1 - margin - radius);
  const d = Math.hypot(u - cx, v - cy);
  if (d > radius) return [0, 0, 0, 0];
  const edge = Math.min(1, (radius - d) * s);
  // Grid lines of a sheet, faint.
  let col = [16, 124, 65];
  const gridLine = (t) => Math.abs(t * 4 - Math.round(t * 4)) < 0.5 / s * 4 * 1.2;
  if (s >= 32 && (gridLine(u) || gridLine(v))) col = [40, 150, 90];
  // Check mark.
  const w = Math.max(0.07, 1.6 / s);
  const m = Math.min(segDist(u, v, 0.27, 0.52, 0.43, 0.68), segDist(u, v, 0.43, 0.68, 0.74, 0.33));
  if (m < w) col = [255, 255, 255];
  return [col[0], col[1], col[2], Math.round(255 * edge)];
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, icon));
fs.writeFileSync(path.join(out, "logo-filled.png"), png(300, icon));
console.log("icons written to", out);
