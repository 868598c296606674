/** The import feature's API handlers. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';
import type { ImportApiSpec } from '../../shared/import/api.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/import/api.ts';
import type { FeatureHandlers, ServiceContext } from './types.ts';

/** Browser-mode uploads live here until the services stop (or the next start clears them). */
export function uploadDir(dataDir: string): string {
  return path.join(dataDir, 'import-uploads');
}

function safeName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\0-\x1f<>:"/\\|?*]/g, '_').trim();
  return base === '' || base === '.' || base === '..' ? 'upload' : base.slice(0, 200);
}

export function createImportHandlers(context: ServiceContext): FeatureHandlers<ImportApiSpec> {
  const { worker } = context;
  const uploads = new Map<string, { path: string; size: number }>();
  const root = uploadDir(context.options.dataDir);
  // Leftovers of an earlier run are not needed any more.
  fs.rmSync(root, { recursive: true, force: true });

  return {
    async 'import.chooseFiles'() {
      const host = context.options.host;
      if (!host.nativeDialogs || !host.chooseImportFiles) {
        throw new AtlasError('UNSUPPORTED', 'This host has no native file dialogs', { method: 'import.chooseFiles' });
      }
      return host.chooseImportFiles(context.options.dataDir);
    },

    async 'import.upload'({ name, base64, uploadId }) {
      const bytes = Buffer.from(base64, 'base64');
      if (uploadId === undefined) {
        const id = crypto.randomUUID();
        const dir = path.join(root, id);
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, safeName(name));
        fs.writeFileSync(file, bytes);
        uploads.set(id, { path: file, size: bytes.length });
        return { uploadId: id, path: file, size: bytes.length };
      }
      const upload = uploads.get(uploadId);
      if (!upload) throw new AtlasError('INVALID_INPUT', `Unknown upload ${uploadId}`, { method: 'import.upload', why: 'unknown upload' });
      if (upload.size + bytes.length > MAX_UPLOAD_BYTES) {
        fs.rmSync(path.dirname(upload.path), { recursive: true, force: true });
        uploads.delete(uploadId);
        throw new AtlasError('INVALID_INPUT', `${name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, {
          method: 'import.upload',
          why: 'file too large',
        });
      }
      fs.appendFileSync(upload.path, bytes);
      upload.size += bytes.length;
      return { uploadId, path: upload.path, size: upload.size };
    },

    async 'import.analyze'(params) {
      context.requireWorkspace();
      return context.job(params, (jobId) => worker.call('importAnalyze', { files: params.files }, jobId));
    },

    async 'import.commit'(params) {
      context.requireWorkspace();
      const result = await context.job(params, (jobId) => worker.call('importCommit', { files: params.files }, jobId));
      await context.workspaceChanged();
      return result;
    },

    async 'import.history'() {
      context.requireWorkspace();
      return worker.call('importHistory', undefined);
    },

    async 'import.removeBatch'(params) {
      context.requireWorkspace();
      const result = await context.job(params, (jobId) => worker.call('importRemoveBatch', { batchId: params.batchId }, jobId));
      await context.workspaceChanged();
      return result;
    },

    async 'import.templates'() {
      context.requireWorkspace();
      return worker.call('importTemplates', undefined);
    },

    async 'import.renameTemplate'(params) {
      context.requireWorkspace();
      return worker.call('importRenameTemplate', params);
    },

    async 'import.deleteTemplate'(params) {
      context.requireWorkspace();
      return worker.call('importDeleteTemplate', params);
    },

    async 'import.exportRejected'({ batchId, path: target }) {
      context.requireWorkspace();
      const { fileName, rows, bytes } = await worker.call('importRejectedWorkbook', { batchId });
      if (target === undefined) return { fileName, rows, path: null, base64: Buffer.from(bytes).toString('base64') };
      const file = path.resolve(target);
      fs.writeFileSync(file, bytes);
      return { fileName, rows, path: file, base64: null };
    },
  };
}
