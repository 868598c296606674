/**
 * A segment scheme of a user's own, shared by the unit and end-to-end tests of user schemes:
 * what a sales manager might define — key accounts (M 4–5) split by recency, then smaller
 * recent buyers, everyone else caught last.
 */
import type { SegmentScheme } from './types.ts';

export const KEY_ACCOUNTS: SegmentScheme = {
  id: 'key-accounts',
  nameZh: '大客户关注',
  nameEn: 'Key account watch',
  kind: 'scores',
  scale: 5,
  segments: [
    { id: 'key-active', nameZh: '大客户·活跃', nameEn: 'Key accounts, active', color: '#1a7f37', scores: { r: [4, 5], m: [4, 5] } },
    { id: 'key-slipping', nameZh: '大客户·下滑', nameEn: 'Key accounts, slipping', color: '#cf222e', scores: { r: [1, 3], m: [4, 5] } },
    { id: 'small-recent', nameZh: '小客户·近期', nameEn: 'Smaller buyers, recent', color: '#2f81f7', scores: { r: [4, 5] } },
  ],
  catchAll: { id: 'rest', nameZh: '其余客户', nameEn: 'Everyone else', color: '#8c959f' },
};
