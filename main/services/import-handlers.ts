/** The import feature's API handlers. */
import type { ImportApiSpec } from '../../shared/import/api.ts';
import type { FeatureHandlers, ServiceContext } from './types.ts';

export function createImportHandlers(_context: ServiceContext): FeatureHandlers<ImportApiSpec> {
  return {};
}
