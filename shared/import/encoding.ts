/**
 * Guessing the encoding of a text export. Chinese CSVs arrive as UTF-8 (with or without BOM),
 * GBK/GB18030 from Excel on a Chinese Windows, Big5 from Taiwan/Hong Kong offices, and UTF-16
 * from Excel's "Unicode text". A wrong guess garbles every name, so the guess is scored on
 * the characters customer exports are made of rather than taken from the first decoder
 * that does not throw (GB18030 accepts almost any byte sequence).
 */
import type { EncodingGuess, TextEncoding } from './types.ts';

/** How much of a big file the guess looks at: enough for thousands of rows. */
const SAMPLE_BYTES = 256 * 1024;

// Characters frequent in customer/order exports, in both scripts. A correct decoding is made
// mostly of these; a wrong one scatters into rare characters.
const COMMON =
  '客户戶公司有限责責任股份集团團省市区區县縣镇鎮路街号號村工程机機械設设备備租赁賃建筑築' +
  '日期金额額名称稱编編码碼电電话話地址合同销銷售订訂单單数數量类類型联聯系人经經理大' +
  '服务務维維修保养養投诉訴咨询詢满滿意度调調研得分见見设備序列号購买買小时時位置来來源阶階段结結果' +
  '中华華国國东東南西北京上海江苏蘇浙广廣州山河湖安徽福建四川云雲贵貴陕陝甘肃肅青宁寧新疆' +
  '的是在不了一和为為个個有这這们們上下年月分元万萬亿億台';
const COMMON_SET = new Set(COMMON);

function hasBom(b: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without BOM: ASCII characters leave a NUL in every other byte. */
function utf16ByNuls(b: Uint8Array): TextEncoding | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even += 1;
    if (b[i + 1] === 0) odd += 1;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    // stream: true so a multi-byte character cut at the sample's end is not an error.
    return new TextDecoder(label, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

/** Share of CJK characters in `text` that are common in exports (0 when there are none). */
function commonShare(text: string): { share: number; cjk: number } {
  let cjk = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x3400 && c <= 0x9fff) {
      cjk += 1;
      if (COMMON_SET.has(ch)) common += 1;
    } else if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) {
      // Private-use or replacement characters only come out of a wrong decoding.
      cjk += 1;
    }
  }
  return { share: cjk === 0 ? 0 : common / cjk, cjk };
}

export function sniffEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = hasBom(bytes);
  if (bom) return { encoding: bom.encoding, bom: true, confidence: 1 };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16ByNuls(sample);
  if (utf16) return { encoding: utf16, bom: false, confidence: 0.9 };
  let ascii = true;
  for (let i = 0; i < sample.length; i += 1) {
    if ((sample[i] ?? 0) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { encoding: 'utf-8', bom: false, confidence: 0.6 };
  if (tryDecode('utf-8', sample) !== undefined) return { encoding: 'utf-8', bom: false, confidence: 1 };
  const gb = tryDecode('gb18030', sample);
  const big5 = tryDecode('big5', sample);
  const gbScore = gb === undefined ? -1 : commonShare(gb).share;
  const big5Score = big5 === undefined ? -1 : commonShare(big5).share;
  if (big5Score > gbScore) {
    return { encoding: 'big5', bom: false, confidence: Math.max(0.3, Math.min(0.95, big5Score - Math.max(gbScore, 0) + 0.5)) };
  }
  return { encoding: 'gb18030', bom: false, confidence: Math.max(0.3, Math.min(0.95, gbScore - Math.max(big5Score, 0) + 0.5)) };
}

/** Decodes a whole text file with the sniffed encoding; the BOM is dropped. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const guess = sniffEncoding(bytes);
  // Not fatal: a stray bad byte deep in a big file becomes U+FFFD in one cell rather than
  // failing the file; the validator shows the cell to the user.
  const text = new TextDecoder(guess.encoding).decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: guess.encoding };
}
