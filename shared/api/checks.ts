/**
 * Building blocks for parameter validators. Whatever arrives over IPC or HTTP is untrusted
 * until a validator made of these has accepted it.
 */
import { AtlasError } from './errors.ts';
import type { JobParams } from './contract.ts';

export const MAX_PATH = 4096;
export const MAX_ID = 128;

/** A validator per method of a spec: returns the typed parameters or throws INVALID_INPUT. */
export type Validators<S> = { [M in keyof S]: (params: unknown) => S[M] extends { params: infer P } ? P : never };

export function fail(method: string, why: string): never {
  throw new AtlasError('INVALID_INPUT', `Invalid parameters for ${method}: ${why}`, { method, why });
}

/** An object with only the allowed keys. */
export function record(method: string, params: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) fail(method, 'expected an object');
  const obj = params as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(method, `unexpected field "${key}"`);
  }
  return obj;
}

export function none(method: string, params: unknown): undefined {
  if (params !== undefined && params !== null) fail(method, 'takes no parameters');
  return undefined;
}

export function text(method: string, obj: Record<string, unknown>, key: string, max: number): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') fail(method, `"${key}" must be a non-empty string`);
  if (value.length > max) fail(method, `"${key}" is longer than ${max} characters`);
  if (value.includes('\0')) fail(method, `"${key}" contains a NUL character`);
  return value;
}

export function integer(method: string, obj: Record<string, unknown>, key: string, min: number, max: number): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(method, `"${key}" must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function oneOf<T extends string>(method: string, obj: Record<string, unknown>, key: string, allowed: readonly T[]): T {
  const value = obj[key];
  if (!(allowed as readonly unknown[]).includes(value)) fail(method, `"${key}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function jobId(method: string, obj: Record<string, unknown>): JobParams {
  if (obj['jobId'] === undefined) return {};
  return { jobId: text(method, obj, 'jobId', MAX_ID) };
}
