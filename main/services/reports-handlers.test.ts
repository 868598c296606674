/**
 * Reports through the real services and worker bundle: the export runs as a job (progress
 * events, job.finished), templates persist in the workspace, and browser mode has no native
 * save dialog.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasEvent } from '../../shared/api/contract.ts';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { createAtlasServices } from './atlas-services.ts';
import { dispatchCall } from './dispatch.ts';
import type { AtlasServices } from './types.ts';

let dir: string;
let cleanup: () => void;
let services: AtlasServices;
const events: AtlasEvent[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir('reports-services'));
  services = await createAtlasServices({
    dataDir: path.join(dir, 'data'),
    host: { mode: 'browser', nativeDialogs: false, chooseFile: () => Promise.resolve(null) },
    systemLocale: 'zh-CN',
    version: '0.0.0-test',
    autosaveDelayMs: 60_000,
  });
  services.onEvent((e) => events.push(e));
  await services.start();
}, 120_000);

afterAll(async () => {
  await services.dispose();
  cleanup();
});

describe('reports services', () => {
  it('exports as a job with progress and reports the written file', async () => {
    const out = path.join(dir, 'out.xlsx');
    const result = await services.api['reports.export']({ jobId: 'r1', filter: 'grade=B', language: 'zh-CN', format: 'xlsx', path: out });
    expect(result.path).toBe(out);
    expect(result.rows).toBeGreaterThan(100);
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
    const progress = events.filter((e) => e.name === 'job.progress' && e.payload.jobId === 'r1');
    expect(progress.some((e) => e.name === 'job.progress' && e.payload.phase === 'reports.write')).toBe(true);
    expect(events.some((e) => e.name === 'job.finished' && e.payload.jobId === 'r1' && e.payload.ok)).toBe(true);
  }, 120_000);

  it('stores templates in the workspace and marks it changed', async () => {
    const before = events.length;
    const list = await services.api['reports.templates.save']({ template: { name: '季度报表', sheets: ['summary'], customerColumns: ['code'] } });
    expect(list.map((t) => t.name)).toEqual(['季度报表']);
    expect(events.slice(before).some((e) => e.name === 'workspace.changed')).toBe(true);
    expect((await services.api['reports.templates.list'](undefined)).length).toBe(1);
    expect(await services.api['reports.templates.delete']({ name: '季度报表' })).toEqual([]);
  });

  it('validates over the transport and has no native dialog in browser mode', async () => {
    const bad = await dispatchCall(services.api, 'reports.export', { filter: '', language: 'fr', format: 'xlsx', path: '/tmp/x.xlsx' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const dialog = await dispatchCall(services.api, 'reports.chooseSavePath', { format: 'xlsx', suggestedName: 'r.xlsx' });
    expect(dialog).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });
});
