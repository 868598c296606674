/** The analytics feature's API handlers. */
import type { AnalyticsApiSpec } from '../../shared/analytics/api.ts';
import type { FeatureHandlers, ServiceContext } from './types.ts';

export function createAnalyticsHandlers(_context: ServiceContext): FeatureHandlers<AnalyticsApiSpec> {
  return {};
}
