// Draws the Customer Atlas icon (a globe with a location pin on a blue-teal tile) and writes
// build/icon.png (1024 px), build/icon.ico (16–256 px) and build/icon.icns (16–1024 px) with
// nothing but node:zlib. Each size is rendered from signed distance fields, so small sizes
// stay crisp instead of being scaled down. Run: node build/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---- shapes (coordinates in units of the icon size, y downwards) ------------------------

const length = (x, y) => Math.hypot(x, y);
const clamp01 = (v) => Math.min(1, Math.max(0, v));

function sdRoundBox(px, py, cx, cy, half, radius) {
  const qx = Math.abs(px - cx) - half + radius;
  const qy = Math.abs(py - cy) - half + radius;
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const sdCircle = (px, py, cx, cy, r) => length(px - cx, py - cy) - r;

/** First-order distance to an ellipse outline (good enough for anti-aliased strokes). */
function sdEllipse(px, py, cx, cy, rx, ry) {
  const qx = (px - cx) / rx;
  const qy = (py - cy) / ry;
  const l = length(qx, qy) || 1e-9;
  const gx = qx / l / rx;
  const gy = qy / l / ry;
  return (l - 1) / (length(gx, gy) || 1e-9);
}

function sdSegment(px, py, ax, ay, bx, by) {
  const pax = px - ax;
  const pay = py - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = clamp01((pax * bax + pay * bay) / (bax * bax + bay * bay));
  return length(pax - bax * h, pay - bay * h);
}

function sdTriangle(px, py, [ax, ay], [bx, by], [cx, cy]) {
  const e = [
    [bx - ax, by - ay, px - ax, py - ay],
    [cx - bx, cy - by, px - bx, py - by],
    [ax - cx, ay - cy, px - cx, py - cy],
  ];
  let d = Infinity;
  let s = 1;
  const sign = Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  let inside = true;
  for (const [ex, ey, vx, vy] of e) {
    const h = clamp01((vx * ex + vy * ey) / (ex * ex + ey * ey));
    d = Math.min(d, length(vx - ex * h, vy - ey * h));
    if (sign * (ex * vy - ey * vx) < 0) inside = false;
  }
  s = inside ? -1 : 1;
  return s * d;
}

// ---- the drawing ------------------------------------------------------------------------

const TOP_LEFT = [0x15, 0x65, 0xc0]; // blue
const BOTTOM_RIGHT = [0x00, 0x89, 0x7b]; // teal
const AMBER = [0xff, 0xc1, 0x07];
const WHITE = [0xff, 0xff, 0xff];

const TILE = { c: 0.5, half: 0.44, radius: 0.1 };
const GLOBE = { x: 0.45, y: 0.52, r: 0.26, stroke: 0.03 };
const PIN = { x: 0.68, y: 0.3, r: 0.1 };

function over(dst, rgb, alpha) {
  const a = clamp01(alpha);
  const outA = a + dst[3] * (1 - a);
  if (outA === 0) return [0, 0, 0, 0];
  return [
    (rgb[0] * a + dst[0] * dst[3] * (1 - a)) / outA,
    (rgb[1] * a + dst[1] * dst[3] * (1 - a)) / outA,
    (rgb[2] * a + dst[2] * dst[3] * (1 - a)) / outA,
    outA,
  ];
}

function shade(u, v, px) {
  // Coverage of a shape whose distance (in icon units) is d, with a one-pixel soft edge.
  const cover = (d) => clamp01(0.5 - d / px);
  let c = [0, 0, 0, 0];

  const tile = sdRoundBox(u, v, TILE.c, TILE.c, TILE.half, TILE.radius);
  const t = clamp01((u + v - 0.12) / 1.76);
  const bg = TOP_LEFT.map((a, i) => a + (BOTTOM_RIGHT[i] - a) * t);
  c = over(c, bg, cover(tile));

  // Globe: a soft disc, the outline, a meridian, the equator and two parallels.
  const g = GLOBE;
  const disc = sdCircle(u, v, g.x, g.y, g.r);
  c = over(c, WHITE, 0.14 * cover(disc));
  const w = g.stroke / 2;
  const strokes = Math.min(
    Math.abs(disc) - w,
    Math.abs(sdEllipse(u, v, g.x, g.y, g.r * 0.42, g.r)) - w * 0.8,
    Math.max(sdSegment(u, v, g.x - g.r, g.y, g.x + g.r, g.y) - w * 0.8, disc),
    Math.max(sdSegment(u, v, g.x - g.r, g.y - g.r * 0.5, g.x + g.r, g.y - g.r * 0.5) - w * 0.7, disc),
    Math.max(sdSegment(u, v, g.x - g.r, g.y + g.r * 0.5, g.x + g.r, g.y + g.r * 0.5) - w * 0.7, disc),
  );
  c = over(c, WHITE, 0.95 * cover(strokes));

  // Location pin: a ring of the tile colour separates it from the globe.
  const p = PIN;
  const tipY = p.y + p.r * 2.3;
  const body = Math.min(
    sdCircle(u, v, p.x, p.y, p.r),
    sdTriangle(u, v, [p.x - p.r * 0.8, p.y + p.r * 0.6], [p.x + p.r * 0.8, p.y + p.r * 0.6], [p.x, tipY]),
  );
  c = over(c, bg, cover(body - p.r * 0.22));
  c = over(c, AMBER, cover(body));
  c = over(c, bg, cover(sdCircle(u, v, p.x, p.y, p.r * 0.38)));
  return c;
}

/** RGBA pixels (Uint8Array, row-major, top row first) of the icon at size × size. */
export function renderIcon(size) {
  const data = new Uint8Array(size * size * 4);
  const px = 1 / size;
  // 2×2 supersampling on top of the SDF soft edge keeps thin strokes even at 16 px.
  const offsets = [0.25, 0.75];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let gr = 0;
      let b = 0;
      let a = 0;
      for (const oy of offsets) {
        for (const ox of offsets) {
          const [cr, cg, cb, ca] = shade((x + ox) / size, (y + oy) / size, px);
          r += cr * ca;
          gr += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (y * size + x) * 4;
      data[i] = a > 0 ? Math.round(r / a) : 0;
      data[i + 1] = a > 0 ? Math.round(gr / a) : 0;
      data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      data[i + 3] = Math.round((a / offsets.length ** 2) * 255);
    }
  }
  return data;
}

// ---- file formats -----------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A classic 32-bit DIB entry (BGRA bottom-up plus an empty AND mask), readable everywhere. */
function encodeDib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4;
      const dst = ((size - 1 - y) * size + x) * 4;
      pixels[dst] = rgba[src + 2];
      pixels[dst + 1] = rgba[src + 1];
      pixels[dst + 2] = rgba[src];
      pixels[dst + 3] = rgba[src + 3];
    }
  }
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  header.writeUInt32LE(pixels.length + mask.length, 20);
  return Buffer.concat([header, pixels, mask]);
}

