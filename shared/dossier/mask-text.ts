/**
 * Masking of personal data inside free text (ticket descriptions, survey comments): resident
 * ID numbers and phone numbers written anywhere in the text are masked like the report's
 * phone and ID columns; everything else stays as written.
 */
import { maskIdNumber, maskPhone } from '../report/masking.ts';

const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
/** Mobile numbers (optionally +86), and landlines with an area code (010-12345678). */
const PHONE = /(?<![\d*])(?:(?:\+|00)86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)|(?<![\d*])0\d{2,3}-\d{7,8}(?!\d)/g;

export function maskFreeText(text: string): string {
  return text.replace(ID_NUMBER, (id) => maskIdNumber(id)).replace(PHONE, (phone) => maskPhone(phone));
}
