/**
 * What the views store in the workspace (migration 007-views):
 *
 * - Saved views: named filter sets (the filter as its URL query), listed in the filter bar.
 * - The province → sales region (大区) mapping. No rows = the shipped default (shared/regions).
 *   A customer's sales region is the mapping of its province; customers whose province is
 *   unknown keep the region they were imported with. The mapping is written into
 *   customers.sales_region (so reports, the CLI and the dossier agree with the views) when it
 *   is saved, when a workspace is opened and after every import.
 * - Region fixes: a province or city name the import could not match, mapped by hand to a
 *   province (and city). Applied to the customers carrying that name when saved, and again
 *   after every import (future imports keep the raw name until the fix rewrites it).
 */
import { AtlasError } from '../../../shared/api/errors.ts';
import { PROVINCES, SALES_REGIONS, citiesOfProvince, findCity, findProvince, type City, type Province } from '../../../shared/regions/index.ts';
import type {
  RegionFix,
  RegionFixLevel,
  RegionFixesView,
  SalesRegionMapping,
  SavedViewRecord,
  UnmatchedRegionName,
} from '../../../shared/views/api.ts';
import type { Db } from '../data/db.ts';
import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { ViewsWorkerSpec } from './views-protocol.ts';
import { invalidateViewModel } from './view-model.ts';

type SettingsOps = Pick<
  Handlers<ViewsWorkerSpec>,
  | 'viewsSavedViewsList'
  | 'viewsSavedViewsSave'
  | 'viewsSavedViewsDelete'
  | 'viewsSalesRegionsGet'
  | 'viewsSalesRegionsSet'
  | 'viewsRegionFixesList'
  | 'viewsRegionFixesSet'
  | 'viewsRegionFixesDelete'
>;

function invalid(why: string, details: Record<string, string> = {}): never {
  throw new AtlasError('INVALID_INPUT', why, { why, ...details });
}

const now = (): string => new Date().toISOString();

// ───────────────────────────── saved views ─────────────────────────────

export function listSavedViews(db: Db): SavedViewRecord[] {
  return db
    .all<{ name: string; query: string; updated_at: string }>('SELECT name, query, updated_at FROM saved_views ORDER BY name COLLATE NOCASE, name')
    .map((r) => ({ name: r.name, query: r.query, updatedAt: r.updated_at }));
}

export function saveView(db: Db, p: { name: string; query: string; previousName?: string }): SavedViewRecord[] {
  db.transaction(() => {
    if (p.previousName !== undefined && p.previousName !== p.name) {
      const exists = db.value('SELECT count(*) FROM saved_views WHERE name = ?', [p.previousName]);
      if (Number(exists) === 0) invalid(`There is no saved view named "${p.previousName}"`, { name: p.previousName });
      const taken = db.value('SELECT count(*) FROM saved_views WHERE name = ?', [p.name]);
      if (Number(taken) > 0) invalid(`A saved view named "${p.name}" exists already`, { name: p.name });
      db.run('DELETE FROM saved_views WHERE name = ?', [p.previousName]);
    }
    db.run(
      'INSERT INTO saved_views (name, query, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at',
      [p.name, p.query, now()],
    );
  });
  return listSavedViews(db);
}

export function deleteView(db: Db, name: string): SavedViewRecord[] {
  db.run('DELETE FROM saved_views WHERE name = ?', [name]);
  return listSavedViews(db);
}

// ───────────────────────────── sales regions ─────────────────────────────

function storedMapping(db: Db): Map<string, string> {
  return new Map(db.all<{ province: string; region: string }>('SELECT province, region FROM sales_region_map').map((r) => [r.province, r.region]));
}

export function salesRegionMapping(db: Db): SalesRegionMapping {
  const stored = storedMapping(db);
  const rows = PROVINCES.map((p) => ({ province: p.name, code: p.code, region: stored.get(p.name) ?? p.salesRegion, defaultRegion: p.salesRegion }));
  const extra = [...new Set(rows.map((r) => r.region))].filter((r) => !(SALES_REGIONS as readonly string[]).includes(r)).sort();
  return { rows, regions: [...SALES_REGIONS, ...extra], customised: stored.size > 0 };
}

