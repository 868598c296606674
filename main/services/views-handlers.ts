/**
 * The views feature's API handlers: reads answered by the worker; saved views, the sales
 * region mapping and region fixes change the workspace, so they publish workspace.changed
 * (every open page reloads, autosave writes the file).
 */
import type { ViewsApiSpec } from '../../shared/views/api.ts';
import type { FeatureHandlers, ServiceContext } from './types.ts';

export function createViewsHandlers(context: ServiceContext): FeatureHandlers<ViewsApiSpec> {
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
    'views.segmentGrid': (params) => read(() => worker.call('viewsSegmentGrid', params)),
    'views.segmentSummary': (params) => read(() => worker.call('viewsSegmentSummary', params)),
    'views.regions': (params) => read(() => worker.call('viewsRegions', params)),
    'views.customers': (params) => read(() => worker.call('viewsCustomers', params)),
    'views.customerIds': (params) => read(() => worker.call('viewsCustomerIds', params)),
    'views.filterOptions': () => read(() => worker.call('viewsFilterOptions', undefined)),
    'views.savedViews.list': () => read(() => worker.call('viewsSavedViewsList', undefined)),
    'views.savedViews.save': (params) => change(() => worker.call('viewsSavedViewsSave', params)),
    'views.savedViews.delete': (params) => change(() => worker.call('viewsSavedViewsDelete', params)),
    'views.salesRegions.get': () => read(() => worker.call('viewsSalesRegionsGet', undefined)),
    'views.salesRegions.set': (params) => change(() => worker.call('viewsSalesRegionsSet', params)),
    'views.regionFixes.list': () => read(() => worker.call('viewsRegionFixesList', undefined)),
    'views.regionFixes.set': (params) => change(() => worker.call('viewsRegionFixesSet', params)),
    'views.regionFixes.delete': (params) => change(() => worker.call('viewsRegionFixesDelete', params)),
  };
}
