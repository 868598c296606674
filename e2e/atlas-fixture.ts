/**
 * Starts the real browser-mode server on a demo workspace written by the real CLI, once per
 * test worker, and gives tests its URL plus what `atlas info --json` says about the same file.
 */
import { expect, test as base } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const atlasBin = path.join(repoRoot, 'main/cli/atlas.mjs');

export interface InfoJson {
  workspace: string;
  counts: Record<string, number>;
  orderDateRange: { from: string; to: string } | null;
  totalRevenue: number;
}

export interface AtlasServer {
  url: string;
  workspace: string;
  dataDir: string;
  info: InfoJson;
}

export function runAtlas(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [atlasBin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

async function startServer(dataDir: string, workspace: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [atlasBin, 'web', '--port', '0', '--data-dir', dataDir, '--workspace', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

/** Calls the running server's API the way the page does (token from index.html). */
export async function callApi(url: string, method: string, params?: unknown): Promise<unknown> {
  const html = await (await fetch(url)).text();
  const token = /<meta name="atlas-token" content="([^"]+)">/.exec(html)?.[1] ?? '';
  const reply = await fetch(new URL('/api/call', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-atlas-token': token },
    body: JSON.stringify({ method, params }),
  });
  const envelope = (await reply.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message ?? 'failed'}`);
  return envelope.value;
}

export const test = base.extend<{ freshWorkspace: void }, { atlas: AtlasServer }>({
  // The server is shared by every test of a worker; a test that opened another workspace
  // (import, workspace menu) must not change what the next one starts on.
  freshWorkspace: [
    async ({ atlas }, use) => {
      const current = (await callApi(atlas.url, 'workspace.current')) as { path: string } | null;
      if (current?.path !== atlas.workspace) await callApi(atlas.url, 'workspace.open', { path: atlas.workspace });
      await use();
    },
    { auto: true },
  ],
  atlas: [
    async ({}, use) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-e2e-'));
      const workspace = path.join(dir, 'demo.atlas');
      runAtlas(['demo', '--out', workspace]);
      const info = JSON.parse(runAtlas(['info', workspace, '--json'])) as InfoJson;
      const dataDir = path.join(dir, 'data');
      const { url, child } = await startServer(dataDir, workspace);
      await use({ url, workspace, dataDir, info });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect };

/** Screenshots that people look at: kept under e2e-artifacts/ as well as in the test output. */
export function artifactPath(name: string): string {
  const dir = path.join(repoRoot, 'e2e-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/**
 * What a user should never see: console errors, CSP violations, uncaught exceptions, script
 * dialogs (an injected alert) and requests leaving the app. Tests assert the list is empty.
 */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('http://127.0.0.1:') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request outside the app: ${url}`);
    }
  });
  return problems;
}

export async function chooseLanguage(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  await page.getByTestId(`language-${language}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}
