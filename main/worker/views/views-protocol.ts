/** The views feature's worker operations (merged into WorkerSpec). */
import type {
  CustomersParams,
  CustomersView,
  FilterOptions,
  GridSize,
  GridYAxis,
  RegionsParams,
  RegionsView,
  SegmentGrid,
  SegmentSummary,
  ViewScheme,
} from '../../../shared/views/api.ts';
import type { CustomerFilter } from '../../../shared/filters/index.ts';

export interface ViewsWorkerSpec {
  viewsSegmentGrid: { params: { filter: CustomerFilter; scheme: ViewScheme; yAxis: GridYAxis; size: GridSize }; result: SegmentGrid };
  viewsSegmentSummary: { params: { filter: CustomerFilter; scheme: ViewScheme }; result: SegmentSummary };
  viewsRegions: { params: RegionsParams; result: RegionsView };
  viewsCustomers: { params: CustomersParams; result: CustomersView };
  viewsFilterOptions: { params: undefined; result: FilterOptions };
}
