/** A1-style references. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as it appears in a formula or defined name: 'Q1 ''24'!… */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
