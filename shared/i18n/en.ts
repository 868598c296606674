import type { MessageKey } from './messages.ts';

export const en: Record<MessageKey, string> = {
  'app.name': 'Customer Atlas',
  'error.INVALID_INPUT': 'Invalid input: {why}',
  'error.UNKNOWN_METHOD': 'Unknown operation: {method}',
  'error.NO_WORKSPACE': 'No workspace is open.',
  'error.FILE_NOT_FOUND': 'File not found: {path}',
  'error.FILE_EXISTS': 'File already exists: {path}',
  'error.WORKSPACE_NOT_SQLITE': '“{path}” is not a Customer Atlas workspace (it is not an SQLite database).',
  'error.WORKSPACE_FOREIGN': '“{path}” is an SQLite database of another program, not a Customer Atlas workspace. The file was not changed.',
  'error.WORKSPACE_TOO_NEW': '“{path}” was made by a newer Customer Atlas (schema version {found}; this version supports up to {supported}). Update Customer Atlas to open it.',
  'error.WORKSPACE_CORRUPT': '“{path}” is damaged or incomplete and cannot be opened ({why}). The file was not changed; the backup {backup} in the same folder may help.',
  'error.WORKSPACE_MIGRATIONS_DIVERGED': 'The schema history of “{path}” does not match this version, so it cannot be upgraded safely. The file was not changed.',
  'error.IO_ERROR': 'Could not read or write a file: {why}',
  'error.CANCELLED': 'Cancelled; nothing was changed.',
  'error.BUSY': 'Another task is running; please wait.',
  'error.UNSUPPORTED': 'This is not supported in this mode.',
  'error.INTERNAL': 'Internal error: {why}',
};
