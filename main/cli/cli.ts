/**
 * `atlas`: the pipeline without a window, for scheduled jobs and tests. It talks to the same
 * worker the app uses. Results go to stdout, errors to stderr with a non-zero exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { AtlasError, toErrorData } from '../../shared/api/errors.ts';
import { languageForLocale, translateError } from '../../shared/i18n/index.ts';
import type { Overview } from '../../shared/overview/overview.ts';
import { systemLocale } from '../node/data-dir.ts';
import { appVersion } from '../node/runtime-paths.ts';
import { WorkerClient } from '../services/worker-client.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const HELP = `Customer Atlas command line

Usage:
  atlas demo --out FILE [--seed N] [--force]   write the demo workspace to FILE
  atlas info FILE [--json]                     counts, date range and revenue of a workspace
  atlas samples --out DIR                      write the demo data as sample .xlsx/.csv files
  atlas web [--port N] [--data-dir DIR] [--workspace FILE]
                                               browser mode on http://127.0.0.1:N/
  atlas import FILE... --workspace W [--kind K] [--json]
                                               import .xlsx/.xls/.csv files (creates W if missing)
  atlas export --workspace W --table customers --out F.csv
                                               write the customer master as UTF-8 CSV
  atlas score --workspace W [--as-of DATE] [--bins N] [--monetary total|average|collected] --out F.csv
  atlas score --orders FILE --customer-col C --date-col D --amount-col A [--as-of DATE] [--bins N] --out F.csv
                                               RFM scores, segments, grade, lifecycle, churn risk, tags per customer
  atlas report --workspace W [--template NAME] [--filter "grade=A,province=江苏省"] [--language zh-CN|en]
               [--format xlsx|csv] [--csv-encoding utf8-bom|gbk] [--show-personal-data] --out F.xlsx
                                               the report workbook (summary, segments, regions, tags,
                                               conversion, churn, customers); phones masked by default
  atlas dossier --workspace W (--customer CODE|ID | --list NAME) --out F.pdf [--language zh-CN|en]
               [--show-personal-data]       a customer's dossier, or a visit list (cover + every
                                               dossier), as one A4 PDF (headless Chromium)
  atlas --help | --version

Exit codes: 0 success, 1 failure (message on stderr), 2 wrong usage.
`;

class UsageError extends Error {}

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const stdio: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function parse(args: string[], options: ParseArgsConfig['options'], positionals = 0) {
  try {
    const parsed = parseArgs({ args, options: options ?? {}, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument ${parsed.positionals[positionals]}`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

async function withWorker<T>(run: (worker: WorkerClient) => Promise<T>): Promise<T> {
  const worker = new WorkerClient({ createdBy: `Customer Atlas ${appVersion()} (cli)` });
  try {
    return await run(worker);
  } finally {
    await worker.terminate();
  }
}

/** The one JSON object `atlas info --json` prints; Overview shows the same figures. */
export interface InfoJson {
  workspace: string;
  schemaVersion: number;
  counts: Overview['counts'];
  orderDateRange: Overview['orderDateRange'];
  totalRevenue: number;
}

function formatInfo(info: InfoJson): string {
  const lines = [
    `Workspace:      ${info.workspace}`,
    `Schema version: ${info.schemaVersion}`,
    ...Object.entries(info.counts).map(([kind, n]) => `${(kind + ':').padEnd(16)}${n.toLocaleString('en-US')}`),
    `Orders from:    ${info.orderDateRange ? `${info.orderDateRange.from} to ${info.orderDateRange.to}` : '-'}`,
    `Total revenue:  ¥${info.totalRevenue.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
  ];
  return lines.join('\n') + '\n';
}

async function demo(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } });
  if (!values.out) throw new UsageError('demo needs --out FILE');
  const out = path.resolve(String(values.out));
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  if (fs.existsSync(out) && !values.force) {
    throw new AtlasError('FILE_EXISTS', `${out} already exists (use --force to replace it)`, { path: out });
  }
  const state = await withWorker((worker) =>
    worker.call('create', { path: out, demo: true, ...(seed === undefined ? {} : { seed }) }),
  );
  io.out(`Demo workspace written to ${state.path}\n`);
  return EXIT_OK;
}

async function info(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('info needs a workspace FILE');
  const result = await withWorker(async (worker) => {
    const state = await worker.call('open', { path: file });
    const overview = await worker.call('overview', undefined);
    return { state, overview };
  });
  const json: InfoJson = {
    workspace: result.state.path,
    schemaVersion: result.state.schemaVersion,
    counts: result.overview.counts,
    orderDateRange: result.overview.orderDateRange,
    totalRevenue: result.overview.totalRevenue,
  };
  io.out(values.json ? JSON.stringify(json) + '\n' : formatInfo(json));
  return EXIT_OK;
}

async function samples(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' } });
  if (!values.out) throw new UsageError('samples needs --out DIR');
  const { writeDemoSamples } = await import('../demo/write-samples.ts');
  const files = await writeDemoSamples(path.resolve(String(values.out)));
  for (const file of files) io.out(`${file}\n`);
  return EXIT_OK;
}

async function web(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    workspace: { type: 'string' },
  });
  const port = values.port === undefined ? 5190 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0..65535');
  const { startBrowserMode } = await import('../server/browser-mode.ts');
  const { server, services } = await startBrowserMode({
    port,
    ...(values['data-dir'] === undefined ? {} : { dataDir: path.resolve(String(values['data-dir'])) }),
    ...(values.workspace === undefined ? {} : { workspace: String(values.workspace) }),
  });
  io.out(`Customer Atlas (browser mode) is running at ${server.url}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await services.dispose();
  return EXIT_OK;
}

async function importFiles(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } }, 1000);
  if (!values.workspace) throw new UsageError('import needs --workspace W');
  const { importCommand, CliUsageError } = await import('./import-command.ts');
  try {
    return await importCommand({ files: positionals, workspace: String(values.workspace), ...(values.kind === undefined ? {} : { kind: String(values.kind) }), json: values.json === true }, io);
  } catch (error) {
    if (error instanceof CliUsageError) throw new UsageError(error.message);
    throw error;
  }
}

