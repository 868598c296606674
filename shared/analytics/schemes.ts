/** The two segment schemes that ship; users edit copies or define their own. */
import type { SegmentScheme } from './types.ts';

/**
 * The 8-class scheme common in Chinese BI: R, F, M each high (H) or low (L) against the mean of
 * the scored customers, where R high = MORE RECENT than the mean (fewer days) — see rfm.ts.
 */
export const EIGHT_CLASS_SCHEME: SegmentScheme = {
  id: 'rfm8',
  nameZh: 'RFM 八类客户',
  nameEn: 'RFM 8 classes',
  kind: 'flags',
  segments: [
    { id: 'important-value', nameZh: '重要价值客户', nameEn: 'Important value', color: '#1a7f37', flags: { r: 'H', f: 'H', m: 'H' } },
    { id: 'important-development', nameZh: '重要发展客户', nameEn: 'Important development', color: '#2f81f7', flags: { r: 'H', f: 'L', m: 'H' } },
    { id: 'important-retention', nameZh: '重要保持客户', nameEn: 'Important retention', color: '#bf8700', flags: { r: 'L', f: 'H', m: 'H' } },
    { id: 'important-recovery', nameZh: '重要挽留客户', nameEn: 'Important recovery', color: '#cf222e', flags: { r: 'L', f: 'L', m: 'H' } },
    { id: 'general-value', nameZh: '一般价值客户', nameEn: 'General value', color: '#4ac26b', flags: { r: 'H', f: 'H', m: 'L' } },
    { id: 'general-development', nameZh: '一般发展客户', nameEn: 'General development', color: '#80ccff', flags: { r: 'H', f: 'L', m: 'L' } },
    { id: 'general-retention', nameZh: '一般保持客户', nameEn: 'General retention', color: '#d4a72c', flags: { r: 'L', f: 'H', m: 'L' } },
    { id: 'general-recovery', nameZh: '一般挽留客户', nameEn: 'General recovery', color: '#8c959f', flags: { r: 'L', f: 'L', m: 'L' } },
  ],
  catchAll: { id: 'other', nameZh: '其他', nameEn: 'Other', color: '#d0d7de' },
};

/**
 * The 11-class scheme on R score × FM score (FM = round-half-up average of F and M scores), on a
 * 1–5 scale. The boxes partition the 5 × 5 grid exactly (no gap, no overlap):
 *
 *   R\FM   1              2              3               4–5
 *   5      New            Potential      Potential       Champions
 *   4      Promising      Potential      Potential       Loyal
 *   3      About to sleep About to sleep Need attention  Loyal
 *   2      Hibernating    Hibernating    At risk         At risk
 *   1      Lost           Lost           Can't lose them Can't lose them
 */
export const ELEVEN_CLASS_SCHEME: SegmentScheme = {
  id: 'rfm11',
  nameZh: 'RFM 十一类客户',
  nameEn: 'RFM 11 classes',
  kind: 'scores',
  scale: 5,
  segments: [
    { id: 'champions', nameZh: '冠军客户', nameEn: 'Champions', color: '#1a7f37', scores: { r: [5, 5], fm: [4, 5] } },
    { id: 'loyal', nameZh: '忠诚客户', nameEn: 'Loyal customers', color: '#2da44e', scores: { r: [3, 4], fm: [4, 5] } },
    { id: 'potential-loyalists', nameZh: '潜力客户', nameEn: 'Potential loyalists', color: '#4ac26b', scores: { r: [4, 5], fm: [2, 3] } },
    { id: 'new-customers', nameZh: '新客户', nameEn: 'New customers', color: '#2f81f7', scores: { r: [5, 5], fm: [1, 1] } },
    { id: 'promising', nameZh: '有望客户', nameEn: 'Promising', color: '#80ccff', scores: { r: [4, 4], fm: [1, 1] } },
    { id: 'need-attention', nameZh: '需要关注', nameEn: 'Need attention', color: '#d4a72c', scores: { r: [3, 3], fm: [3, 3] } },
    { id: 'about-to-sleep', nameZh: '即将沉睡', nameEn: 'About to sleep', color: '#bf8700', scores: { r: [3, 3], fm: [1, 2] } },
    { id: 'at-risk', nameZh: '流失风险', nameEn: 'At risk', color: '#cf222e', scores: { r: [2, 2], fm: [3, 5] } },
    { id: 'cant-lose', nameZh: '不能失去', nameEn: "Can't lose them", color: '#a40e26', scores: { r: [1, 1], fm: [3, 5] } },
    { id: 'hibernating', nameZh: '休眠客户', nameEn: 'Hibernating', color: '#8c959f', scores: { r: [2, 2], fm: [1, 2] } },
    { id: 'lost', nameZh: '已流失', nameEn: 'Lost', color: '#57606a', scores: { r: [1, 1], fm: [1, 2] } },
  ],
  catchAll: { id: 'other', nameZh: '其他', nameEn: 'Other', color: '#d0d7de' },
};

export const DEFAULT_SCHEMES: readonly SegmentScheme[] = [EIGHT_CLASS_SCHEME, ELEVEN_CLASS_SCHEME];
