/**
 * Errors travel as data across every boundary (worker, IPC, HTTP), so a renderer can show
 * a translated message from the code and details while logs and the CLI keep the English text.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NO_WORKSPACE',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  'WORKSPACE_NOT_SQLITE',
  'WORKSPACE_FOREIGN',
  'WORKSPACE_TOO_NEW',
  'WORKSPACE_CORRUPT',
  'WORKSPACE_MIGRATIONS_DIVERGED',
  'IO_ERROR',
  'CANCELLED',
  'BUSY',
  'UNSUPPORTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface AtlasErrorData {
  code: ErrorCode;
  /** English, for logs and the CLI; the UI translates from code and details. */
  message: string;
  details: ErrorDetails;
}

export class AtlasError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AtlasError';
    this.code = code;
    this.details = details;
  }

  toData(): AtlasErrorData {
    return { code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: AtlasErrorData): AtlasError {
    return new AtlasError(data.code, data.message, data.details);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Anything thrown becomes error data; unknown throwables become INTERNAL with their message. */
export function toErrorData(error: unknown): AtlasErrorData {
  if (error instanceof AtlasError) return error.toData();
  if (isErrorData(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message, details: {} };
}

export function isErrorData(value: unknown): value is AtlasErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isErrorCode(v['code']) && typeof v['message'] === 'string' && typeof v['details'] === 'object';
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AtlasErrorData };
