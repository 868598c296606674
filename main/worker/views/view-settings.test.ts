/**
 * What the views store in a real sql.js workspace: saved views (save, rename, delete, refusals),
 * the sales region mapping (applied to customers and seen by the region chart and the filter),
 * and hand fixes of unmatched region names (applied to the customers now and after the next
 * import), each checked against the customers table directly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/index.ts';
import { emptyFilter, normalizeFilter } from '../../../shared/filters/index.ts';
import { Db } from '../data/db.ts';
import { insertDataset } from '../data/insert-dataset.ts';
import { initialiseWorkspace } from '../data/schema.ts';
import type { JobContext } from '../job-context.ts';
import { memoryWorkspace, type MemoryWorkspace } from '../memory-workspace.ts';
import { createViewsOps } from './views-ops.ts';

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };

let db: Db;
let ops: ReturnType<typeof createViewsOps>;
let workspace: MemoryWorkspace;

beforeAll(async () => {
  db = await Db.open();
  initialiseWorkspace(db, 'test');
  await insertDataset(db, generateDemo({ customerCount: 400 }), ctx);
  workspace = memoryWorkspace(db);
  ops = createViewsOps(workspace.access);
  await workspace.open(ctx);
}, 60_000);

const count = (sql: string, params: (string | number)[] = []): number => Number(db.value(sql, params));

describe('saved views in the workspace', () => {
  it('saves, updates, renames and deletes named filter sets, and refuses a rename onto a taken name', async () => {
    expect(await ops.viewsSavedViewsList(undefined, ctx)).toEqual([]);
    const before = workspace.dirty;
    await ops.viewsSavedViewsSave({ name: '华东 A 类', query: 'region=%E5%8D%8E%E4%B8%9C&grade=A' }, ctx);
    await ops.viewsSavedViewsSave({ name: 'Sleeping', query: 'stage=sleeping' }, ctx);
    expect(workspace.dirty).toBeGreaterThan(before);
    let list = await ops.viewsSavedViewsSave({ name: 'Sleeping', query: 'stage=sleeping&grade=B' }, ctx);
    expect(list.map((v) => [v.name, v.query])).toEqual([
      ['Sleeping', 'stage=sleeping&grade=B'],
      ['华东 A 类', 'region=%E5%8D%8E%E4%B8%9C&grade=A'],
    ]);
    list = await ops.viewsSavedViewsSave({ name: 'Sleeping B', query: 'stage=sleeping&grade=B', previousName: 'Sleeping' }, ctx);
    expect(list.map((v) => v.name)).toEqual(['Sleeping B', '华东 A 类']);
    await expect(ops.viewsSavedViewsSave({ name: '华东 A 类', query: 'x=1', previousName: 'Sleeping B' }, ctx)).rejects.toThrow(/exists already/);
    await expect(ops.viewsSavedViewsSave({ name: 'New', query: 'x=1', previousName: 'Gone' }, ctx)).rejects.toThrow(/no saved view/);
    // The refused rename changed nothing.
    expect((await ops.viewsSavedViewsList(undefined, ctx)).map((v) => [v.name, v.query])).toEqual([
      ['Sleeping B', 'stage=sleeping&grade=B'],
      ['华东 A 类', 'region=%E5%8D%8E%E4%B8%9C&grade=A'],
    ]);
    list = await ops.viewsSavedViewsDelete({ name: 'Sleeping B' }, ctx);
    expect(list.map((v) => v.name)).toEqual(['华东 A 类']);
    // Stored in the file: survives an export and reopen.
    const reopened = await Db.open(db.export());
    expect(reopened.value('SELECT query FROM saved_views WHERE name = ?', ['华东 A 类'])).toBe('region=%E5%8D%8E%E4%B8%9C&grade=A');
    reopened.close();
  });
});

describe('sales regions', () => {
  it('defaults to the shipped division and moving a province moves its customers in the chart and the filter', async () => {
    const mapping = await ops.viewsSalesRegionsGet(undefined, ctx);
    expect(mapping.customised).toBe(false);
    expect(mapping.rows.find((r) => r.province === '河南省')?.region).toBe('华中');
    expect(mapping.regions.slice(0, 7)).toEqual(['华东', '华北', '华中', '华南', '西南', '西北', '东北']);
    const henan = count("SELECT count(*) FROM customers WHERE province = '河南省'");
    expect(henan).toBeGreaterThan(0);
    const north = count("SELECT count(*) FROM customers WHERE sales_region = '华北'");
    const before = await ops.viewsRegions({ filter: emptyFilter, level: 'province', metric: 'customers' }, ctx);
    expect(before.salesRegions.find((r) => r.name === '华北')?.customers).toBe(north);

    const next = await ops.viewsSalesRegionsSet({ mapping: { 河南省: '华北', 湖北省: '中部' } }, ctx);
    expect(next.customised).toBe(true);
    expect(next.regions).toContain('中部');
    expect(count("SELECT count(*) FROM customers WHERE province = '河南省' AND sales_region <> '华北'")).toBe(0);
    const after = await ops.viewsRegions({ filter: emptyFilter, level: 'province', metric: 'customers' }, ctx);
    expect(after.salesRegions.find((r) => r.name === '华北')?.customers).toBe(north + henan);
    expect(after.salesRegions.find((r) => r.name === '中部')?.customers).toBe(count("SELECT count(*) FROM customers WHERE province = '湖北省'"));
    const options = await ops.viewsFilterOptions(undefined, ctx);
    expect(options.salesRegions).toContain('中部');
    const filtered = await ops.viewsCustomers({ filter: normalizeFilter({ ...emptyFilter, salesRegions: ['华北'] }) }, ctx);
    expect(filtered.rows.some((r) => r.province === '河南省')).toBe(true);

    await expect(ops.viewsSalesRegionsSet({ mapping: { 河南: '华北' } }, ctx)).rejects.toThrow(/not a province/);
    expect(count("SELECT count(*) FROM customers WHERE province = '河南省' AND sales_region = '华北'")).toBe(henan);

    const reset = await ops.viewsSalesRegionsSet({ mapping: null }, ctx);
    expect(reset.customised).toBe(false);
    expect(count("SELECT count(*) FROM customers WHERE province = '河南省' AND sales_region = '华中'")).toBe(henan);
    expect((await ops.viewsFilterOptions(undefined, ctx)).salesRegions).not.toContain('中部');
  });
});

describe('region fixes', () => {
  it('lists unmatched names, fixes them for current customers and for the next import, and refuses bad targets', async () => {
    const ids = db.all<{ id: number }>("SELECT id FROM customers WHERE province = '江苏省' ORDER BY id LIMIT 3").map((r) => r.id);
    db.run(`UPDATE customers SET province = '江苏X', city = NULL, sales_region = NULL WHERE id IN (${ids.join(',')})`);
    const other = db.get<{ id: number }>("SELECT id FROM customers WHERE province = '浙江省' ORDER BY id LIMIT 1")!;
    db.run("UPDATE customers SET city = '杭州府' WHERE id = ?", [other.id]);
    // Views see the raw names until fixed (the model rebuilds after a data change).
    await workspace.access.notifyDataChanged(ctx);
    const list = await ops.viewsRegionFixesList(undefined, ctx);
    expect(list.unmatched).toContainEqual({ raw: '江苏X', level: 'province', province: null, customers: 3 });
    expect(list.unmatched).toContainEqual({ raw: '杭州府', level: 'city', province: '浙江省', customers: 1 });

    await expect(ops.viewsRegionFixesSet({ raw: '江苏X', level: 'province', province: '江苏', city: '杭州市' }, ctx)).rejects.toThrow(/not a city of 江苏省/);
    await expect(ops.viewsRegionFixesSet({ raw: '江苏X', level: 'province', province: 'Atlantis', city: null }, ctx)).rejects.toThrow(/not a province/);
    await expect(ops.viewsRegionFixesSet({ raw: '杭州府', level: 'city', province: '浙江省', city: null }, ctx)).rejects.toThrow(/Choose the city/);
    expect(count("SELECT count(*) FROM customers WHERE province = '江苏X'")).toBe(3);

    const fixed = await ops.viewsRegionFixesSet({ raw: '江苏X', level: 'province', province: '江苏', city: '苏州' }, ctx);
    expect(fixed.fixes).toContainEqual({ raw: '江苏X', level: 'province', province: '江苏省', city: '苏州市', customers: 3 });
    expect(fixed.unmatched.some((u) => u.raw === '江苏X')).toBe(false);
    expect(db.all(`SELECT province, city, sales_region FROM customers WHERE id IN (${ids.join(',')})`)).toEqual(
      ids.map(() => ({ province: '江苏省', city: '苏州市', sales_region: '华东' })),
    );
    await ops.viewsRegionFixesSet({ raw: '杭州府', level: 'city', province: '浙江省', city: '杭州市' }, ctx);
    expect(db.value('SELECT city FROM customers WHERE id = ?', [other.id])).toBe('杭州市');
    const regions = await ops.viewsRegions({ filter: emptyFilter, level: 'city', province: '江苏省', metric: 'customers' }, ctx);
    expect(regions.rows.find((r) => r.name === '苏州市')?.customers).toBe(count("SELECT count(*) FROM customers WHERE city = '苏州市'"));

    // A later import brings the raw name again: the fix applies after it.
    db.run("INSERT INTO customers (code, name, province, city) VALUES ('NEW-1', '新客户', '江苏X', NULL)");
    await workspace.access.notifyDataChanged(ctx);
    expect(db.get("SELECT province, city, sales_region FROM customers WHERE code = 'NEW-1'")).toEqual({ province: '江苏省', city: '苏州市', sales_region: '华东' });
    expect((await ops.viewsRegionFixesList(undefined, ctx)).fixes.find((f) => f.raw === '江苏X')?.customers).toBe(4);

    const removed = await ops.viewsRegionFixesDelete({ raw: '江苏X', level: 'province' }, ctx);
    expect(removed.fixes.some((f) => f.raw === '江苏X')).toBe(false);
    expect(db.value("SELECT province FROM customers WHERE code = 'NEW-1'")).toBe('江苏省');
  });
});
