/**
 * Crash-safe file replacement: the target always holds either the old or the new content.
 * New bytes go to a temp file in the same folder (same file system, so rename is atomic),
 * are fsynced, and the temp file is renamed over the target; the folder is fsynced so the
 * rename itself survives a power cut. The previous version is kept as `<file>.bak`.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const CHUNK = 4 * 1024 * 1024;

export function backupPathFor(target: string): string {
  return `${target}.bak`;
}

function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
}

/** Temp files left by a save that was killed mid-way; safe to delete, never the real file. */
export function staleTempFiles(target: string): string[] {
  const dir = path.dirname(target);
  const prefixes = [`.${path.basename(target)}.tmp-`, `.${path.basename(backupPathFor(target))}.tmp-`];
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)))
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS journals the rename anyway.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeDurably(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    for (let offset = 0; offset < bytes.byteLength; ) {
      offset += fs.writeSync(fd, bytes, offset, Math.min(CHUNK, bytes.byteLength - offset));
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Keeps the current target as `.bak`, itself replaced atomically (hard link, else copy). */
function keepBackup(target: string): void {
  if (!fs.existsSync(target)) return;
  const backup = backupPathFor(target);
  const temp = tempPathFor(backup);
  try {
    fs.linkSync(target, temp);
  } catch {
    fs.copyFileSync(target, temp);
  }
  fs.renameSync(temp, backup);
}

export interface AtomicWriteOptions {
  backup?: boolean;
}

export function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): void {
  const dir = path.dirname(target);
  for (const stale of staleTempFiles(target)) fs.rmSync(stale, { force: true });
  const temp = tempPathFor(target);
  try {
    writeDurably(temp, bytes);
    if (options.backup ?? true) keepBackup(target);
    fs.renameSync(temp, target);
    fsyncDir(dir);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
