/** The views feature's API handlers: read-only calls answered by the worker. */
import type { ViewsApiSpec } from '../../shared/views/api.ts';
import type { FeatureHandlers, ServiceContext } from './types.ts';

export function createViewsHandlers(context: ServiceContext): FeatureHandlers<ViewsApiSpec> {
  const { worker } = context;
  const read = <T,>(run: () => Promise<T>): Promise<T> => {
    context.requireWorkspace();
    return run();
  };
  return {
    'views.segmentGrid': (params) => read(() => worker.call('viewsSegmentGrid', params)),
    'views.segmentSummary': (params) => read(() => worker.call('viewsSegmentSummary', params)),
    'views.regions': (params) => read(() => worker.call('viewsRegions', params)),
    'views.customers': (params) => read(() => worker.call('viewsCustomers', params)),
    'views.filterOptions': () => read(() => worker.call('viewsFilterOptions', undefined)),
  };
}
