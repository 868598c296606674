/**
 * `atlas dossier`: a customer's dossier, or a whole visit list, as one A4 PDF — for scheduled
 * jobs. It starts browser mode in-process on 127.0.0.1 (a random port, a throw-away data
 * folder, the given workspace) and prints the renderer's print routes with headless Chromium,
 * exactly as the app's "Print / Save PDF" does.
 *
 *   atlas dossier --workspace W --customer CODE|ID --out F.pdf [--language zh-CN|en] [--show-personal-data]
 *   atlas dossier --workspace W --list NAME --out F.pdf [--language zh-CN|en] [--show-personal-data]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';
import type { Language } from '../../shared/api/contract.ts';
import { appVersion } from '../node/runtime-paths.ts';
import { WorkerClient } from '../services/worker-client.ts';

export class DossierUsageError extends Error {}

export interface DossierOptions {
  workspace: string;
  out: string;
  customer?: string;
  list?: string;
  language: Language;
  showPersonalData?: boolean;
}

export interface DossierIo {
  out(text: string): void;
  err(text: string): void;
}

/** The customer's row id for a code (or an id), checked against the workspace without saving it. */
async function resolveCustomer(workspace: string, ref: string): Promise<{ id: number; name: string }> {
  const worker = new WorkerClient({ createdBy: `Customer Atlas ${appVersion()} (cli)` });
  try {
    await worker.call('open', { path: workspace });
    const found = await worker.call('dossierFindCustomer', { ref });
    if (!found) throw new AtlasError('INVALID_INPUT', `no customer with code or id "${ref}" in ${workspace}`, { why: `no customer with code or id "${ref}"` });
    return found;
  } finally {
    await worker.terminate();
  }
}

export async function dossierCommand(opts: DossierOptions, io: DossierIo): Promise<number> {
  if ((opts.customer === undefined) === (opts.list === undefined)) throw new DossierUsageError('dossier needs either --customer ID or --list NAME');
  const out = path.resolve(opts.out);
  if (path.extname(out).toLowerCase() !== '.pdf') throw new DossierUsageError('--out must name a .pdf file');
  const workspace = path.resolve(opts.workspace);
  if (!fs.existsSync(workspace)) throw new AtlasError('FILE_NOT_FOUND', `${workspace} not found`, { path: workspace });
  const customer = opts.customer === undefined ? null : await resolveCustomer(workspace, opts.customer);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-dossier-'));
  const { startBrowserMode } = await import('../server/browser-mode.ts');
  const { server, services } = await startBrowserMode({ port: 0, dataDir, workspace });
  let lastShown = -1;
  const unsubscribe = services.onEvent((event) => {
    if (event.name !== 'job.progress' || event.payload.jobId !== 'cli-dossier' || event.payload.phase !== 'dossier.print') return;
    const { done, total } = event.payload;
    // A line per 10 % on long lists; nothing for a single dossier.
    if (total > 1 && (done === total || Math.floor((done / total) * 10) > lastShown)) {
      lastShown = Math.floor((done / total) * 10);
      io.err(`printed ${done} / ${total}\n`);
    }
  });
  try {
    const result = await services.api['dossier.print']({
      jobId: 'cli-dossier',
      ...(customer ? { customerId: customer.id } : { listName: opts.list! }),
      language: opts.language,
      personalData: opts.showPersonalData === true ? 'shown' : 'masked',
      path: out,
    });
    io.out(`PDF written to ${result.path}: ${result.pages} page(s), ${result.dossiers} dossier(s), ${Math.round(result.bytes / 1024)} KB\n`);
    return 0;
  } finally {
    unsubscribe();
    await server.close();
    await services.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
