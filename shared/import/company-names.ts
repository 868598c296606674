/**
 * The key customers are unified by when no code matches: the same company written as
 * "苏州华建工程有限公司", "苏州华建工程(集团)有限公司" or "ＳＵＺＨＯＵ华建工程 有限責任公司"
 * must meet, while 苏州华建 and 苏州华建工程 stay apart. So only legal-form words are removed,
 * and only at the end (or in brackets); the distinctive core is never shortened.
 */

/** Bracketed qualifiers that do not change which company is meant. */
const QUALIFIERS = /[(（[【]\s*(集团|集團|股份|控股|有限|有限公司|中国|中國|普通合伙|有限合伙|個人獨資|个人独资|group|holdings?|china)\s*[)）\]】]/gi;

// Longest first: the loop removes one suffix per pass, so 集团股份有限公司 goes in one step.
const LEGAL_SUFFIXES = [
  '集团股份有限公司',
  '集團股份有限公司',
  '集团有限责任公司',
  '集團有限責任公司',
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '集团有限公司',
  '集團有限公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '集團公司',
  '责任公司',
  '公司',
  'corporationlimited',
  'companylimited',
  'coltd',
  'colimited',
  'limited',
  'ltd',
  'incorporated',
  'inc',
  'corporation',
  'corp',
  'company',
  'co',
  'llc',
  'gmbh',
  'plc',
];

/** What is left of a name made only of legal-form words; such a name is kept whole. */
const LEGAL_WORDS = new Set(['有限', '有限责任', '有限責任', '股份', '股份有限', '集团', '集團', '集团有限', '责任', '集团股份有限']);

/** Case, width and punctuation folded; legal forms dropped. Use as a comparison key only. */
export function normalizeCompanyName(name: string): string {
  const folded = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(QUALIFIERS, '')
    .replace(/[()（）[\]【】{}<>《》]/g, '')
    .replace(/[\s.,，。·•・'’"“”&＆\-_/\\]/g, '');
  let key = folded;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      // Keep at least two characters of core name: "有限公司" alone is not a company.
      if (key.endsWith(suffix) && key.length - suffix.length >= 2 && !LEGAL_WORDS.has(key.slice(0, -suffix.length))) {
        key = key.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return key === '' ? folded : key;
}
