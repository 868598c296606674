import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, sniffEncoding } from './encoding.ts';
import { parseDelimited, sniffDelimiter } from './delimited.ts';

const CSV = [
  '客户编码,客户名称,客户类型,省份,城市,地址,联系人,电话',
  'C000001,苏州华建工程机械有限公司,企业,江苏省,苏州市,江苏省苏州市工业园区星湖街328号,张伟,13812345678',
  'C000002,山东恒程建筑安装工程有限公司,租赁公司,山东省,青岛市,山东省青岛市李沧区发展大道197号,李娜,0532-88776655',
  'C000003,林家豪,个体机主,四川省,广元市,四川省广元市利州区创业路64号,林家豪,18905857782',
].join('\r\n');

const CSV_HANT = [
  '客戶編碼,客戶名稱,客戶類型,省份,城市,地址,聯繫人,電話',
  'C000001,台北華建工程機械有限公司,企業,臺灣省,臺北,臺北市信義區松仁路100號,張偉,0227201234',
  'C000002,香港恆程建築工程有限公司,租賃公司,香港,香港,香港九龍觀塘道388號,李娜,85223456789',
].join('\r\n');

function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Excel's "Unicode text": UTF-16 LE with BOM, tab-delimited, CRLF. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (endian === 'be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
  return bytes(le);
}

describe('sniffEncoding / decodeText', () => {
  it('UTF-8 with BOM', () => {
    const b = bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]));
    expect(sniffEncoding(b)).toEqual({ encoding: 'utf-8', bom: true, confidence: 1 });
    expect(decodeText(b).text).toBe(CSV);
  });

  it('UTF-8 without BOM', () => {
    const b = bytes(Buffer.from(CSV, 'utf8'));
    expect(sniffEncoding(b)).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(decodeText(b)).toEqual({ text: CSV, encoding: 'utf-8' });
  });

  it('plain ASCII is UTF-8 with lower confidence', () => {
    expect(sniffEncoding(bytes(Buffer.from('a,b\r\n1,2', 'utf8')))).toEqual({ encoding: 'utf-8', bom: false, confidence: 0.6 });
  });

  it('a UTF-8 sample cut inside a character is still UTF-8', () => {
    const b = bytes(Buffer.from(CSV, 'utf8'));
    expect(sniffEncoding(b.subarray(0, 20)).encoding).toBe('utf-8'); // 客户编码 cut mid-character
  });

  it.each(['gbk', 'gb18030'])('%s (Excel on a Chinese Windows)', (codec) => {
    const b = bytes(iconv.encode(CSV, codec));
    expect(sniffEncoding(b).encoding).toBe('gb18030');
    expect(decodeText(b)).toEqual({ text: CSV, encoding: 'gb18030' });
  });

  it('Big5 (Traditional Chinese offices)', () => {
    const b = bytes(iconv.encode(CSV_HANT, 'big5'));
    expect(sniffEncoding(b).encoding).toBe('big5');
    expect(decodeText(b).text).toBe(CSV_HANT);
  });

  it('GBK text that happens to be valid Big5 byte-wise still reads as GBK', () => {
    const b = bytes(iconv.encode('客户名称,省份\r\n苏州华建工程有限公司,江苏省\r\n', 'gbk'));
    expect(sniffEncoding(b).encoding).toBe('gb18030');
  });

  it.each([
    ['le', true],
    ['le', false],
    ['be', true],
    ['be', false],
  ] as const)('UTF-16 %s (BOM: %s), tab-delimited', (endian, bom) => {
    const text = CSV.replace(/,/g, '\t');
    const b = utf16(text, endian, bom);
    const guess = sniffEncoding(b);
    expect(guess.encoding).toBe(endian === 'le' ? 'utf-16le' : 'utf-16be');
    expect(guess.bom).toBe(bom);
    const decoded = decodeText(b).text;
    expect(decoded).toBe(text);
    expect(sniffDelimiter(decoded)).toBe('\t');
    expect(parseDelimited(decoded, '\t')[1]?.[1]).toBe('苏州华建工程机械有限公司');
  });
});
