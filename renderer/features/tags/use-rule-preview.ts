/**
 * How many customers a rule matches, asked as the user edits (debounced), with the
 * validation issues of the rule; answers to older edits are dropped.
 */
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { RuleIssue, RuleNode } from '../../../shared/analytics/types.ts';

export interface RulePreviewState {
  pending: boolean;
  count: number | null;
  customers: number | null;
  issues: RuleIssue[];
  error: AtlasErrorData | null;
}

const DEBOUNCE_MS = 250;

export function useRulePreview(rule: RuleNode | null, tagId: string | undefined, refresh: number): RulePreviewState {
  const [state, setState] = useState<RulePreviewState>({ pending: rule !== null, count: null, customers: null, issues: [], error: null });
  const seq = useRef(0);
  const key = rule === null ? '' : JSON.stringify(rule);
  useEffect(() => {
    if (rule === null) return undefined;
    const mine = ++seq.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      call('analytics.tags.preview', tagId === undefined ? { rule } : { rule, tagId })
        .then((p) => mine === seq.current && setState({ pending: false, count: p.count, customers: p.customers, issues: p.issues, error: null }))
        .catch((error: unknown) => mine === seq.current && setState({ pending: false, count: null, customers: null, issues: [], error: toErrorData(error) }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The rule is compared by its JSON (key); refresh re-asks after a re-score.
  }, [key, tagId, refresh]);
  return state;
}
