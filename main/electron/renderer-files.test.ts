import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../security/csp.ts';
import { mimeTypeFor, resolveRendererPath, resolveRendererUrl, serveRendererRequest } from './renderer-files.ts';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-renderer-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Customer Atlas</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', '中文 map.json'), '{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'top secret');
  fs.mkdirSync(path.join(root, 'assets', 'dir.d'));
  try {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  } catch {
    // Symlinks need privileges on Windows; the symlink test checks for the link first.
  }
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

describe('resolveRendererUrl', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveRendererUrl(root, 'atlas://app/assets/index-abc.js')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-abc.js'),
    });
    expect(resolveRendererUrl(root, 'atlas://app/assets/index-abc.js?v=2#x')).toMatchObject({
      filePath: path.join(root, 'assets', 'index-abc.js'),
    });
    expect(resolveRendererUrl(root, 'atlas://app/assets/%E4%B8%AD%E6%96%87%20map.json')).toMatchObject({
      filePath: path.join(root, 'assets', '中文 map.json'),
    });
  });

  it('serves index.html for the root, folders and client-side routes', () => {
    const index = { ok: true, filePath: path.join(root, 'index.html') };
    expect(resolveRendererUrl(root, 'atlas://app/')).toEqual(index);
    expect(resolveRendererUrl(root, 'atlas://app')).toEqual(index);
    expect(resolveRendererUrl(root, 'atlas://app/customers/42')).toEqual(index);
    expect(resolveRendererUrl(root, 'atlas://app/customers/')).toEqual(index);
  });

  it('never leaves the renderer folder', () => {
    const attacks = [
      'atlas://app/../../etc/passwd',
      'atlas://app/..%2f..%2fsecret.txt',
      'atlas://app/%2e%2e%2fsecret.txt',
      'atlas://app/%2E%2E/%2E%2E/secret.txt',
      'atlas://app/assets/..%2F..%2F..%2Fsecret.txt',
      'atlas://app/..%5c..%5csecret.txt',
      'atlas://app/assets/..\\..\\secret.txt',
      'atlas://app/%2fetc%2fpasswd',
      'atlas://app//etc/passwd.txt',
      'atlas://app/C:%5CWindows%5Cwin.ini',
      'atlas://app/C:/Windows/win.ini',
      'atlas://app/index.html%00.png',
      'atlas://app/%zz.js',
      'atlas://app/.%2e/secret.txt',
    ];
    for (const url of attacks) {
      const result = resolveRendererUrl(root, url);
      if (result.ok) {
        // URL normalisation may legitimately fold the dots away; the result must still be inside.
        expect(path.relative(root, result.filePath).startsWith('..'), url).toBe(false);
        expect(result.filePath.startsWith(root + path.sep), url).toBe(true);
      } else {
        expect([400, 404], url).toContain(result.status);
      }
    }
    // The encoded forms specifically must be rejected, not folded.
    expect(resolveRendererUrl(root, 'atlas://app/..%2f..%2fsecret.txt')).toMatchObject({ ok: false, status: 400 });
    expect(resolveRendererUrl(root, 'atlas://app/..%5c..%5csecret.txt')).toMatchObject({ ok: false, status: 400 });
    expect(resolveRendererUrl(root, 'atlas://app/C:%5CWindows%5Cwin.ini')).toMatchObject({ ok: false, status: 400 });
    expect(resolveRendererUrl(root, 'atlas://app/index.html%00.png')).toMatchObject({ ok: false, status: 400 });
  });

  it('serves only the app origin', () => {
    for (const url of ['atlas://evil/index.html', 'atlas://app@evil/index.html', 'https://app/index.html', 'x']) {
      expect(resolveRendererUrl(root, url), url).toMatchObject({ ok: false, status: 404 });
    }
  });

  it('requires an absolute URL path', () => {
    expect(resolveRendererPath(root, 'index.html')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('china.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('x.js.map')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('logo.png')).toBe('image/png');
    expect(mimeTypeFor('f.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('sql.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
  });
});

describe('serveRendererRequest', () => {
  const text = (body: Uint8Array | null): string => new TextDecoder().decode(body ?? new Uint8Array(0));

  it('returns the file with its type and every security header', async () => {
    const response = await serveRendererRequest(root, { url: 'atlas://app/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(text(response.body)).toContain('<title>Customer Atlas</title>');
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('answers HEAD without a body', async () => {
    const response = await serveRendererRequest(root, { url: 'atlas://app/assets/index-abc.js', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
    expect(response.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses other methods', async () => {
    const response = await serveRendererRequest(root, { url: 'atlas://app/index.html', method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers['Allow']).toBe('GET, HEAD');
    expect(response.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('gives 404 for missing files and folders, 400 for traversal, with security headers', async () => {
    const missing = await serveRendererRequest(root, { url: 'atlas://app/assets/missing.js', method: 'GET' });
    expect(missing.status).toBe(404);
    expect(missing.headers).toMatchObject(SECURITY_HEADERS);
    const folder = await serveRendererRequest(root, { url: 'atlas://app/assets/dir.d', method: 'GET' });
    expect(folder.status).toBe(404);
    const traversal = await serveRendererRequest(root, { url: 'atlas://app/..%2fsecret.txt', method: 'GET' });
    expect(traversal.status).toBe(400);
    expect(text(traversal.body)).not.toContain('top secret');
    expect(traversal.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('does not follow symlinks out of the renderer folder', async (context) => {
    if (!fs.existsSync(path.join(root, 'assets', 'link.txt'))) context.skip();
    const response = await serveRendererRequest(root, { url: 'atlas://app/assets/link.txt', method: 'GET' });
    expect(response.status).toBe(404);
    expect(text(response.body)).not.toContain('top secret');
  });

  it('gives 404 when the renderer has not been built', async () => {
    const response = await serveRendererRequest(path.join(base, 'nope'), { url: 'atlas://app/', method: 'GET' });
    expect(response.status).toBe(404);
  });
});
