/**
 * settings.json in the data folder: the user's language, recent workspaces and the last
 * one open. A missing or unreadable file means defaults (never a crash at start-up).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES } from '../../shared/api/contract.ts';
import type { Language } from '../../shared/api/contract.ts';
import { writeFileAtomic } from '../node/atomic-write.ts';

export interface StoredSettings {
  language: Language | null;
  recent: { path: string; openedAt: string }[];
  lastWorkspace: string | null;
}

const MAX_RECENT = 10;

function defaults(): StoredSettings {
  return { language: null, recent: [], lastWorkspace: null };
}

function sanitise(raw: unknown): StoredSettings {
  const result = defaults();
  if (typeof raw !== 'object' || raw === null) return result;
  const obj = raw as Record<string, unknown>;
  if ((LANGUAGES as readonly unknown[]).includes(obj['language'])) result.language = obj['language'] as Language;
  if (typeof obj['lastWorkspace'] === 'string') result.lastWorkspace = obj['lastWorkspace'];
  if (Array.isArray(obj['recent'])) {
    for (const entry of obj['recent'] as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const e = entry as Record<string, unknown>;
      if (typeof e['path'] === 'string' && typeof e['openedAt'] === 'string') {
        result.recent.push({ path: e['path'], openedAt: e['openedAt'] });
      }
    }
    result.recent = result.recent.slice(0, MAX_RECENT);
  }
  return result;
}

export class SettingsStore {
  private settings: StoredSettings;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    let raw: unknown = null;
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      raw = null;
    }
    this.settings = sanitise(raw);
  }

  get(): StoredSettings {
    return structuredClone(this.settings);
  }

  update(change: (draft: StoredSettings) => void): StoredSettings {
    const draft = this.get();
    change(draft);
    this.settings = sanitise(draft);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify(this.settings, null, 2) + '\n'), { backup: false });
    return this.get();
  }

  rememberWorkspace(file: string): void {
    this.update((draft) => {
      draft.lastWorkspace = file;
      draft.recent = [{ path: file, openedAt: new Date().toISOString() }, ...draft.recent.filter((r) => r.path !== file)];
    });
  }
}
