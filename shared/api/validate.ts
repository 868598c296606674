/**
 * Runtime checks of call parameters for every method: the shell's here, each feature's in
 * its own api.ts. main validates every call before a handler sees it.
 */
import { AtlasError } from './errors.ts';
import { LANGUAGES, isApiMethod } from './contract.ts';
import type { ApiMethod, ApiParams, CoreApiSpec, FilePurpose, JobParams, Language } from './contract.ts';
import { MAX_ID, MAX_PATH, fail, jobId, none, record, text } from './checks.ts';
import type { Validators } from './checks.ts';
import { importValidators } from '../import/api.ts';
import { analyticsValidators } from '../analytics/api.ts';
import { viewsValidators } from '../views/api.ts';
import { reportsValidators } from '../reports/api.ts';
import { dossierValidators } from '../dossier/api.ts';

function pathWithJob(method: string, params: unknown): { path: string } & JobParams {
  const obj = record(method, params, ['path', 'jobId']);
  return { path: text(method, obj, 'path', MAX_PATH), ...jobId(method, obj) };
}

const coreValidators: Validators<CoreApiSpec> = {
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

const validators: { [M in ApiMethod]: (params: unknown) => ApiParams<M> } = {
  ...coreValidators,
  ...importValidators,
  ...analyticsValidators,
  ...viewsValidators,
  ...reportsValidators,
  ...dossierValidators,
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
