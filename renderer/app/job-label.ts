/**
 * The label for a job phase reported by the worker ('workspace.open', 'demo.generate',
 * 'insert.orders', …). Known phases have their own message; phases ending in a record kind
 * read "Processing <kind>"; anything else falls back to a generic "Working…".
 */
import { DICTIONARIES, translate } from '../../shared/i18n/index.ts';
import { RECORD_KINDS } from '../../shared/schema/records.ts';
import type { Language } from '../../shared/api/contract.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import type { RecordKind } from '../../shared/schema/records.ts';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(DICTIONARIES['zh-CN'], key);
}

function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

export function phaseLabel(language: Language, phase: string | null): string {
  if (phase === null) return translate(language, 'job.working');
  const key = `phase.${phase}`;
  if (isMessageKey(key)) return translate(language, key);
  const last = phase.slice(phase.lastIndexOf('.') + 1);
  if (isRecordKind(last)) {
    const kind = translate(language, `overview.${last}`);
    return translate(language, 'phase.kind', { kind: language === 'en' ? kind.toLowerCase() : kind });
  }
  return translate(language, 'job.working');
}
