/**
 * The analytics feature's part of the API contract: its calls (merged into ApiSpec), their
 * method names and their parameter validators.
 */
import type { Validators } from '../api/checks.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the analytics issue
export interface AnalyticsApiSpec {}

export const ANALYTICS_METHODS = {} as const satisfies Record<keyof AnalyticsApiSpec, true>;

export const analyticsValidators: Validators<AnalyticsApiSpec> = {};
