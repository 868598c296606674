import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtlasEvent } from '../../shared/api/contract.ts';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { createAtlasServices } from './atlas-services.ts';
import { dispatchCall } from './dispatch.ts';
import type { AtlasServices } from './types.ts';

let dir: string;
let cleanup: () => void;
const running: AtlasServices[] = [];

beforeEach(() => ({ dir, cleanup } = makeTempDir('services')));
afterEach(async () => {
  for (const s of running.splice(0)) await s.dispose();
  cleanup();
});

async function services(extra: { autosaveDelayMs?: number } = {}): Promise<AtlasServices> {
  const s = await createAtlasServices({
    dataDir: path.join(dir, 'data'),
    host: { mode: 'browser', nativeDialogs: false, chooseFile: () => Promise.resolve(null) },
    systemLocale: 'zh-CN',
    version: '0.0.0-test',
    ...extra,
  });
  running.push(s);
  return s;
}

describe('application services', () => {
  it('first start opens the generated demo; the next start reopens it without regenerating', async () => {
    const first = await services();
    const events: AtlasEvent[] = [];
    first.onEvent((e) => events.push(e));
    await first.start();
    const current = await first.api['workspace.current'](undefined);
    expect(current).toMatchObject({ isDemo: true, name: 'demo.atlas', dirty: false });
    const overview = await first.api['overview.get'](undefined);
    expect(overview.counts.customers).toBeGreaterThan(2000);
    expect(overview.counts.orders).toBeGreaterThan(10000);
    expect(overview.totalRevenue).toBeGreaterThan(0);
    expect(events.some((e) => e.name === 'workspace.changed')).toBe(true);
    const mtime = fs.statSync(current!.path).mtimeMs;
    await first.dispose();
    running.pop();

    const second = await services();
    await second.start();
    const reopened = await second.api['workspace.current'](undefined);
    expect(reopened?.path).toBe(current!.path);
    expect(fs.statSync(current!.path).mtimeMs).toBe(mtime);
    expect((await second.api['overview.get'](undefined)).counts).toEqual(overview.counts);
  });

  it('creates, saves as, lists recent workspaces and refuses to overwrite on New', async () => {
    const s = await services();
    const created = await s.api['workspace.new']({ path: path.join(dir, '华东大区 2026') });
    expect(created.name).toBe('华东大区 2026.atlas');
    expect(fs.existsSync(created.path)).toBe(true);
    expect((await s.api['overview.get'](undefined)).counts.customers).toBe(0);
    await expect(s.api['workspace.new']({ path: created.path })).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    const copy = await s.api['workspace.saveAs']({ path: path.join(dir, 'copy.atlas') });
    expect(copy.path).toBe(path.join(dir, 'copy.atlas'));
    const recent = await s.api['workspace.recent'](undefined);
    expect(recent.map((r) => r.name)).toEqual(['copy.atlas', '华东大区 2026.atlas']);
    expect(recent.every((r) => r.exists)).toBe(true);
  });

  it('keeps the open workspace when another file cannot be opened', async () => {
    const s = await services();
    const created = await s.api['workspace.new']({ path: path.join(dir, 'keep.atlas') });
    const foreign = path.join(dir, 'report.xlsx.atlas');
    fs.writeFileSync(foreign, 'PK\u0003\u0004 not a database');
    await expect(s.api['workspace.open']({ path: foreign })).rejects.toMatchObject({ code: 'WORKSPACE_NOT_SQLITE' });
    expect((await s.api['workspace.current'](undefined))?.path).toBe(created.path);
  });

  it('reports progress and the end of a job started with a job id', async () => {
    const s = await services();
    const events: AtlasEvent[] = [];
    s.onEvent((e) => events.push(e));
    await s.api['workspace.openDemo']({ jobId: 'demo-job' });
    const progress = events.filter((e) => e.name === 'job.progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(new Set(progress.map((e) => e.payload.phase)).size).toBeGreaterThan(2);
    expect(events).toContainEqual({ name: 'job.finished', payload: { jobId: 'demo-job', ok: true, error: null } });
  });

  it('remembers the language and validates every call arriving from a transport', async () => {
    const s = await services();
    expect(await s.api['settings.get'](undefined)).toEqual({ language: null });
    await s.api['settings.setLanguage']({ language: 'en' });
    const again = await services();
    expect(await again.api['settings.get'](undefined)).toEqual({ language: 'en' });

    expect(await dispatchCall(s.api, 'settings.setLanguage', { language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await dispatchCall(s.api, 'workspace.open', { path: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatchCall(s.api, 'workspace.open', { path: '/x', extra: 1 })).toMatchObject({ ok: false });
    expect(await dispatchCall(s.api, 'constructor', undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatchCall(s.api, 'workspace.chooseFile', { purpose: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    expect(await dispatchCall(s.api, 'settings.get', undefined)).toEqual({ ok: true, value: { language: 'en' } });
  });
});
