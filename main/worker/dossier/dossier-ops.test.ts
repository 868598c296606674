/**
 * Dossier worker operations over a real sql.js demo workspace (3,000 customers): the dossier
 * agrees with the records and the analytics, personal data is masked unless asked, notes are
 * kept with their date, visit lists are built from ids or a filter, ordered, edited, and
 * exported to .xlsx with phones masked by default. Bad input changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/index.ts';
import { makeTempDir } from '../../test-support/temp-dir.ts';
import { createAnalyticsOps } from '../analytics/analytics-ops.ts';
import { Db } from '../data/db.ts';
import { insertDataset } from '../data/insert-dataset.ts';
import { initialiseWorkspace } from '../data/schema.ts';
import type { JobContext } from '../job-context.ts';
import { memoryWorkspace, type MemoryWorkspace } from '../memory-workspace.ts';
import { createDossierOps } from './dossier-ops.ts';

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };

let db: Db;
let temp: { dir: string; cleanup: () => void };
let dossier: ReturnType<typeof createDossierOps>;
let analytics: ReturnType<typeof createAnalyticsOps>;
let workspace: MemoryWorkspace;

beforeAll(async () => {
  temp = makeTempDir('dossier');
  db = await Db.open();
  initialiseWorkspace(db, 'test');
  await insertDataset(db, generateDemo(), ctx);
  workspace = memoryWorkspace(db);
  analytics = createAnalyticsOps(workspace.access);
  dossier = createDossierOps(workspace.access, analytics);
  await workspace.open(ctx);
}, 180_000);

afterAll(() => temp.cleanup());

/** The demo customer with the most service tickets and a phone. */
function busiest(): { id: number; phone: string; tickets: number } {
  return db.get<{ id: number; phone: string; tickets: number }>(
    `SELECT c.id, c.phone, count(t.id) AS tickets FROM customers AS c JOIN tickets AS t ON t.customer_id = c.id
     WHERE c.phone IS NOT NULL GROUP BY c.id ORDER BY tickets DESC, c.id LIMIT 1`,
  )!;
}

describe('dossierGet', () => {
  it('holds every ticket and payment of the customer and the analytics grade and scores', async () => {
    const c = busiest();
    const d = await dossier.dossierGet({ customerId: c.id }, ctx);
    const explain = await analytics.analyticsExplain({ customerId: c.id }, ctx);
    expect(d.ticketCounts.total).toBe(c.tickets);
    expect(d.payments).toHaveLength(Number(db.value('SELECT count(*) FROM payments WHERE customer_id = ?', [c.id])));
    expect(d.grade).toBe(explain.grade);
    expect(d.metrics.scores).toEqual(explain.scores);
    expect(d.tagGroups.flatMap((g) => g.tags.map((t) => t.id)).sort()).toEqual([...explain.tags].filter((id) => d.tagGroups.some((g) => g.tags.some((t) => t.id === id))).sort());
    expect(d.monthly).toHaveLength(24);
    const totalOrders = Number(db.value("SELECT sum(amount) FROM orders WHERE customer_id = ? AND (status IS NULL OR status <> 'cancelled') AND order_date <= ?", [c.id, d.analysisDate]));
    expect(d.productMix.reduce((s, p) => s + p.amount, 0)).toBeCloseTo(totalOrders, 0);
  });

  it('masks the phone and address unless asked to show them', async () => {
    const c = busiest();
    const masked = await dossier.dossierGet({ customerId: c.id }, ctx);
    expect(masked.personalData).toBe('masked');
    expect(masked.header.phone).toContain('****');
    expect(JSON.stringify(masked)).not.toContain(c.phone);
    const shown = await dossier.dossierGet({ customerId: c.id, personalData: 'shown' }, ctx);
    expect(shown.header.phone).toBe(c.phone);
  });

  it('refuses an unknown customer clearly', async () => {
    await expect(dossier.dossierGet({ customerId: 999_999 }, ctx)).rejects.toThrow(/no customer with id 999999/);
  });
});

describe('visit notes', () => {
  it('adds notes with their visit date, newest first, and deletes them', async () => {
    const before = workspace.dirty;
    await dossier.dossierNotesAdd({ customerId: 5, date: '2026-03-01', text: '第一次拜访' }, ctx);
    const notes = await dossier.dossierNotesAdd({ customerId: 5, date: '2026-04-01', text: '  带报价单  ' }, ctx);
    expect(notes.map((n) => [n.date, n.text])).toEqual([
      ['2026-04-01', '带报价单'],
      ['2026-03-01', '第一次拜访'],
    ]);
    expect(workspace.dirty).toBe(before + 2);
    expect((await dossier.dossierGet({ customerId: 5 }, ctx)).notes).toHaveLength(2);
    const left = await dossier.dossierNotesDelete({ customerId: 5, noteId: notes[0]!.id }, ctx);
    expect(left.map((n) => n.text)).toEqual(['第一次拜访']);
    // Another customer's note id is refused, nothing deleted.
    await expect(dossier.dossierNotesDelete({ customerId: 6, noteId: left[0]!.id }, ctx)).rejects.toThrow(/no note/);
    await expect(dossier.dossierNotesAdd({ customerId: 999_999, date: '2026-04-01', text: 'x' }, ctx)).rejects.toThrow(/no customer/);
  });
});

