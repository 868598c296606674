/**
 * Runtime checks of call parameters. Whatever arrives over IPC or HTTP is untrusted until it
 * passes here; main validates every call before a handler sees it.
 */
import { AtlasError } from './errors.ts';
import { LANGUAGES, isApiMethod } from './contract.ts';
import type { ApiMethod, ApiParams, FilePurpose, JobParams, Language } from './contract.ts';

const MAX_PATH = 4096;
const MAX_ID = 128;

function fail(method: string, why: string): never {
  throw new AtlasError('INVALID_INPUT', `Invalid parameters for ${method}: ${why}`, { method, why });
}

function record(method: string, params: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) fail(method, 'expected an object');
  const obj = params as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(method, `unexpected field "${key}"`);
  }
  return obj;
}

function none(method: string, params: unknown): undefined {
  if (params !== undefined && params !== null) fail(method, 'takes no parameters');
  return undefined;
}

function text(method: string, obj: Record<string, unknown>, key: string, max: number): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') fail(method, `"${key}" must be a non-empty string`);
  if (value.length > max) fail(method, `"${key}" is longer than ${max} characters`);
  if (value.includes('\0')) fail(method, `"${key}" contains a NUL character`);
  return value;
}

function jobId(method: string, obj: Record<string, unknown>): JobParams {
  if (obj['jobId'] === undefined) return {};
  return { jobId: text(method, obj, 'jobId', MAX_ID) };
}

function pathWithJob(method: string, params: unknown): { path: string } & JobParams {
  const obj = record(method, params, ['path', 'jobId']);
  return { path: text(method, obj, 'path', MAX_PATH), ...jobId(method, obj) };
}

type Validators = { [M in ApiMethod]: (params: unknown) => ApiParams<M> };

const validators: Validators = {
  'app.info': (p) => none('app.info', p),
  'settings.get': (p) => none('settings.get', p),
  'settings.setLanguage': (p) => {
    const obj = record('settings.setLanguage', p, ['language']);
    const language = obj['language'];
    if (language !== null && !(LANGUAGES as readonly unknown[]).includes(language)) {
      fail('settings.setLanguage', `"language" must be one of ${LANGUAGES.join(', ')} or null`);
    }
    return { language: language as Language | null };
  },
  'workspace.current': (p) => none('workspace.current', p),
  'workspace.recent': (p) => none('workspace.recent', p),
  'workspace.new': (p) => pathWithJob('workspace.new', p),
  'workspace.open': (p) => pathWithJob('workspace.open', p),
  'workspace.openDemo': (p) => jobId('workspace.openDemo', record('workspace.openDemo', p ?? {}, ['jobId'])),
  'workspace.save': (p) => none('workspace.save', p),
  'workspace.saveAs': (p) => {
    const obj = record('workspace.saveAs', p, ['path']);
    return { path: text('workspace.saveAs', obj, 'path', MAX_PATH) };
  },
  'workspace.chooseFile': (p) => {
    const obj = record('workspace.chooseFile', p, ['purpose']);
    const purpose = obj['purpose'];
    if (purpose !== 'open' && purpose !== 'new' && purpose !== 'saveAs') {
      fail('workspace.chooseFile', '"purpose" must be open, new or saveAs');
    }
    return { purpose: purpose satisfies FilePurpose };
  },
  'overview.get': (p) => none('overview.get', p),
  'jobs.cancel': (p) => ({ jobId: text('jobs.cancel', record('jobs.cancel', p, ['jobId']), 'jobId', MAX_ID) }),
};

export function validateCall(method: unknown, params: unknown): { method: ApiMethod; params: unknown } {
  if (!isApiMethod(method)) {
    throw new AtlasError('UNKNOWN_METHOD', `Unknown API method: ${String(method).slice(0, 80)}`, {
      method: String(method).slice(0, 80),
    });
  }
  return { method, params: validators[method](params) };
}

export function validateParams<M extends ApiMethod>(method: M, params: unknown): ApiParams<M> {
  return validators[method](params) as ApiParams<M>;
}
