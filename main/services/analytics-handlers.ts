/**
 * The analytics feature's API handlers: each call goes to its worker operation; calls that
 * change the workspace (settings, tags, grades, schemes) re-score there and then publish
 * workspace.changed, so every open page reloads and autosave runs.
 */
import { METRIC_CATALOG } from '../../shared/analytics/index.ts';
import type { AnalyticsApiSpec } from '../../shared/analytics/api.ts';
import type { FeatureHandlers, ServiceContext } from './types.ts';

export function createAnalyticsHandlers(context: ServiceContext): FeatureHandlers<AnalyticsApiSpec> {
  const { worker } = context;
  const read = <T,>(run: () => Promise<T>): Promise<T> => {
    context.requireWorkspace();
    return run();
  };
  const change = async <T,>(run: () => Promise<T>): Promise<T> => {
    context.requireWorkspace();
    const result = await run();
    await context.workspaceChanged();
    return result;
  };
  return {
    'analytics.settings.get': () => read(() => worker.call('analyticsSettingsGet', undefined)),
    'analytics.settings.set': ({ settings }) => change(() => worker.call('analyticsSettingsSet', { settings })),
    'analytics.summary': () => read(() => worker.call('analyticsSummary', undefined)),
    'analytics.metricCatalog': async () => METRIC_CATALOG,
    'analytics.tags.list': () => read(() => worker.call('analyticsTagsList', undefined)),
    'analytics.tags.save': ({ tag }) => change(() => worker.call('analyticsTagsSave', { tag })),
    'analytics.tags.delete': ({ id }) => change(() => worker.call('analyticsTagsDelete', { id })),
    'analytics.tags.preview': (params) => read(() => worker.call('analyticsTagsPreview', params)),
    'analytics.tags.overlap': (params) => read(() => worker.call('analyticsTagsOverlap', params)),
    'analytics.grades.get': () => read(() => worker.call('analyticsGradesGet', undefined)),
    'analytics.grades.save': (params) => change(() => worker.call('analyticsGradesSave', params)),
    'analytics.schemes.get': () => read(() => worker.call('analyticsSchemesGet', undefined)),
    'analytics.schemes.save': ({ scheme }) => change(() => worker.call('analyticsSchemesSave', { scheme })),
    'analytics.schemes.preview': ({ scheme }) => read(() => worker.call('analyticsSchemesPreview', { scheme })),
    'analytics.schemes.delete': ({ id }) => change(() => worker.call('analyticsSchemesDelete', { id })),
    'analytics.schemes.reset': ({ id }) => change(() => worker.call('analyticsSchemesReset', { id })),
    'analytics.conversion': ({ dimension }) => read(() => worker.call('analyticsConversion', { dimension })),
    'analytics.runs': () => read(() => worker.call('analyticsRuns', undefined)),
    'analytics.customer.explain': ({ customerId }) => read(() => worker.call('analyticsExplain', { customerId })),
  };
}