async function exportTable(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { workspace: { type: 'string' }, table: { type: 'string' }, out: { type: 'string' } });
  if (!values.workspace || !values.table || !values.out) throw new UsageError('export needs --workspace W --table customers --out F.csv');
  const { exportCommand, CliUsageError } = await import('./import-command.ts');
  try {
    return await exportCommand({ workspace: String(values.workspace), table: String(values.table), out: String(values.out) }, io);
  } catch (error) {
    if (error instanceof CliUsageError) throw new UsageError(error.message);
    throw error;
  }
}

async function score(args: string[], io: Io): Promise<number> {
  const text = { type: 'string' } as const;
  const { values } = parse(args, { workspace: text, orders: text, 'customer-col': text, 'date-col': text, 'amount-col': text, 'as-of': text, bins: text, monetary: text, out: text });
  if (!values.out) throw new UsageError('score needs --out F.csv');
  const { scoreCommand, ScoreUsageError } = await import('./score-command.ts');
  const pick = (key: keyof typeof values) => (values[key] === undefined ? {} : { [key]: String(values[key]) });
  try {
    return await scoreCommand(
      {
        out: String(values.out),
        ...pick('workspace'),
        ...pick('orders'),
        ...(values['customer-col'] === undefined ? {} : { customerCol: String(values['customer-col']) }),
        ...(values['date-col'] === undefined ? {} : { dateCol: String(values['date-col']) }),
        ...(values['amount-col'] === undefined ? {} : { amountCol: String(values['amount-col']) }),
        ...(values['as-of'] === undefined ? {} : { asOf: String(values['as-of']) }),
        ...pick('bins'),
        ...pick('monetary'),
      },
      io,
    );
  } catch (error) {
    if (error instanceof ScoreUsageError) throw new UsageError(error.message);
    throw error;
  }
}

async function report(args: string[], io: Io): Promise<number> {
  const text = { type: 'string' } as const;
  const { values } = parse(args, {
    workspace: text, template: text, filter: text, language: text, format: text, 'csv-encoding': text, out: text,
    'show-personal-data': { type: 'boolean' },
  });
  if (!values.workspace || !values.out) throw new UsageError('report needs --workspace W and --out F.xlsx');
  const language = values.language ?? languageForLocale(systemLocale());
  if (language !== 'zh-CN' && language !== 'en') throw new UsageError('--language must be zh-CN or en');
  const { reportCommand, ReportUsageError } = await import('./report-command.ts');
  try {
    return await reportCommand(
      {
        workspace: String(values.workspace),
        out: String(values.out),
        language,
        ...(values.template === undefined ? {} : { template: String(values.template) }),
        ...(values.filter === undefined ? {} : { filter: String(values.filter) }),
        ...(values.format === undefined ? {} : { format: String(values.format) }),
        ...(values['csv-encoding'] === undefined ? {} : { csvEncoding: String(values['csv-encoding']) }),
        ...(values['show-personal-data'] === true ? { showPersonalData: true } : {}),
      },
      io,
    );
  } catch (error) {
    if (error instanceof ReportUsageError) throw new UsageError(error.message);
    throw error;
  }
}

async function dossier(args: string[], io: Io): Promise<number> {
  const text = { type: 'string' } as const;
  const { values } = parse(args, { workspace: text, customer: text, list: text, language: text, out: text, 'show-personal-data': { type: 'boolean' } });
  if (!values.workspace || !values.out) throw new UsageError('dossier needs --workspace W, --customer ID or --list NAME, and --out F.pdf');
  const language = values.language ?? languageForLocale(systemLocale());
  if (language !== 'zh-CN' && language !== 'en') throw new UsageError('--language must be zh-CN or en');
  const { dossierCommand, DossierUsageError } = await import('./dossier-command.ts');
  try {
    return await dossierCommand(
      {
        workspace: String(values.workspace),
        out: String(values.out),
        language,
        ...(values.customer === undefined ? {} : { customer: String(values.customer) }),
        ...(values.list === undefined ? {} : { list: String(values.list) }),
        ...(values['show-personal-data'] === true ? { showPersonalData: true } : {}),
      },
      io,
    );
  } catch (error) {
    if (error instanceof DossierUsageError) throw new UsageError(error.message);
    throw error;
  }
}

const COMMANDS: Readonly<Record<string, (args: string[], io: Io) => Promise<number>>> = { demo, info, samples, web, import: importFiles, export: exportTable, score, report, dossier };

export async function runCli(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${appVersion()}\n`);
    return EXIT_OK;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.err(`atlas: unknown command "${command}"\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`atlas ${command}: ${error.message}\nRun "atlas --help" for usage.\n`);
      return EXIT_USAGE;
    }
    const data = toErrorData(error);
    io.err(`atlas ${command}: ${translateError(languageForLocale(systemLocale()), data)}\n`);
    return EXIT_FAILURE;
  }
}
