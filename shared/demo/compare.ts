/**
 * Code-unit order for sorting ids. localeCompare depends on the runtime's ICU data and locale,
 * which would let two machines sort the same demo differently.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
