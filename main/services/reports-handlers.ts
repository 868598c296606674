/**
 * The reports feature's API handlers: exports run as jobs in the worker (progress, cancel by
 * job id); templates are stored in the workspace (a change publishes workspace.changed so
 * autosave writes it); the save dialog is the host's, where it has one.
 */
import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';
import { translate } from '../../shared/i18n/index.ts';
import type { ReportsApiSpec } from '../../shared/reports/api.ts';
import type { FeatureHandlers, ServiceContext } from './types.ts';

/** The workspace's name as the report shows it: the file name without `.atlas`. */
export function workspaceDisplayName(name: string): string {
  return name.replace(/\.atlas$/i, '');
}

export function createReportsHandlers(context: ServiceContext): FeatureHandlers<ReportsApiSpec> {
  const { worker } = context;
  return {
    'reports.export': (params) => {
      const info = context.requireWorkspace();
      const { jobId: _jobId, ...rest } = params;
      return context.job(params, (jobId) =>
        worker.call('reportsExport', { ...rest, path: path.resolve(rest.path), workspaceName: info.isDemo ? translate(rest.language, 'report.demoWorkspace') : workspaceDisplayName(info.name) }, jobId),
      );
    },
    'reports.templates.list': async () => {
      context.requireWorkspace();
      return worker.call('reportsTemplatesList', undefined);
    },
    'reports.templates.save': async ({ template }) => {
      context.requireWorkspace();
      const result = await worker.call('reportsTemplatesSave', { template });
      await context.workspaceChanged();
      return result;
    },
    'reports.templates.delete': async ({ name }) => {
      context.requireWorkspace();
      const result = await worker.call('reportsTemplatesDelete', { name });
      await context.workspaceChanged();
      return result;
    },
    'reports.chooseSavePath': async ({ format, suggestedName }) => {
      const info = context.requireWorkspace();
      const host = context.options.host;
      if (!host.nativeDialogs || !host.chooseReportPath) {
        throw new AtlasError('UNSUPPORTED', 'This host has no native file dialogs', { method: 'reports.chooseSavePath' });
      }
      return host.chooseReportPath(path.join(path.dirname(info.path), path.basename(suggestedName)), format);
    },
  };
}
