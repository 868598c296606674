export { CustomersPage } from './CustomersPage.tsx';
export { ViewFilterBar } from './ViewFilterBar.tsx';
export { useViewQuery, type ViewQuery } from './use-view-query.ts';
export { lifecycleLabel, seenSchemeName, segmentName, useFilterOptions } from './view-options.ts';
export { customersActions, useGridCell, useOpenCustomer, useVisitSelection } from './customers-store.ts';
