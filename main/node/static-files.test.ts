import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveStaticFile } from './static-files.ts';

const root = path.resolve('/srv/atlas/renderer');

describe('resolveStaticFile', () => {
  it('maps app paths inside the folder', () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveStaticFile(root, '/assets/%E5%AD%97%E4%BD%93.woff2')).toBe(path.join(root, 'assets/字体.woff2'));
  });

  it.each([
    '/../../etc/passwd',
    '/assets/../../secret',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2E%2E/%2E%2E/x',
    '/..%2f..%2fetc/passwd',
    '/assets\\..\\..\\x',
    '/a%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveStaticFile(root, urlPath)).toBeNull();
  });

  it('names MIME types for what the renderer ships', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});
