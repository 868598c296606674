/**
 * The import feature's part of the API contract: its calls (merged into ApiSpec), their
 * method names and their parameter validators.
 */
import type { Validators } from '../api/checks.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the import issue
export interface ImportApiSpec {}

export const IMPORT_METHODS = {} as const satisfies Record<keyof ImportApiSpec, true>;

export const importValidators: Validators<ImportApiSpec> = {};
