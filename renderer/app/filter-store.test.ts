import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A minimal window: location.hash, history push/replace/back, and the two events the store follows. */
function fakeWindow(initialHash: string) {
  const entries = [initialHash];
  let index = 0;
  const listeners = new Map<string, Set<() => void>>();
  const fire = (type: string): void => listeners.get(type)?.forEach((l) => l());
  const win = {
    location: {
      get hash(): string {
        return entries[index] ?? '';
      },
      pathname: '/index.html',
      search: '',
    },
    history: {
      pushState: (_: unknown, __: string, url: string) => {
        entries.splice(index + 1);
        entries.push(url.startsWith('#') ? url : '');
        index += 1;
      },
      replaceState: (_: unknown, __: string, url: string) => {
        entries[index] = url.startsWith('#') ? url : '';
      },
      back: () => {
        if (index > 0) index -= 1;
        fire('popstate');
      },
    },
    addEventListener: (type: string, l: () => void) => {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(l));
    },
    removeEventListener: (type: string, l: () => void) => listeners.get(type)?.delete(l),
    entries,
  };
  return win;
}

describe('filter store', () => {
  let win: ReturnType<typeof fakeWindow>;
  beforeEach(() => {
    vi.resetModules();
    win = fakeWindow('#/customers?province=%E6%B1%9F%E8%8B%8F%E7%9C%81');
    vi.stubGlobal('window', win);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('starts from the URL, pushes one history entry per change, and follows Back', async () => {
    const { useFilterStore, filterActions, startFilterUrlSync, splitHash } = await import('./filter-store.ts');
    const stop = startFilterUrlSync();
    expect(useFilterStore.getState().filter.provinces).toEqual(['江苏省']);

    filterActions.toggle('grades', 'A');
    expect(win.location.hash).toBe('#/customers?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&grade=A');
    expect(win.entries).toHaveLength(2);

    // Typing replaces the entry instead of adding one per keystroke.
    filterActions.setSearch('苏');
    filterActions.setSearch('苏州 ');
    expect(win.entries).toHaveLength(2);
    expect(useFilterStore.getState().filter.search).toBe('苏州 ');
    expect(splitHash(win.location.hash).path).toBe('#/customers');

    filterActions.removeChip({ field: 'provinces', value: '江苏省' });
    expect(win.entries).toHaveLength(3);
    expect(useFilterStore.getState().filter.provinces).toEqual([]);

    win.history.back();
    expect(useFilterStore.getState().filter.provinces).toEqual(['江苏省']);
    expect(useFilterStore.getState().filter.grades).toEqual(['A']);

    filterActions.clear();
    expect(win.location.hash).toBe('#/customers');
    stop();
  });

  it('saves and applies named views as query strings', async () => {
    const { useFilterStore, filterActions } = await import('./filter-store.ts');
    filterActions.toggle('grades', 'B');
    const view = filterActions.viewOf('  江苏 B  ');
    expect(view.name).toBe('江苏 B');
    filterActions.clear();
    filterActions.applyView(view);
    expect(useFilterStore.getState().filter).toMatchObject({ provinces: ['江苏省'], grades: ['B'] });
  });

  it('keeps the grid cell in the URL beside the filter: one history entry, Back removes it, junk is ignored', async () => {
    const { useFilterStore, filterActions, startFilterUrlSync, hashWithFilter, currentFilterQuery, cellFromQuery } = await import('./filter-store.ts');
    const stop = startFilterUrlSync();
    filterActions.setCell({ r: 5, y: 3, yAxis: 'f' });
    expect(win.location.hash).toBe('#/customers?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&cell=5-3-f');
    expect(win.entries).toHaveLength(2);
    // Filter changes keep the cell; links to other pages carry it; the filter query alone does not.
    filterActions.toggle('grades', 'A');
    expect(win.location.hash).toBe('#/customers?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&grade=A&cell=5-3-f');
    expect(hashWithFilter('#/segments')).toBe('#/segments?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&grade=A&cell=5-3-f');
    expect(currentFilterQuery()).not.toContain('cell');
    win.history.back();
    win.history.back();
    expect(useFilterStore.getState().cell).toBeNull();
    expect(useFilterStore.getState().filter.provinces).toEqual(['江苏省']);
    expect(cellFromQuery('cell=5-3-fm')).toEqual({ r: 5, y: 3, yAxis: 'fm' });
    for (const junk of ['cell=0-3-f', 'cell=5-3', 'cell=5-99-f', 'cell=a-b-c', 'cell=%E0%A4%A']) expect(cellFromQuery(junk)).toBeNull();
    stop();
  });
});
