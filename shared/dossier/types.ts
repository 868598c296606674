/**
 * The dossier of one customer: everything the 360° page and its A4 printout show, built by
 * `buildDossier` from the customer's records and the analytics results. Plain data, so it
 * crosses the worker boundary and the HTTP transport unchanged. Personal data (phones, ID
 * numbers, addresses beyond the city) is already masked in it unless it was asked for unmasked.
 */
import type { ChurnReasonCode, Grade, LifecycleStage, Polarity } from '../analytics/types.ts';
import type { CustomerType, IsoDate, OpportunityResult, TicketType } from '../schema/records.ts';

export type PersonalDataMode = 'masked' | 'shown';

export interface DossierNote {
  id: number;
  /** The visit date the note is about (ISO). */
  date: IsoDate;
  text: string;
  /** When it was written (ISO timestamp). */
  createdAt: string;
}

export interface DossierHeader {
  id: number;
  code: string;
  name: string;
  type: CustomerType | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** Masked beyond the city unless shown. */
  address: string | null;
  contact: string | null;
  /** 138****5678 unless shown. */
  phone: string | null;
  accountManager: string | null;
  salesRegion: string | null;
  createdDate: IsoDate | null;
}

export interface DossierSegment {
  schemeId: string;
  schemeNameZh: string;
  schemeNameEn: string;
  segmentId: string;
  nameZh: string;
  nameEn: string;
  color: string | null;
}

export interface DossierChurnReason {
  code: ChurnReasonCode;
  strength: number;
  textZh: string;
  textEn: string;
}

export interface DossierMetrics {
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  /** R/F/M scores (1..bins); null for prospects. */
  scores: { r: number; f: number; m: number } | null;
  totalAmount: number;
  amount12m: number;
  amountPrev12m: number;
  /** (12 months − the 12 before) / the 12 before; null when the year before had nothing. */
  change12m: number | null;
  purchaseCount: number;
  lastOrderDate: IsoDate | null;
  firstOrderDate: IsoDate | null;
  overdueAmount: number;
  maxDaysOverdue: number;
  onTimeRate: number | null;
  winRate: number | null;
  won: number;
  lost: number;
  pipelineAmount: number;
  avgSatisfaction: number | null;
  unitsOwned: number;
}

export interface DossierTag {
  id: string;
  nameZh: string;
  nameEn: string;
  polarity: Polarity;
  color: string;
}

/** Tags under one dimension (the tag library's grouping node), in library order. */
export interface DossierTagGroup {
  id: string;
  nameZh: string;
  nameEn: string;
  tags: DossierTag[];
}

export interface MonthAmount {
  /** YYYY-MM */
  month: string;
  amount: number;
}

export interface ProductShare {
  productLine: string;
  amount: number;
  /** 0..1 of the total over all lines (cancelled orders excluded). */
  share: number;
}

export interface DossierEquipment {
  serial: string;
  model: string;
  productLine: string;
  purchaseDate: IsoDate;
  /** Years from purchase to the analysis date, one decimal. */
  ageYears: number;
  workingHours30d: number | null;
  lastOnline: IsoDate | null;
  /** Days since last online at the analysis date; null when never online. */
  daysOffline: number | null;
}

export type PaymentStatus = 'paid' | 'paidLate' | 'overdue' | 'due';

export interface DossierPayment {
  contractId: string | null;
  dueDate: IsoDate;
  amountDue: number;
  amountPaid: number;
  paidDate: IsoDate | null;
  /** Unpaid part once the due date has passed (at the analysis date). */
  overdueAmount: number;
  /** Days past due of the unpaid part, or days late of a late payment. */
  daysOverdue: number;
  status: PaymentStatus;
}

export interface DossierTicket {
  serial: string | null;
  openedDate: IsoDate;
  closedDate: IsoDate | null;
  type: TicketType;
  open: boolean;
  /** 1..5; null when not rated. */
  satisfaction: number | null;
  /** Phones and ID numbers in the text are masked unless shown. */
  description: string | null;
}

/** Satisfaction per quarter on a 0..100 scale: surveys as they are, ticket ratings (1..5) × 20. */
export interface SatisfactionPoint {
  /** YYYY-Qn */
  quarter: string;
  score: number;
  responses: number;
}

export interface DossierOpportunity {
  createdDate: IsoDate;
  stage: string;
  expectedAmount: number | null;
  productLine: string | null;
  channel: string | null;
  accountManager: string | null;
  result: OpportunityResult;
}

export type ActionSource = 'grade' | 'complaint' | 'overdue' | 'churn' | 'opportunity' | 'equipment';

export interface DossierAction {
  source: ActionSource;
  textZh: string;
  textEn: string;
}

export interface Dossier {
  analysisDate: IsoDate;
  personalData: PersonalDataMode;
  header: DossierHeader;
  grade: Grade | null;
  gradeNameZh: string | null;
  gradeNameEn: string | null;
  segments: DossierSegment[];
  lifecycle: LifecycleStage;
  /** 0..100 */
  churnRisk: number;
  churnReasons: DossierChurnReason[];
  metrics: DossierMetrics;
  tagGroups: DossierTagGroup[];
  /** The 24 months up to the analysis date's month, oldest first. */
  monthly: MonthAmount[];
  productMix: ProductShare[];
  equipment: DossierEquipment[];
  /** Newest due date first. */
  payments: DossierPayment[];
  paymentTotals: { due: number; paid: number; overdue: number };
  /** Newest first. */
  tickets: DossierTicket[];
  ticketCounts: { total: number; complaints: number; openComplaints: number; open: number };
  satisfaction: SatisfactionPoint[];
  /** Open opportunities, newest first. */
  opportunities: DossierOpportunity[];
  actions: DossierAction[];
  /** Newest first. */
  notes: DossierNote[];
}