describe('visit lists', () => {
  it('builds a list from a filter: every member matches, ordered by priority', async () => {
    const list = await dossier.dossierListsSave({ name: '江苏 A 类', filter: 'grade=A&province=江苏省', order: 'priority' }, ctx);
    const expected = Number(
      db.value("SELECT count(*) FROM customers AS c JOIN customer_scores AS s ON s.customer_id = c.id WHERE s.grade = 'A' AND c.province = '江苏省'"),
    );
    expect(list.members).toHaveLength(expected);
    expect(list.members.every((m) => m.grade === 'A' && m.province === '江苏省')).toBe(true);
    expect(list.sourceFilter).toContain('grade=A');
    const risks = list.members.map((m) => m.churnRisk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(list.members.every((m) => m.phone === null || m.phone.includes('****'))).toBe(true);
  });

  it('builds from ids, orders by city, keeps a manual order, renames and deletes', async () => {
    const ids = [30, 10, 20, 40, 50];
    await expect(dossier.dossierListsSave({ name: '江苏 A 类', customerIds: ids, order: 'city' }, ctx)).rejects.toThrow(/already exists/);
    const list = await dossier.dossierListsSave({ name: '路线', customerIds: ids, order: 'city' }, ctx);
    const places = list.members.map((m) => `${m.province}|${m.city}`);
    expect(places).toEqual([...places].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    const manual = await dossier.dossierListsSetMembers({ name: '路线', customerIds: [50, 10] }, ctx);
    expect(manual.order).toBe('manual');
    expect(manual.members.map((m) => m.id)).toEqual([50, 10]);
    await expect(dossier.dossierListsSetMembers({ name: '路线', customerIds: [10, 999_999] }, ctx)).rejects.toThrow(/no customer with id 999999/);
    expect((await dossier.dossierListsGet({ name: '路线' }, ctx)).members.map((m) => m.id)).toEqual([50, 10]);
    const renamed = await dossier.dossierListsRename({ name: '路线', newName: '周三路线' }, ctx);
    expect(renamed.map((l) => l.name)).toContain('周三路线');
    const replaced = await dossier.dossierListsSave({ name: '周三路线', customerIds: [7], order: 'priority', replace: true }, ctx);
    expect(replaced.members.map((m) => m.id)).toEqual([7]);
    const after = await dossier.dossierListsDelete({ name: '周三路线' }, ctx);
    expect(after.map((l) => l.name)).not.toContain('周三路线');
    expect(Number(db.value('SELECT count(*) FROM visit_list_members WHERE list_id NOT IN (SELECT id FROM visit_lists)'))).toBe(0);
    await expect(dossier.dossierListsGet({ name: '周三路线' }, ctx)).rejects.toThrow(/no visit list/);
  });

  it('exports a list to .xlsx with phones and addresses masked unless shown', async () => {
    await dossier.dossierListsSave({ name: '导出', customerIds: [1, 2, 3], order: 'manual' }, ctx);
    const raw = db.all<{ phone: string | null; address: string | null }>('SELECT phone, address FROM customers WHERE id IN (1, 2, 3) ORDER BY id');
    for (const mode of ['masked', 'shown'] as const) {
      const file = path.join(temp.dir, `visits-${mode}.xlsx`);
      const result = await dossier.dossierListsExport({ name: '导出', language: 'zh-CN', personalData: mode, path: file }, ctx);
      expect(result.rows).toBe(3);
      const book = XLSX.read(fs.readFileSync(file));
      const grid = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: null });
      const header = grid.findIndex((r) => r.includes('电话'));
      const phones = grid.slice(header + 1, header + 4).map((r) => r[grid[header]!.indexOf('电话')]);
      const addresses = grid.slice(header + 1, header + 4).map((r) => r[grid[header]!.indexOf('地址')]);
      if (mode === 'masked') {
        expect(phones.every((p) => p === null || String(p).includes('****'))).toBe(true);
        expect(addresses.every((a, i) => a === null || raw[i]!.address === null || String(a).length <= raw[i]!.address!.length)).toBe(true);
        expect(addresses.some((a, i) => a !== null && a !== raw[i]!.address)).toBe(true);
      } else {
        expect(phones).toEqual(raw.map((r) => r.phone));
        expect(addresses).toEqual(raw.map((r) => r.address));
      }
    }
  });
});
