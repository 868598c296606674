/**
 * The dossier feature's part of the API contract: the dossier of one customer, visit notes,
 * visit lists (CRUD, members, order), printing to PDF and exporting a list to Excel (jobs with
 * progress and cancel by jobId), and the host's save dialog. Personal data is masked unless a
 * call asks for `personalData: 'shown'`.
 */
import { fail, integer, jobId, MAX_PATH, none, oneOf, record, text } from '../api/checks.ts';
import type { Validators } from '../api/checks.ts';
import type { JobParams, Language } from '../api/contract.ts';
import type { Dossier, DossierNote, PersonalDataMode } from './types.ts';
import { MAX_VISIT_LIST_NAME, MAX_VISIT_LIST_SIZE, VISIT_ORDERS } from './visit-list.ts';
import type { VisitList, VisitListSummary, VisitOrder } from './visit-list.ts';

const LANGUAGES = ['zh-CN', 'en'] as const satisfies readonly Language[];
const PERSONAL_DATA_MODES = ['masked', 'shown'] as const satisfies readonly PersonalDataMode[];
export const MAX_NOTE_LENGTH = 4000;
const MAX_CUSTOMER_ID = 2 ** 31 - 1;

export interface DossierPrintParams extends JobParams {
  /** Exactly one of customerId (one dossier) and listName (cover page + every dossier). */
  customerId?: number;
  listName?: string;
  language: Language;
  /** Default masked. */
  personalData?: PersonalDataMode;
  /** Absolute path of the PDF to write (replaced atomically when complete). */
  path: string;
}

export interface DossierPrintResult {
  path: string;
  pages: number;
  dossiers: number;
  bytes: number;
}

export interface VisitListExportParams extends JobParams {
  name: string;
  language: Language;
  personalData?: PersonalDataMode;
  path: string;
}

export interface VisitListSaveParams {
  name: string;
  /** Build from these customers (the Customers page selection)… */
  customerIds?: number[];
  /** …or from every customer matching this filter query. */
  filter?: string;
  order: VisitOrder;
  /** Replace a list of the same name (otherwise FILE_EXISTS-like INVALID_INPUT). */
  replace?: boolean;
}

export interface DossierApiSpec {
  'dossier.get': { params: { customerId: number; personalData?: PersonalDataMode }; result: Dossier };
  /** Adds a visit note (date = visit date, default today); returns the customer's notes. */
  'dossier.notes.add': { params: { customerId: number; date: string; text: string }; result: DossierNote[] };
  'dossier.notes.delete': { params: { customerId: number; noteId: number }; result: DossierNote[] };
  'dossier.lists.list': { params: undefined; result: VisitListSummary[] };
  'dossier.lists.get': { params: { name: string; personalData?: PersonalDataMode }; result: VisitList };
  'dossier.lists.save': { params: VisitListSaveParams; result: VisitList };
  'dossier.lists.rename': { params: { name: string; newName: string }; result: VisitListSummary[] };
  'dossier.lists.delete': { params: { name: string }; result: VisitListSummary[] };
  /** Sets the members in this order (add, remove, move); the list's order becomes 'manual'. */
  'dossier.lists.setMembers': { params: { name: string; customerIds: number[] }; result: VisitList };
  /** Re-orders the list by priority or by place. */
  'dossier.lists.order': { params: { name: string; order: VisitOrder }; result: VisitList };
  /** Prints one dossier or a whole visit list to one PDF (job: progress per dossier, cancel). */
  'dossier.print': { params: DossierPrintParams; result: DossierPrintResult };
  /** Writes the visit list as an .xlsx workbook (masked by default). */
  'dossier.lists.export': { params: VisitListExportParams; result: { path: string; rows: number } };
  /** Electron's native save dialog; UNSUPPORTED where the host has none (browser mode). */
  'dossier.chooseSavePath': { params: { format: 'pdf' | 'xlsx'; suggestedName: string }; result: string | null };
}

export const DOSSIER_METHODS = {
  'dossier.get': true,
  'dossier.notes.add': true,
  'dossier.notes.delete': true,
  'dossier.lists.list': true,
  'dossier.lists.get': true,
  'dossier.lists.save': true,
  'dossier.lists.rename': true,
  'dossier.lists.delete': true,
  'dossier.lists.setMembers': true,
  'dossier.lists.order': true,
  'dossier.print': true,
  'dossier.lists.export': true,
  'dossier.chooseSavePath': true,
} as const satisfies Record<keyof DossierApiSpec, true>;

function customerId(method: string, obj: Record<string, unknown>, key = 'customerId'): number {
  return integer(method, obj, key, 1, MAX_CUSTOMER_ID);
}

function listName(method: string, obj: Record<string, unknown>, key = 'name'): string {
  const name = text(method, obj, key, MAX_VISIT_LIST_NAME).trim();
  if (/[\u0000-\u001f]/.test(name)) fail(method, `"${key}" contains control characters`);
  return name;
}

function personalData(method: string, obj: Record<string, unknown>): { personalData?: PersonalDataMode } {
  return obj['personalData'] === undefined ? {} : { personalData: oneOf(method, obj, 'personalData', PERSONAL_DATA_MODES) };
}

