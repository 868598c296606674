/**
 * `atlas report`: the report workbook of a workspace, as the Reports page exports it.
 *
 *   atlas report --workspace W [--template NAME] [--filter "grade=A,province=江苏省"]
 *                [--language zh-CN|en] [--format xlsx|csv] [--csv-encoding utf8-bom|gbk]
 *                [--show-personal-data] --out F.xlsx
 *
 * The filter uses the keys of the app's URLs (shared/filters/query.ts): region, province,
 * city, manager, product, type, grade, stage, scheme + segment, tag (+ tags=all), q. Pairs are
 * separated by commas or '&'; a key may repeat (grade=A,grade=B). A segment without a scheme
 * means the 8-class scheme (rfm8).
 */
import path from 'node:path';
import type { Language } from '../../shared/api/contract.ts';
import { filterFromQuery, filterToQuery } from '../../shared/filters/index.ts';
import type { ReportCsvEncoding, ReportFormat } from '../../shared/reports/api.ts';
import { workspaceDisplayName } from '../services/reports-handlers.ts';
import { WorkerClient } from '../services/worker-client.ts';
import { appVersion } from '../node/runtime-paths.ts';

export class ReportUsageError extends Error {}

export interface ReportIo {
  out(text: string): void;
  err(text: string): void;
}

export interface ReportOptions {
  workspace: string;
  out: string;
  template?: string;
  filter?: string;
  language: Language;
  format?: string;
  csvEncoding?: string;
  showPersonalData?: boolean;
}

const FILTER_KEYS = ['region', 'province', 'city', 'manager', 'product', 'type', 'grade', 'stage', 'scheme', 'segment', 'tag', 'tags', 'q'] as const;

/** Keys whose values come from a fixed list (the rest name provinces, managers … of the workspace). */
const FIXED_VALUES: Readonly<Record<string, readonly string[]>> = {
  grade: ['A', 'B', 'C', 'D'],
  stage: ['new', 'active', 'sleeping', 'lost', 'prospect'],
  tags: ['all', 'any'],
};
const SINGLE_KEYS = ['scheme', 'tags', 'q'];

/**
 * "grade=A,province=江苏省" → the app's filter query string. Unknown keys, pairs without a value,
 * values outside a fixed list (grade, stage, tags), a repeated single-valued key and a scheme
 * without a segment are usage errors naming the pair, so a typo never yields a silently empty
 * report.
 */
export function cliFilterQuery(text: string): string {
  const pairs = text
    .split(/[,&，]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const params = new URLSearchParams();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new ReportUsageError(`--filter: "${pair}" is not key=value`);
    const key = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (!(FILTER_KEYS as readonly string[]).includes(key)) throw new ReportUsageError(`--filter: unknown key "${key}" (use ${FILTER_KEYS.join(', ')})`);
    if (value === '') throw new ReportUsageError(`--filter: "${pair}" has no value`);
    const allowed = FIXED_VALUES[key];
    if (allowed && !allowed.includes(value)) throw new ReportUsageError(`--filter: ${key} must be one of ${allowed.join(', ')} (got "${value}")`);
    if (SINGLE_KEYS.includes(key) && params.has(key)) throw new ReportUsageError(`--filter: ${key} may be given only once`);
    params.append(key, value);
  }
  if (params.has('scheme') && !params.has('segment')) throw new ReportUsageError('--filter: scheme needs at least one segment=…');
  if (params.has('segment') && !params.has('scheme')) params.append('scheme', 'rfm8');
  return filterToQuery(filterFromQuery(params.toString()));
}

function formatOf(opts: ReportOptions): ReportFormat {
  const format = opts.format ?? (path.extname(opts.out).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
  if (format !== 'xlsx' && format !== 'csv') throw new ReportUsageError('--format must be xlsx or csv');
  return format;
}

export async function reportCommand(opts: ReportOptions, io: ReportIo): Promise<number> {
  const format = formatOf(opts);
  const csvEncoding = (opts.csvEncoding ?? 'utf8-bom') as ReportCsvEncoding;
  if (csvEncoding !== 'utf8-bom' && csvEncoding !== 'gbk') throw new ReportUsageError('--csv-encoding must be utf8-bom or gbk');
  const filter = opts.filter === undefined ? '' : cliFilterQuery(opts.filter);
  const out = path.resolve(opts.out);
  const workspace = path.resolve(opts.workspace);
  const worker = new WorkerClient({ createdBy: `Customer Atlas ${appVersion()} (cli)` });
  try {
    await worker.call('open', { path: workspace });
    const result = await worker.call('reportsExport', {
      filter,
      language: opts.language,
      format,
      ...(format === 'csv' ? { csvEncoding } : {}),
      personalData: opts.showPersonalData === true ? 'shown' : 'masked',
      path: out,
      ...(opts.template === undefined ? {} : { templateName: opts.template }),
      workspaceName: workspaceDisplayName(path.basename(workspace)),
    });
    io.out(`Report written to ${result.path}: ${result.rows} rows in ${result.sheets.length} sheet(s) (${result.sheets.join(', ')})\n`);
    return 0;
  } finally {
    await worker.terminate();
  }
}
