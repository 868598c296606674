/**
 * Plain record shapes shared by the demo generator, the importer and the data layer.
 * Dates are ISO calendar dates (YYYY-MM-DD) so they never shift with the time zone;
 * amounts are yuan. Records refer to customers by their customer code, never by a row id,
 * because ids belong to one workspace while codes travel between files.
 */
export type IsoDate = string;

export type CustomerType = 'enterprise' | 'rental' | 'owner_operator' | 'government' | 'dealer';
export type TicketType = 'repair' | 'maintenance' | 'complaint' | 'consultation';
export type OpportunityResult = 'open' | 'won' | 'lost';
export type OrderStatus = 'signed' | 'delivered' | 'completed' | 'cancelled';

export interface CustomerRecord {
  code: string;
  name: string;
  type: CustomerType;
  industry: string;
  province: string;
  city: string;
  county: string | null;
  /** GB/T 2260 code of the city (or of the province for municipalities). */
  divisionCode: string | null;
  address: string | null;
  contact: string | null;
  phone: string | null;
  accountManager: string | null;
  salesRegion: string | null;
  createdDate: IsoDate | null;
}

export interface OrderRecord {
  sourceId: string;
  customerCode: string;
  orderDate: IsoDate;
  productLine: string;
  model: string | null;
  quantity: number;
  amount: number;
  paymentTerms: string | null;
  status: OrderStatus | null;
}

export interface PaymentRecord {
  sourceId: string;
  contractId: string | null;
  customerCode: string;
  dueDate: IsoDate;
  amountDue: number;
  paidDate: IsoDate | null;
  amountPaid: number;
}

export interface OpportunityRecord {
  sourceId: string;
  customerCode: string;
  createdDate: IsoDate;
  stage: string;
  expectedAmount: number | null;
  result: OpportunityResult;
  closeDate: IsoDate | null;
  channel: string | null;
  accountManager: string | null;
  productLine: string | null;
}

export interface TicketRecord {
  sourceId: string;
  customerCode: string;
  serial: string | null;
  openedDate: IsoDate;
  closedDate: IsoDate | null;
  type: TicketType;
  /** 1 (very unhappy) .. 5 (very happy); null when not rated. */
  satisfaction: number | null;
  description: string | null;
}

export interface SurveyRecord {
  sourceId: string;
  customerCode: string;
  surveyDate: IsoDate;
  /** 0..100 */
  score: number;
  comments: string | null;
}

export interface EquipmentRecord {
  serial: string;
  customerCode: string;
  model: string;
  productLine: string;
  purchaseDate: IsoDate;
  workingHours30d: number | null;
  lastOnline: IsoDate | null;
  location: string | null;
}

export interface Dataset {
  customers: CustomerRecord[];
  orders: OrderRecord[];
  payments: PaymentRecord[];
  opportunities: OpportunityRecord[];
  tickets: TicketRecord[];
  surveys: SurveyRecord[];
  equipment: EquipmentRecord[];
}

export const RECORD_KINDS = [
  'customers',
  'orders',
  'payments',
  'opportunities',
  'tickets',
  'surveys',
  'equipment',
] as const satisfies readonly (keyof Dataset)[];
export type RecordKind = (typeof RECORD_KINDS)[number];
