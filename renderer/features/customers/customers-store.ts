/**
 * What the Customers page keeps across navigation: the multi-selection (the visit list the
 * dossier feature prints) — possibly every customer matching a filter, across pages — and the
 * customer whose dossier panel is open. The segment-grid cell the Segments page sent us to lives
 * in the URL (filter-store), so Back returns to the unrestricted list.
 */
import { create } from 'zustand';
import { filterActions, useGridCellParam } from '../../app/filter-store.ts';
import type { CustomerRow, GridCellSelection } from '../../../shared/views/api.ts';

interface CustomersState {
  selected: ReadonlySet<number>;
  /** The list (filter, cell, find) whose every customer was selected by "select all"; null otherwise. */
  allOf: string | null;
  open: CustomerRow | null;
}

const useCustomersStore = create<CustomersState>()(() => ({ selected: new Set<number>(), allOf: null, open: null }));

export const useGridCell = (): GridCellSelection | null => useGridCellParam();
export const useVisitSelection = (): ReadonlySet<number> => useCustomersStore((s) => s.selected);
export const useSelectedAllOf = (): string | null => useCustomersStore((s) => s.allOf);
export const useOpenCustomer = (): CustomerRow | null => useCustomersStore((s) => s.open);

export const customersActions = {
  setCell(cell: GridCellSelection | null): void {
    filterActions.setCell(cell);
  },
  setSelection(selected: ReadonlySet<number>): void {
    useCustomersStore.setState({ selected: new Set(selected), allOf: null });
  },
  /** Every customer of a list (ids from the worker), remembered as "all of" that list. */
  selectAll(ids: readonly number[], listKey: string): void {
    useCustomersStore.setState({ selected: new Set(ids), allOf: listKey });
  },
  clearSelection(): void {
    useCustomersStore.setState({ selected: new Set<number>(), allOf: null });
  },
  open(customer: CustomerRow | null): void {
    useCustomersStore.setState({ open: customer });
  },
  /** The visit list: ids of the selected customers (for the dossier feature). */
  visitList(): number[] {
    return [...useCustomersStore.getState().selected];
  },
};