/** Writes each province's region into its customers; returns how many customers changed. */
export function applySalesRegions(db: Db): number {
  const stored = storedMapping(db);
  let changed = 0;
  for (const p of PROVINCES) {
    const region = stored.get(p.name) ?? p.salesRegion;
    db.run('UPDATE customers SET sales_region = ? WHERE province = ? AND sales_region IS NOT ?', [region, p.name, region]);
    changed += Number(db.value('SELECT changes()') ?? 0);
  }
  return changed;
}

export function setSalesRegions(db: Db, mapping: Record<string, string> | null): SalesRegionMapping {
  const known = new Map(PROVINCES.map((p) => [p.name, p]));
  if (mapping !== null) {
    for (const province of Object.keys(mapping)) {
      if (!known.has(province)) invalid(`"${province}" is not a province; use the full name, e.g. 江苏省`, { province });
    }
  }
  db.transaction(() => {
    db.run('DELETE FROM sales_region_map');
    if (mapping !== null) {
      for (const p of PROVINCES) {
        const region = mapping[p.name] ?? p.salesRegion;
        db.run('INSERT INTO sales_region_map (province, region) VALUES (?, ?)', [p.name, region]);
      }
    }
    applySalesRegions(db);
  });
  invalidateViewModel();
  return salesRegionMapping(db);
}

// ───────────────────────────── region fixes ─────────────────────────────

interface FixRow {
  raw: string;
  level: RegionFixLevel;
  province: string;
  city: string | null;
  customers: number;
}

function fixes(db: Db): FixRow[] {
  return db.all<FixRow>('SELECT raw, level, province, city, customers FROM region_fixes ORDER BY level DESC, raw');
}

/** Applies one fix; returns the customers it rewrote. */
function applyFix(db: Db, fix: FixRow): number {
  const province = findProvince(fix.province);
  const city = province && fix.city !== null ? findCity(fix.city, province.code) : undefined;
  if (!province) return 0;
  const division = city?.code ?? province.code;
  if (fix.level === 'province') {
    db.run(
      `UPDATE customers SET province = ?, city = COALESCE(?, city), division_code = COALESCE(division_code, ?) WHERE province = ?`,
      [province.name, city?.name ?? null, division, fix.raw],
    );
  } else {
    db.run('UPDATE customers SET province = ?, city = ?, division_code = ? WHERE city = ? AND (province IS NULL OR province = ? OR province = ?)', [
      province.name,
      city?.name ?? fix.raw,
      division,
      fix.raw,
      province.name,
      fix.province,
    ]);
  }
  return Number(db.value('SELECT changes()') ?? 0);
}

/** Re-applies every fix (after an import); returns the customers rewritten. */
export function applyRegionFixes(db: Db): number {
  let changed = 0;
  for (const fix of fixes(db)) {
    const n = applyFix(db, fix);
    if (n > 0) db.run('UPDATE region_fixes SET customers = customers + ? WHERE raw = ? AND level = ?', [n, fix.raw, fix.level]);
    changed += n;
  }
  return changed;
}

const isStandardProvince = (name: string): boolean => findProvince(name)?.name === name;

export function unmatchedRegions(db: Db): UnmatchedRegionName[] {
  const out: UnmatchedRegionName[] = [];
  for (const row of db.all<{ province: string; n: number }>(
    "SELECT province, count(*) AS n FROM customers WHERE province IS NOT NULL AND province <> '' GROUP BY province",
  )) {
    if (!isStandardProvince(row.province)) out.push({ raw: row.province, level: 'province', province: null, customers: row.n });
  }
  for (const row of db.all<{ province: string | null; city: string; n: number }>(
    "SELECT province, city, count(*) AS n FROM customers WHERE city IS NOT NULL AND city <> '' GROUP BY province, city",
  )) {
    const province = row.province === null ? undefined : findProvince(row.province);
    if (row.province !== null && province?.name !== row.province) continue; // listed with its province
    const city = findCity(row.city, province?.code);
    if (city && city.name === row.city) continue;
    if (!city && province?.kind === 'municipality') continue; // districts in the city column of 北京 etc.
    out.push({ raw: row.city, level: 'city', province: province?.name ?? null, customers: row.n });
  }
  return out.sort((a, b) => b.customers - a.customers || a.raw.localeCompare(b.raw));
}

