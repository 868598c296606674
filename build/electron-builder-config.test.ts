/**
 * electron-builder.yml, checked with electron-builder's own machinery: its config loader
 * (which finds electron-builder.yml the way `electron-builder` does), its schema validator
 * (app-builder-lib's scheme.json through validateConfiguration) and its file matchers. No
 * packaging runs here — that needs the Electron binary — but a config that this test accepts
 * is one electron-builder accepts.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher.js';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

/** The configuration exactly as written. */
function rawConfig(): Configuration {
  return yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
}

const validate = (config: Configuration): Promise<void> => validateConfiguration(config, new DebugLogger(false));

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected an object: ${JSON.stringify(value)}`);
  return value as Json;
};
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Target entries normalised to { target, arch[] }. */
function targets(platform: unknown): { target: string; arch: string[] }[] {
  return arr(obj(platform)['target']).map((t) =>
    typeof t === 'string' ? { target: t, arch: [] } : { target: String(obj(t)['target']), arch: arr(obj(t)['arch']).map(String) },
  );
}

describe('electron-builder.yml against electron-builder’s schema', () => {
  it('is the file electron-builder loads, and its schema validator accepts it', async () => {
    const loaded = await getConfig(root, null, null);
    expect(loaded.appId).toBe('com.customeratlas.app');
    await expect(validate(loaded)).resolves.toBeUndefined();
    await expect(validate(rawConfig())).resolves.toBeUndefined();
  });

  it('rejects deliberately broken configurations (the validator is really checking)', async () => {
    const config = rawConfig();
    await expect(validate({ ...config, nsis: { ...obj(config.nsis), oneClik: false } } as Configuration)).rejects.toThrow(
      /configuration\.nsis/,
    );
    await expect(validate({ ...config, compression: 'fastest' } as unknown as Configuration)).rejects.toThrow(/compression/);
    await expect(
      validate({ ...config, mac: { ...obj(config.mac), target: [{ target: 'dmg', arch: ['sparc'] }] } } as unknown as Configuration),
    ).rejects.toThrow(/Invalid configuration object/);
    await expect(validate({ ...config, productname: 'typo' } as unknown as Configuration)).rejects.toThrow(/productname/);
  });
});

describe('identity and targets', () => {
  const config = rawConfig();

  it('names the app and keeps build output in dist/ and resources in build/', () => {
    expect(config.appId).toBe('com.customeratlas.app');
    expect(config.productName).toBe('Customer Atlas');
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' });
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('builds an x64 NSIS installer for Windows', () => {
    expect(targets(config.win)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(obj(config.nsis)['oneClick']).toBe(false);
  });

  it('builds DMGs for Intel and Apple silicon Macs in the business category', () => {
    expect(targets(config.mac)).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(obj(config.mac)['category']).toBe('public.app-category.business');
  });

  it('builds an AppImage and a deb for Linux, filed under Office, with a maintainer', () => {
    expect(targets(config.linux).map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(obj(config.linux)['category']).toBe('Office');
    expect(String(obj(config.linux)['maintainer'])).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it('associates .atlas files with the app', () => {
    const associations = arr(config.fileAssociations).map(obj);
    expect(associations).toContainEqual(expect.objectContaining({ ext: 'atlas', name: 'Customer Atlas Workspace' }));
  });

  it('ships the Electron entry that package.json names', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/electron.mjs');
  });
});

describe('files', () => {
  const config = rawConfig();
  const patterns = arr(config.files).map(String);
  const stat = (dir: boolean) => ({ isDirectory: () => dir, isFile: () => !dir }) as unknown as Stats;

  /** electron-builder's own matcher for the app files. */
  function appFilter(): (file: string) => boolean {
    const matchers = getFileMatchers(config, 'files', path.join(root, 'dist', 'app'), {
      macroExpander: (pattern) => pattern,
      customBuildOptions: {},
      globalOutDir: path.join(root, 'dist'),
      defaultSrc: root,
    });
    const first = matchers?.[0];
    if (!first) throw new Error('no file matcher');
    const filter = first.createFilter();
    return (file) => filter(path.join(root, file), stat(false));
  }

  /**
   * Production node_modules are added by electron-builder regardless of `files`; only the
   * exclusions apply to them, after an implicit '**\/*' (as getNodeModuleFileMatcher does).
   */
  function nodeModulesFilter(): (file: string) => boolean {
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as typeof import('app-builder-lib/out/fileMatcher.js');
    const matcher = new FileMatcher(root, path.join(root, 'dist', 'app'), (p) => p, [
      '**/*',
      ...patterns.filter((p) => p.startsWith('!')),
    ]);
    const filter = matcher.createFilter();
    return (file) => filter(path.join(root, file), stat(false));
  }

  it('takes the built app and package.json, and no sources, tests or source maps', () => {
    expect(patterns).toContain('out/**');
    expect(patterns).toContain('package.json');
    const included = appFilter();
    for (const file of ['out/main/electron.mjs', 'out/main/preload.cjs', 'out/main/worker.mjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'package.json']) {
      expect(included(file), file).toBe(true);
    }
    for (const file of [
      'main/electron/main.ts',
      'shared/api/contract.ts',
      'renderer/main.tsx',
      'e2e/electron-smoke.spec.ts',
      'build/build.mjs',
      'build/icon.png',
      'out/main/electron.mjs.map',
      'out/main/foo.test.js',
      'out/renderer/assets/x.spec.mjs',
      'tsconfig.json',
      'electron-builder.yml',
    ]) {
      expect(included(file), file).toBe(false);
    }
  });

  it('keeps the runtime modules of main and the worker and drops renderer-only ones', () => {
    const included = nodeModulesFilter();
    for (const file of [
      'node_modules/sql.js/package.json',
      'node_modules/sql.js/dist/sql-wasm.js',
      'node_modules/sql.js/dist/sql-wasm.wasm',
      'node_modules/@e965/xlsx/package.json',
      'node_modules/@e965/xlsx/xlsx.mjs',
      'node_modules/@e965/xlsx/dist/cpexcel.full.mjs',
    ]) {
      expect(included(file), file).toBe(true);
    }
    for (const file of [
      'node_modules/react/index.js',
      'node_modules/react-dom/client.js',
      'node_modules/echarts/index.js',
      'node_modules/zrender/lib/zrender.js',
      'node_modules/zustand/index.js',
      'node_modules/sql.js/dist/sql-asm.js',
      'node_modules/sql.js/dist/sql-wasm-debug.wasm',
      'node_modules/sql.js/dist/sql-wasm-browser.js',
      'node_modules/sql.js/dist/worker.sql-wasm.js',
      'node_modules/sql.js/dist/sqljs-all.zip',
    ]) {
      expect(included(file), file).toBe(false);
    }
  });

  it('unpacks the sql.js wasm binary from the asar archive', () => {
    expect(arr(config.asarUnpack)).toEqual(['node_modules/sql.js/dist/sql-wasm.wasm']);
    expect(fs.existsSync(path.join(root, 'node_modules/sql.js/dist/sql-wasm.wasm'))).toBe(true);
  });
});

// ---- icons --------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Parses and fully checks a PNG (signature, chunk CRCs, IHDR, image data size). */
function readPng(data: Buffer): { width: number; height: number; colorType: number } {
  expect([...data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colorType: number } | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    expect(data.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(data.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8] ?? 0, colorType: body[9] ?? 0 };
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      ended = true;
    }
    offset += 12 + length;
  }
  expect(ended).toBe(true);
  if (header === null) throw new Error('PNG without IHDR');
  expect(header.bitDepth).toBe(8);
  const channels = ({ 2: 3, 6: 4 } as Record<number, number>)[header.colorType];
  if (channels === undefined) throw new Error(`unexpected PNG colour type ${header.colorType}`);
  const pixels = inflateSync(Buffer.concat(idat));
  expect(pixels.length).toBe(header.height * (1 + header.width * channels));
  return header;
}

describe('icons', () => {
  const build = path.join(root, 'build');

  it('has a square RGBA build/icon.png of at least 512 px, as every platform needs', () => {
    const png = readPng(fs.readFileSync(path.join(build, 'icon.png')));
    expect(png.width).toBe(png.height);
    expect(png.width).toBeGreaterThanOrEqual(512);
    expect(png.colorType).toBe(6);
  });

  it('has a Windows icon.ico with sizes from 16 to 256 px', () => {
    const ico = fs.readFileSync(path.join(build, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + i * 16;
      const size = ico[at] === 0 ? 256 : (ico[at] ?? 0);
      const bytes = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + bytes);
      if (image.readUInt32BE(0) === 0x89504e47) {
        expect(readPng(image).width).toBe(size);
      } else {
        expect(image.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
        expect(image.readInt32LE(4)).toBe(size);
        expect(image.readInt32LE(8)).toBe(size * 2);
        expect(image.readUInt16LE(14)).toBe(32);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has a macOS icon.icns whose entries are valid PNGs up to 1024 px', () => {
    const icns = fs.readFileSync(path.join(build, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types = new Map<string, number>();
    let offset = 8;
    while (offset < icns.length) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      expect(length).toBeGreaterThan(8);
      types.set(type, readPng(icns.subarray(offset + 8, offset + length)).width);
      offset += length;
    }
    expect(offset).toBe(icns.length);
    expect(types.get('ic07')).toBe(128);
    expect(types.get('ic08')).toBe(256);
    expect(types.get('ic09')).toBe(512);
    expect(types.get('ic10')).toBe(1024);
  });

  it('names the icons the config points at', () => {
    const config = rawConfig();
    for (const icon of [obj(config.win)['icon'], obj(config.mac)['icon'], obj(config.linux)['icon']]) {
      expect(fs.existsSync(path.join(root, String(icon))), String(icon)).toBe(true);
    }
  });
});
