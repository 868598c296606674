/**
 * Reads a zip file's central directory from its bytes (no inflating) so a workbook can be
 * refused before SheetJS ever decompresses it: truncated files, files that are not zips at
 * all, and zip bombs (absurd declared sizes or compression ratios).
 */

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxTotalUncompressed: number;
  /** Per entry and overall; only checked above `ratioFloor` uncompressed bytes. */
  maxRatio: number;
  ratioFloor: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 1536 * 1024 * 1024,
  maxRatio: 250,
  ratioFloor: 16 * 1024 * 1024,
  maxEntries: 10_000,
};

export type ZipProblem = 'not_a_zip' | 'truncated_zip' | 'zip_bomb';

export class ZipCheckError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ZipCheckError';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
}

export function looksLikeCfb(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MB`;
}

/** Lists the entries or throws ZipCheckError with a specific, user-fit message. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (!looksLikeZip(bytes)) throw new ZipCheckError('not_a_zip', 'the file is not a zip archive, so it cannot be an .xlsx workbook');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  // The end record sits in the last 22 + up to 65,535 comment bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) {
    throw new ZipCheckError('truncated_zip', 'the zip archive is truncated or damaged (its central directory is missing)');
  }
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) {
      throw new ZipCheckError('truncated_zip', 'the zip archive is damaged (ZIP64 locator missing)');
    }
    const at = Number(view.getBigUint64(locator + 8, true));
    if (at + 56 > bytes.length || u32(at) !== ZIP64_EOCD) {
      throw new ZipCheckError('truncated_zip', 'the zip archive is damaged (ZIP64 directory missing)');
    }
    count = Number(view.getBigUint64(at + 32, true));
    cdSize = Number(view.getBigUint64(at + 40, true));
    cdOffset = Number(view.getBigUint64(at + 48, true));
  }
  if (cdOffset + cdSize > bytes.length || cdOffset + cdSize > eocd + 1) {
    throw new ZipCheckError('truncated_zip', 'the zip archive is truncated (its directory points past the end of the file)');
  }
  if (count > limits.maxEntries) {
    throw new ZipCheckError('zip_bomb', `the archive lists ${count} entries; a workbook never has that many`);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = cdOffset;
  let total = 0;
  let totalCompressed = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) {
      throw new ZipCheckError('truncated_zip', 'the zip archive is damaged (bad central directory entry)');
    }
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extended information (header 0x0001) carries the real sizes.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 1) {
        let p = extra + 4;
        if (uncompressedSize === 0xffffffff && p + 8 <= extraEnd) {
          uncompressedSize = Number(view.getBigUint64(p, true));
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= extraEnd) {
          compressedSize = Number(view.getBigUint64(p, true));
          p += 8;
        }
        if (localOffset === 0xffffffff && p + 8 <= extraEnd) localOffset = Number(view.getBigUint64(p, true));
      }
      extra += 4 + size;
    }
    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL || localOffset + 30 + compressedSize > bytes.length) {
      throw new ZipCheckError('truncated_zip', `the zip archive is truncated (entry ${name} is incomplete)`);
    }
    const ratio = uncompressedSize / Math.max(1, compressedSize);
    if (uncompressedSize > limits.ratioFloor && ratio > limits.maxRatio) {
      throw new ZipCheckError(
        'zip_bomb',
        `the archive entry ${name} would inflate ${Math.round(ratio)}-fold to ${mb(uncompressedSize)} (a zip bomb?); refused`,
      );
    }
    total += uncompressedSize;
    totalCompressed += compressedSize;
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (total > limits.maxTotalUncompressed) {
    throw new ZipCheckError(
      'zip_bomb',
      `the archive would inflate to ${mb(total)}, more than the ${mb(limits.maxTotalUncompressed)} allowed; refused`,
    );
  }
  if (total > limits.ratioFloor && total / Math.max(1, totalCompressed) > limits.maxRatio) {
    throw new ZipCheckError('zip_bomb', `the archive would inflate ${Math.round(total / totalCompressed)}-fold (a zip bomb?); refused`);
  }
  return entries;
}