export function regionFixesView(db: Db): RegionFixesView {
  return { unmatched: unmatchedRegions(db), fixes: fixes(db) satisfies RegionFix[] };
}

export function setRegionFix(db: Db, p: { raw: string; level: RegionFixLevel; province: string; city: string | null }): RegionFixesView {
  const province: Province | undefined = findProvince(p.province);
  if (!province) invalid(`"${p.province}" is not a province`, { province: p.province });
  let city: City | undefined;
  if (p.city !== null) {
    city = findCity(p.city, province.code);
    if (!city) invalid(`"${p.city}" is not a city of ${province.name}`, { city: p.city, province: province.name });
  } else if (p.level === 'city' && province.kind !== 'municipality' && citiesOfProvince(province.code).length > 0) {
    invalid(`Choose the city of ${province.name} that "${p.raw}" stands for`, { raw: p.raw });
  }
  if (p.level === 'province' && isStandardProvince(p.raw)) invalid(`"${p.raw}" is a known province already`, { raw: p.raw });
  db.transaction(() => {
    const fix: FixRow = { raw: p.raw, level: p.level, province: province.name, city: city?.name ?? null, customers: 0 };
    fix.customers = applyFix(db, fix);
    db.run(
      `INSERT INTO region_fixes (raw, level, province, city, customers, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (raw, level) DO UPDATE SET province = excluded.province, city = excluded.city,
         customers = region_fixes.customers + excluded.customers, updated_at = excluded.updated_at`,
      [fix.raw, fix.level, fix.province, fix.city, fix.customers, now()],
    );
    applySalesRegions(db);
  });
  invalidateViewModel();
  return regionFixesView(db);
}

export function deleteRegionFix(db: Db, p: { raw: string; level: RegionFixLevel }): RegionFixesView {
  // Customers already rewritten stay as they are; the fix no longer applies to future imports.
  db.run('DELETE FROM region_fixes WHERE raw = ? AND level = ?', [p.raw, p.level]);
  return regionFixesView(db);
}

// ───────────────────────────── operations ─────────────────────────────

/** Region fixes, then sales regions, over the whole workspace; true when customers changed. */
function applyAll(db: Db): boolean {
  let changed = 0;
  db.transaction(() => {
    changed = applyRegionFixes(db) + applySalesRegions(db);
  });
  if (changed > 0) invalidateViewModel();
  return changed > 0;
}

export function createViewSettingsOps(workspace: WorkspaceAccess): SettingsOps {
  workspace.onOpened(async (db) => applyAll(db));
  workspace.onDataChanged(async (db) => {
    if (applyAll(db)) workspace.markDirty();
  });
  const changing = <T,>(fn: (db: Db) => T): T => {
    const result = fn(workspace.db());
    workspace.markDirty();
    return result;
  };
  return {
    viewsSavedViewsList: async () => listSavedViews(workspace.db()),
    viewsSavedViewsSave: async (p) => changing((db) => saveView(db, p)),
    viewsSavedViewsDelete: async (p) => changing((db) => deleteView(db, p.name)),
    viewsSalesRegionsGet: async () => salesRegionMapping(workspace.db()),
    viewsSalesRegionsSet: async (p) => changing((db) => setSalesRegions(db, p.mapping)),
    viewsRegionFixesList: async () => regionFixesView(workspace.db()),
    viewsRegionFixesSet: async (p) => changing((db) => setRegionFix(db, p)),
    viewsRegionFixesDelete: async (p) => changing((db) => deleteRegionFix(db, p)),
  };
}
