/**
 * `atlas dossier` end to end (real CLI process, browser mode in-process, Debian's headless
 * Chromium): one customer's dossier by code, a visit list as cover + dossiers in one PDF,
 * personal data masked in the PDF unless --show-personal-data, and usage errors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { WorkerClient } from '../services/worker-client.ts';

const bin = path.resolve(import.meta.dirname, 'atlas.mjs');
let temp: { dir: string; cleanup: () => void };
let workspace: string;
let customer: { code: string; name: string; phone: string };

function atlas(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  temp = makeTempDir('cli-dossier');
  workspace = path.join(temp.dir, 'demo.atlas');
  expect(atlas('demo', '--out', workspace).code).toBe(0);
  const worker = new WorkerClient({ createdBy: 'test' });
  try {
    await worker.call('open', { path: workspace });
    const d = await worker.call('dossierGet', { customerId: 3, personalData: 'shown' });
    customer = { code: d.header.code, name: d.header.name, phone: d.header.phone ?? '' };
    await worker.call('dossierListsSave', { name: '周一拜访', customerIds: [3, 1, 2], order: 'manual' });
    await worker.call('save', {});
  } finally {
    await worker.terminate();
  }
}, 180_000);

afterAll(() => temp.cleanup());

describe('atlas dossier', () => {
  it('prints one customer (by code) to an A4 PDF with personal data masked', async () => {
    const out = path.join(temp.dir, 'one.pdf');
    const run = atlas('dossier', '--workspace', workspace, '--customer', customer.code, '--out', out, '--language', 'zh-CN');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PDF written to .*one\.pdf: [12] page\(s\), 1 dossier\(s\)/);
    const doc = await PDFDocument.load(fs.readFileSync(out));
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const text = pdfText(out);
    expect(text).toContain(customer.name);
    expect(text).toContain('关键指标');
    expect(customer.phone).not.toBe('');
    expect(text).not.toContain(customer.phone);
    expect(text).toContain(`${customer.phone.slice(0, 3)}****${customer.phone.slice(-4)}`);
  }, 180_000);

  it('prints a visit list as one PDF: cover page then each dossier, unmasked when asked', async () => {
    const out = path.join(temp.dir, 'list.pdf');
    const run = atlas('dossier', '--workspace', workspace, '--list', '周一拜访', '--out', out, '--language', 'en', '--show-personal-data');
    expect(run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('printed '))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/3 dossier\(s\)/);
    const pages = pdfText(out).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages[0]).toContain('周一拜访');
    expect(pages[0]).toContain('Customers');
    // Cover lists the members in the list's order: customer 3 first.
    expect(pages[0]!.indexOf(customer.name)).toBeGreaterThan(-1);
    expect(pages.join('\n')).toContain(customer.phone);
  }, 240_000);

  it('says what is wrong: usage errors exit 2, an unknown customer or list exits 1', () => {
    expect(atlas('dossier', '--workspace', workspace, '--out', path.join(temp.dir, 'x.pdf')).code).toBe(2);
    const both = atlas('dossier', '--workspace', workspace, '--customer', '1', '--list', 'x', '--out', path.join(temp.dir, 'x.pdf'));
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --customer ID or --list NAME/);
    expect(atlas('dossier', '--workspace', workspace, '--customer', '1', '--out', path.join(temp.dir, 'x.txt')).stderr).toMatch(/\.pdf/);
    const unknown = atlas('dossier', '--workspace', workspace, '--customer', 'NO-SUCH', '--out', path.join(temp.dir, 'x.pdf'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/NO-SUCH/);
    const noList = atlas('dossier', '--workspace', workspace, '--list', '不存在', '--out', path.join(temp.dir, 'x.pdf'));
    expect(noList.code).toBe(1);
    expect(noList.stderr).toMatch(/不存在/);
    expect(fs.existsSync(path.join(temp.dir, 'x.pdf'))).toBe(false);
  }, 120_000);
});
