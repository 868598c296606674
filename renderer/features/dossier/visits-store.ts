/** The Visit lists page's state: the lists of the workspace and the one open. */
import { create } from 'zustand';
import { call } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { VisitList, VisitListSummary, VisitOrder } from '../../../shared/dossier/visit-list.ts';

interface VisitsState {
  lists: VisitListSummary[] | null;
  selected: string | null;
  list: VisitList | null;
  error: AtlasErrorData | null;
}

const useVisitsStore = create<VisitsState>()(() => ({ lists: null, selected: null, list: null, error: null }));
const set = useVisitsStore.setState;
const get = useVisitsStore.getState;

export const useVisitsState = (): VisitsState => useVisitsStore((s) => s);

async function guard(run: () => Promise<void>): Promise<void> {
  try {
    set({ error: null });
    await run();
  } catch (error) {
    set({ error: toErrorData(error) });
  }
}

export const visitsActions = {
  select(name: string | null): void {
    set({ selected: name, list: get().list?.name === name ? get().list : null });
  },
  async load(): Promise<void> {
    await guard(async () => {
      const lists = await call('dossier.lists.list');
      const selected = get().selected;
      const keep = selected !== null && lists.some((l) => l.name === selected) ? selected : (lists[0]?.name ?? null);
      set({ lists, selected: keep });
      set({ list: keep === null ? null : await call('dossier.lists.get', { name: keep }) });
    });
  },
  async open(name: string): Promise<void> {
    set({ selected: name });
    await guard(async () => set({ list: await call('dossier.lists.get', { name }) }));
  },
  async order(order: VisitOrder): Promise<void> {
    const name = get().selected;
    if (name === null) return;
    await guard(async () => {
      set({ list: await call('dossier.lists.order', { name, order }) });
      set({ lists: await call('dossier.lists.list') });
    });
  },
  async setMembers(ids: number[]): Promise<void> {
    const name = get().selected;
    if (name === null) return;
    await guard(async () => {
      set({ list: await call('dossier.lists.setMembers', { name, customerIds: ids }) });
      set({ lists: await call('dossier.lists.list') });
    });
  },
  async rename(newName: string): Promise<void> {
    const name = get().selected;
    if (name === null || newName.trim() === '' || newName === name) return;
    await guard(async () => {
      const lists = await call('dossier.lists.rename', { name, newName });
      set({ lists, selected: newName.trim() });
      set({ list: await call('dossier.lists.get', { name: newName.trim() }) });
    });
  },
  async remove(): Promise<void> {
    const name = get().selected;
    if (name === null) return;
    await guard(async () => {
      const lists = await call('dossier.lists.delete', { name });
      const next = lists[0]?.name ?? null;
      set({ lists, selected: next, list: next === null ? null : await call('dossier.lists.get', { name: next }) });
    });
  },
};
