/** The views feature's worker operations (merged into WorkerSpec). */
import type {
  CustomerIdsParams,
  CustomersParams,
  CustomersView,
  FilterOptions,
  GridSize,
  GridYAxis,
  RegionFixLevel,
  RegionFixesView,
  RegionsParams,
  RegionsView,
  SalesRegionMapping,
  SavedViewRecord,
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
  viewsCustomerIds: { params: CustomerIdsParams; result: { ids: number[] } };
  viewsFilterOptions: { params: undefined; result: FilterOptions };
  viewsSavedViewsList: { params: undefined; result: SavedViewRecord[] };
  viewsSavedViewsSave: { params: { name: string; query: string; previousName?: string }; result: SavedViewRecord[] };
  viewsSavedViewsDelete: { params: { name: string }; result: SavedViewRecord[] };
  viewsSalesRegionsGet: { params: undefined; result: SalesRegionMapping };
  viewsSalesRegionsSet: { params: { mapping: Record<string, string> | null }; result: SalesRegionMapping };
  viewsRegionFixesList: { params: undefined; result: RegionFixesView };
  viewsRegionFixesSet: { params: { raw: string; level: RegionFixLevel; province: string; city: string | null }; result: RegionFixesView };
  viewsRegionFixesDelete: { params: { raw: string; level: RegionFixLevel }; result: RegionFixesView };
}
