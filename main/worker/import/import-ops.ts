import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { ImportWorkerSpec } from './import-protocol.ts';
import { analyzeFile, commitFiles } from './import-pipeline.ts';
import { batchRejected, deleteTemplate, listBatches, listTemplates, removeBatch, renameTemplate } from './import-store.ts';
import { RECORD_TABLES } from './record-tables.ts';

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function createImportOps(workspace: WorkspaceAccess): Handlers<ImportWorkerSpec> {
  return {
    async importAnalyze({ files }, ctx) {
      const db = workspace.db();
      const out = [];
      for (let i = 0; i < files.length; i++) {
        ctx.progress('import.analyze', i, files.length);
        out.push(await analyzeFile(db, files[i]!));
        await ctx.checkpoint();
      }
      ctx.progress('import.analyze', files.length, files.length);
      return out;
    },

    async importCommit({ files }, ctx) {
      const db = workspace.db();
      const results = await commitFiles(db, files, ctx);
      workspace.markDirty();
      await workspace.notifyDataChanged(ctx);
      return { files: results };
    },

    async importHistory() {
      return listBatches(workspace.db());
    },

    async importRemoveBatch({ batchId }, ctx) {
      const result = removeBatch(workspace.db(), batchId);
      workspace.markDirty();
      await workspace.notifyDataChanged(ctx);
      return result;
    },

    async importTemplates() {
      return listTemplates(workspace.db());
    },

    async importRenameTemplate({ signature, name }) {
      const db = workspace.db();
      renameTemplate(db, signature, name);
      workspace.markDirty();
      return listTemplates(db);
    },

    async importDeleteTemplate({ signature }) {
      const db = workspace.db();
      deleteTemplate(db, signature);
      workspace.markDirty();
      return listTemplates(db);
    },

    async importRejectedWorkbook({ batchId }) {
      const { fileName, rows, headers } = batchRejected(workspace.db(), batchId);
      const width = Math.max(headers.length, ...rows.map((r) => r.values.length));
      const head = ['行号 Row', '列 Column', '原因 Reason', ...Array.from({ length: width }, (_, i) => headers[i] ?? `#${i + 1}`)];
      const data = [head, ...rows.map((r) => [r.rowNumber, r.column ?? '', r.reason, ...r.values.map((v) => (v === null ? '' : v))])];
      const sheet = XLSX.utils.aoa_to_sheet(data);
      sheet['!cols'] = head.map((_, i) => ({ wch: i === 2 ? 40 : 14 }));
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet, 'Rejected');
      const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
      const base = path.basename(fileName, path.extname(fileName));
      return { fileName: `${base}-rejected.xlsx`, rows: rows.length, bytes: new Uint8Array(bytes) };
    },

    async exportTable({ table, path: file }) {
      const db = workspace.db();
      const columns = RECORD_TABLES[table].columns;
      const rows = db.all(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`);
      const lines = [columns.join(',')];
      for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
      const target = path.resolve(file);
      const temp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temp, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
      fs.renameSync(temp, target);
      return { path: target, rows: rows.length };
    },
  };
}
