/**
 * What the Customers page keeps across navigation: the segment-grid cell the Segments page
 * sent it to (an extra condition beside the shared filter), the multi-selection (the visit
 * list the dossier feature will print) and the customer whose dossier panel is open.
 */
import { create } from 'zustand';
import type { CustomerRow, GridCellSelection } from '../../../shared/views/api.ts';

interface CustomersState {
  cell: GridCellSelection | null;
  selected: ReadonlySet<number>;
  open: CustomerRow | null;
}

const useCustomersStore = create<CustomersState>()(() => ({ cell: null, selected: new Set<number>(), open: null }));

export const useGridCell = (): GridCellSelection | null => useCustomersStore((s) => s.cell);
export const useVisitSelection = (): ReadonlySet<number> => useCustomersStore((s) => s.selected);
export const useOpenCustomer = (): CustomerRow | null => useCustomersStore((s) => s.open);

export const customersActions = {
  setCell(cell: GridCellSelection | null): void {
    useCustomersStore.setState({ cell });
  },
  setSelection(selected: ReadonlySet<number>): void {
    useCustomersStore.setState({ selected: new Set(selected) });
  },
  clearSelection(): void {
    useCustomersStore.setState({ selected: new Set<number>() });
  },
  open(customer: CustomerRow | null): void {
    useCustomersStore.setState({ open: customer });
  },
  /** The visit list: ids of the selected customers (for the dossier feature). */
  visitList(): number[] {
    return [...useCustomersStore.getState().selected];
  },
};