export function encodeIco(images) {
  const dir = Buffer.alloc(6 + images.length * 16);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  const bodies = [];
  images.forEach(({ size, rgba }, i) => {
    // Vista+ reads PNG entries; the 256 px one is PNG to keep the file small.
    const body = size >= 256 ? encodePng(size, rgba) : encodeDib(size, rgba);
    const at = 6 + i * 16;
    dir[at] = size >= 256 ? 0 : size;
    dir[at + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, at + 4);
    dir.writeUInt16LE(32, at + 6);
    dir.writeUInt32LE(body.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += body.length;
    bodies.push(body);
  });
  return Buffer.concat([dir, ...bodies]);
}

const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

export function encodeIcns(pngBySize) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

// ---- main -------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  const rendered = new Map(sizes.map((size) => [size, renderIcon(size)]));
  const png = new Map(sizes.map((size) => [size, encodePng(size, rendered.get(size))]));
  writeFileSync(path.join(here, 'icon.png'), png.get(1024));
  writeFileSync(
    path.join(here, 'icon.ico'),
    encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, rgba: rendered.get(size) }))),
  );
  writeFileSync(path.join(here, 'icon.icns'), encodeIcns(png));
  console.log('wrote build/icon.png, build/icon.ico, build/icon.icns');
}
