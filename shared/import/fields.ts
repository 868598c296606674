/**
 * The field catalog: for every record kind, the record properties an export column can fill,
 * their value type, whether the kind is unusable without them, and the header synonyms
 * (zh-Hans, zh-Hant, English) exports use. Records that refer to a customer carry both
 * customerCode and customerName because many exports carry only the name; one of the two
 * is required (see CUSTOMER_REF).
 */
import type { RecordKind } from '../schema/records.ts';
import { CRM_FIELDS } from './fields-crm.ts';
import { SERVICE_FIELDS } from './fields-service.ts';
import type { FieldSpec } from './types.ts';

/** The pseudo-field missingRequired names when neither customerCode nor customerName is mapped. */
export const CUSTOMER_REF = 'customerCode|customerName';

export const FIELDS: Record<RecordKind, FieldSpec[]> = { ...CRM_FIELDS, ...SERVICE_FIELDS };

export function fieldSpec(kind: RecordKind, field: string): FieldSpec | undefined {
  return FIELDS[kind].find((s) => s.field === field);
}

/** The two fields naming the customer of a record: code and name. */
export function customerRefFields(kind: RecordKind): readonly [string, string] {
  return kind === 'customers' ? ['code', 'name'] : ['customerCode', 'customerName'];
}
