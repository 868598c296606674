import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../../shared/api/errors.ts';
import { makeTempDir } from '../../test-support/temp-dir.ts';
import { Db } from './db.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { createWorkspaceDb, openWorkspaceFile, saveWorkspaceFile } from './workspace-file.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('wsfile')));
afterEach(() => cleanup());

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function workspaceWithCustomers(file: string, count: number): Promise<void> {
  const db = await createWorkspaceDb('test');
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      db.run('INSERT INTO customers (code, name, province, city) VALUES (?, ?, ?, ?)', [
        `C${i}`,
        `苏州重工机械有限公司${i}`,
        '江苏省',
        '苏州市',
      ]);
    }
  });
  saveWorkspaceFile(db, file);
  db.close();
}

async function expectRefused(file: string, code: string): Promise<AtlasError> {
  const before = fs.existsSync(file) ? sha(file) : null;
  const error = await openWorkspaceFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AtlasError);
  expect((error as AtlasError).code).toBe(code);
  // Refusing a file must never modify it.
  if (before !== null) expect(sha(file)).toBe(before);
  return error as AtlasError;
}

describe('workspace files', () => {
  it('round-trips: what was saved opens again with the same rows and schema version', async () => {
    const file = path.join(dir, 'round.atlas');
    await workspaceWithCustomers(file, 250);
    const { db, migrated } = await openWorkspaceFile(file);
    expect(migrated).toBe(0);
    expect(db.value('SELECT count(*) FROM customers')).toBe(250);
    expect(db.value("SELECT name FROM customers WHERE code = 'C7'")).toBe('苏州重工机械有限公司7');
    expect(Number(db.value('PRAGMA user_version'))).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('keeps the previous version as a .bak when saving over a file', async () => {
    const file = path.join(dir, 'bak.atlas');
    await workspaceWithCustomers(file, 3);
    await workspaceWithCustomers(file, 5);
    const current = await openWorkspaceFile(file);
    const backup = await openWorkspaceFile(`${file}.bak`);
    expect(current.db.value('SELECT count(*) FROM customers')).toBe(5);
    expect(backup.db.value('SELECT count(*) FROM customers')).toBe(3);
    current.db.close();
    backup.db.close();
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a missing file', async () => {
    await expectRefused(path.join(dir, 'nope.atlas'), 'FILE_NOT_FOUND');
  });

  it('refuses files that are not SQLite: text, empty, an image', async () => {
    const text = path.join(dir, 'notes.atlas');
    fs.writeFileSync(text, '客户名称,金额\n华东重工,100\n');
    await expectRefused(text, 'WORKSPACE_NOT_SQLITE');
    const empty = path.join(dir, 'empty.atlas');
    fs.writeFileSync(empty, '');
    await expectRefused(empty, 'WORKSPACE_NOT_SQLITE');
    const png = path.join(dir, 'image.atlas');
    fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    await expectRefused(png, 'WORKSPACE_NOT_SQLITE');
  });

  it('refuses an SQLite database of another program', async () => {
    const db = await Db.open();
    db.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('x')");
    const file = path.join(dir, 'places.sqlite');
    fs.writeFileSync(file, db.export());
    db.close();
    const error = await expectRefused(file, 'WORKSPACE_FOREIGN');
    expect(error.details['path']).toBe(file);
  });

  it('refuses a truncated workspace and names the backup', async () => {
    const file = path.join(dir, 'cut.atlas');
    await workspaceWithCustomers(file, 2000);
    const bytes = fs.readFileSync(file);
    for (const keep of [0.5, 0.9]) {
      const cut = path.join(dir, `cut-${keep}.atlas`);
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor((bytes.length * keep) / 4096) * 4096));
      const error = await expectRefused(cut, 'WORKSPACE_CORRUPT');
      expect(String(error.details['why'])).toMatch(/truncated/);
      expect(error.details['backup']).toBe(`${cut}.bak`);
    }
    const ragged = path.join(dir, 'ragged.atlas');
    fs.writeFileSync(ragged, bytes.subarray(0, bytes.length - 100));
    await expectRefused(ragged, 'WORKSPACE_CORRUPT');
  });

  it('refuses a workspace whose pages were overwritten with garbage', async () => {
    const file = path.join(dir, 'garbage.atlas');
    await workspaceWithCustomers(file, 3000);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Wipe an interior b-tree page; the header stays valid so only the integrity check can tell.
    bytes.fill(0x5a, pageSize * 6, pageSize * 9);
    fs.writeFileSync(file, bytes);
    await expectRefused(file, 'WORKSPACE_CORRUPT');
  });

  it('refuses a workspace from a newer version with both versions in the message', async () => {
    const file = path.join(dir, 'future.atlas');
    const db = await createWorkspaceDb('test');
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    fs.writeFileSync(file, db.export());
    db.close();
    const error = await expectRefused(file, 'WORKSPACE_TOO_NEW');
    expect(error.details).toMatchObject({ found: LATEST_SCHEMA_VERSION + 3, supported: LATEST_SCHEMA_VERSION });
  });

  it('refuses a workspace whose migration history differs from ours', async () => {
    const file = path.join(dir, 'fork.atlas');
    const db = await createWorkspaceDb('test');
    db.exec("UPDATE schema_migrations SET name = '001-someone-elses' WHERE id = 1");
    fs.writeFileSync(file, db.export());
    db.close();
    await expectRefused(file, 'WORKSPACE_MIGRATIONS_DIVERGED');
  });
});
