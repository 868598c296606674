/**
 * Which segment scheme a view may use, given the schemes the workspace has now. A user scheme
 * can be deleted while a page, a filter, a saved view or a URL still names it; the views then
 * fall back (the page to the default scheme, the filter to no segment filter) instead of
 * asking the worker about a scheme it no longer has.
 */
import type { CustomerFilter } from '../filters/index.ts';
import { DEFAULT_VIEW_SCHEME, type ViewScheme } from './api.ts';

export interface SchemeInUse {
  /** The scheme to show. */
  scheme: ViewScheme;
  /** True when the chosen scheme is gone and `scheme` is the fallback. */
  missing: boolean;
}

/**
 * The chosen scheme while the workspace has it, else the default one. `available` null means
 * "not known yet" (the options are loading): the choice stands until they arrive.
 */
export function schemeInUse(chosen: ViewScheme, available: readonly ViewScheme[] | null): SchemeInUse {
  if (available === null || available.includes(chosen)) return { scheme: chosen, missing: false };
  return { scheme: available.includes(DEFAULT_VIEW_SCHEME) ? DEFAULT_VIEW_SCHEME : (available[0] ?? DEFAULT_VIEW_SCHEME), missing: true };
}

/**
 * The filter without a segment condition on a scheme the workspace does not have (segment ids
 * belong to their scheme, so they cannot carry over to another one); the same object when
 * nothing had to go, so callers can tell by identity.
 */
export function filterForSchemes(filter: CustomerFilter, available: readonly ViewScheme[]): CustomerFilter {
  const scheme = filter.segment?.scheme;
  if (scheme === undefined || available.includes(scheme.trim())) return filter;
  return { ...filter, segment: null };
}