function idList(method: string, obj: Record<string, unknown>, key: string): number[] {
  const value = obj[key];
  if (!Array.isArray(value)) fail(method, `"${key}" must be a list of customer ids`);
  if (value.length > MAX_VISIT_LIST_SIZE) fail(method, `"${key}" holds more than ${MAX_VISIT_LIST_SIZE} customers`);
  const seen = new Set<number>();
  const out: number[] = [];
  for (const id of value) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_CUSTOMER_ID) fail(method, `"${key}" holds an invalid customer id`);
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

function isoDate(method: string, obj: Record<string, unknown>, key: string): string {
  const value = text(method, obj, key, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) fail(method, `"${key}" must be a date YYYY-MM-DD`);
  return value;
}

export const dossierValidators: Validators<DossierApiSpec> = {
  'dossier.get': (p) => {
    const m = 'dossier.get';
    const obj = record(m, p, ['customerId', 'personalData']);
    return { customerId: customerId(m, obj), ...personalData(m, obj) };
  },
  'dossier.notes.add': (p) => {
    const m = 'dossier.notes.add';
    const obj = record(m, p, ['customerId', 'date', 'text']);
    const note = text(m, obj, 'text', MAX_NOTE_LENGTH).trim();
    return { customerId: customerId(m, obj), date: isoDate(m, obj, 'date'), text: note };
  },
  'dossier.notes.delete': (p) => {
    const m = 'dossier.notes.delete';
    const obj = record(m, p, ['customerId', 'noteId']);
    return { customerId: customerId(m, obj), noteId: integer(m, obj, 'noteId', 1, MAX_CUSTOMER_ID) };
  },
  'dossier.lists.list': (p) => none('dossier.lists.list', p),
  'dossier.lists.get': (p) => {
    const m = 'dossier.lists.get';
    const obj = record(m, p, ['name', 'personalData']);
    return { name: listName(m, obj), ...personalData(m, obj) };
  },
  'dossier.lists.save': (p) => {
    const m = 'dossier.lists.save';
    const obj = record(m, p, ['name', 'customerIds', 'filter', 'order', 'replace']);
    const hasIds = obj['customerIds'] !== undefined;
    const hasFilter = obj['filter'] !== undefined;
    if (hasIds === hasFilter) fail(m, 'give either "customerIds" or "filter"');
    const filter = obj['filter'];
    if (hasFilter && (typeof filter !== 'string' || filter.length > 20_000)) fail(m, '"filter" must be a query string');
    const ids = hasIds ? idList(m, obj, 'customerIds') : undefined;
    if (ids !== undefined && ids.length === 0) fail(m, '"customerIds" must name at least one customer');
    const replace = obj['replace'];
    if (replace !== undefined && typeof replace !== 'boolean') fail(m, '"replace" must be true or false');
    return {
      name: listName(m, obj),
      order: oneOf(m, obj, 'order', VISIT_ORDERS),
      ...(ids === undefined ? {} : { customerIds: ids }),
      ...(hasFilter ? { filter: filter as string } : {}),
      ...(replace === undefined ? {} : { replace }),
    };
  },
  'dossier.lists.rename': (p) => {
    const m = 'dossier.lists.rename';
    const obj = record(m, p, ['name', 'newName']);
    return { name: listName(m, obj), newName: listName(m, obj, 'newName') };
  },
  'dossier.lists.delete': (p) => {
    const obj = record('dossier.lists.delete', p, ['name']);
    return { name: listName('dossier.lists.delete', obj) };
  },
  'dossier.lists.setMembers': (p) => {
    const m = 'dossier.lists.setMembers';
    const obj = record(m, p, ['name', 'customerIds']);
    return { name: listName(m, obj), customerIds: idList(m, obj, 'customerIds') };
  },
  'dossier.lists.order': (p) => {
    const m = 'dossier.lists.order';
    const obj = record(m, p, ['name', 'order']);
    return { name: listName(m, obj), order: oneOf(m, obj, 'order', VISIT_ORDERS) };
  },
  'dossier.print': (p) => {
    const m = 'dossier.print';
    const obj = record(m, p, ['customerId', 'listName', 'language', 'personalData', 'path', 'jobId']);
    const hasCustomer = obj['customerId'] !== undefined;
    if (hasCustomer === (obj['listName'] !== undefined)) fail(m, 'give either "customerId" or "listName"');
    return {
      ...(hasCustomer ? { customerId: customerId(m, obj) } : { listName: listName(m, obj, 'listName') }),
      language: oneOf(m, obj, 'language', LANGUAGES),
      path: text(m, obj, 'path', MAX_PATH),
      ...personalData(m, obj),
      ...jobId(m, obj),
    };
  },
  'dossier.lists.export': (p) => {
    const m = 'dossier.lists.export';
    const obj = record(m, p, ['name', 'language', 'personalData', 'path', 'jobId']);
    return {
      name: listName(m, obj),
      language: oneOf(m, obj, 'language', LANGUAGES),
      path: text(m, obj, 'path', MAX_PATH),
      ...personalData(m, obj),
      ...jobId(m, obj),
    };
  },
  'dossier.chooseSavePath': (p) => {
    const m = 'dossier.chooseSavePath';
    const obj = record(m, p, ['format', 'suggestedName']);
    return { format: oneOf(m, obj, 'format', ['pdf', 'xlsx'] as const), suggestedName: text(m, obj, 'suggestedName', 200) };
  },
};
