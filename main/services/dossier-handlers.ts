/**
 * The dossier feature's API handlers. Dossiers, notes and visit lists live in the worker;
 * printing runs here in main: the host's PdfPrinter renders the renderer's print routes one at
 * a time and they are merged into one PDF (job: progress per dossier, cancel via jobs.cancel).
 */
import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';
import type { DossierApiSpec } from '../../shared/dossier/api.ts';
import { translate } from '../../shared/i18n/index.ts';
import { coverPrintRoute, dossierPrintRoute } from '../dossier/pdf-printer.ts';
import { finishMainJob, printRoutesToPdf, registerMainJob } from '../dossier/print-job.ts';
import type { FeatureHandlers, ServiceContext } from './types.ts';

export function createDossierHandlers(context: ServiceContext): FeatureHandlers<DossierApiSpec> {
  const { worker } = context;

  const changed = async <T,>(result: T): Promise<T> => {
    await context.workspaceChanged();
    return result;
  };

  return {
    'dossier.get': async (params) => {
      context.requireWorkspace();
      return worker.call('dossierGet', params);
    },
    'dossier.notes.add': async (params) => {
      context.requireWorkspace();
      return changed(await worker.call('dossierNotesAdd', params));
    },
    'dossier.notes.delete': async (params) => {
      context.requireWorkspace();
      return changed(await worker.call('dossierNotesDelete', params));
    },
    'dossier.lists.list': async () => {
      context.requireWorkspace();
      return worker.call('dossierListsList', undefined);
    },
    'dossier.lists.get': async (params) => {
      context.requireWorkspace();
      return worker.call('dossierListsGet', params);
    },
    'dossier.lists.save': async (params) => {
      context.requireWorkspace();
      return changed(await worker.call('dossierListsSave', params));
    },
    'dossier.lists.rename': async (params) => {
      context.requireWorkspace();
      return changed(await worker.call('dossierListsRename', params));
    },
    'dossier.lists.delete': async (params) => {
      context.requireWorkspace();
      return changed(await worker.call('dossierListsDelete', params));
    },
    'dossier.lists.setMembers': async (params) => {
      context.requireWorkspace();
      return changed(await worker.call('dossierListsSetMembers', params));
    },
    'dossier.lists.order': async (params) => {
      context.requireWorkspace();
      return changed(await worker.call('dossierListsOrder', params));
    },
    'dossier.lists.export': (params) => {
      context.requireWorkspace();
      const { jobId: _jobId, ...rest } = params;
      return context.job(params, (jobId) => worker.call('dossierListsExport', { ...rest, path: path.resolve(rest.path) }, jobId));
    },
    'dossier.print': async (params) => {
      context.requireWorkspace();
      const create = context.options.host.createPdfPrinter;
      if (!create) throw new AtlasError('UNSUPPORTED', 'This host cannot print to PDF', { method: 'dossier.print' });
      const out = path.resolve(params.path);
      if (path.extname(out).toLowerCase() !== '.pdf') throw new AtlasError('INVALID_INPUT', `${out}: the file name must end in .pdf`, { why: 'the file name must end in .pdf' });
      const pd = params.personalData ?? 'masked';
      let routes: string[];
      let title: string;
      if (params.customerId !== undefined) {
        // Checks the customer exists before a browser starts (a clear INVALID_INPUT otherwise).
        const dossier = await worker.call('dossierGet', { customerId: params.customerId });
        routes = [dossierPrintRoute(params.customerId, params.language, pd)];
        title = `${translate(params.language, 'dossier.title')} · ${dossier.header.name}`;
      } else {
        const list = await worker.call('dossierListsGet', { name: params.listName! });
        if (list.members.length === 0) throw new AtlasError('INVALID_INPUT', `the visit list "${list.name}" is empty`, { why: `the visit list "${list.name}" is empty` });
        routes = [coverPrintRoute(list.name, params.language, pd), ...list.members.map((m) => dossierPrintRoute(m.id, params.language, pd))];
        title = `${translate(params.language, 'visits.cover.title')} · ${list.name}`;
      }
      return context.job(params, async (jobId) => {
        const controller = registerMainJob(jobId);
        const printer = await create();
        try {
          const printed = await printRoutesToPdf({
            printer,
            routes,
            path: out,
            title,
            language: params.language,
            signal: controller.signal,
            onProgress: (phase, done, total) => {
              if (jobId) context.emit({ name: 'job.progress', payload: { jobId, phase, done, total } });
            },
          });
          return { path: printed.path, pages: printed.pages, bytes: printed.bytes, dossiers: params.customerId !== undefined ? 1 : routes.length - 1 };
        } finally {
          finishMainJob(jobId);
          await printer.close();
        }
      });
    },
    'dossier.chooseSavePath': async ({ format, suggestedName }) => {
      const info = context.requireWorkspace();
      const host = context.options.host;
      if (!host.nativeDialogs || !host.chooseDossierPath) {
        throw new AtlasError('UNSUPPORTED', 'This host has no native file dialogs', { method: 'dossier.chooseSavePath' });
      }
      return host.chooseDossierPath(path.join(path.dirname(info.path), path.basename(suggestedName)), format);
    },
  };
}
