export * from './types.ts';
export { buildDossier, monthlyAmounts, productMix, paymentRow, satisfactionTrend, groupTags, DOSSIER_MONTHS } from './build-dossier.ts';
export type { DossierInput, DossierScoring, DossierSchemeInfo } from './build-dossier.ts';
export { maskFreeText } from './mask-text.ts';
export * from './visit-list.ts';
export * from './api.ts';
