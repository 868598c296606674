/** Messages of the analytics feature, in both languages (spread into the main dictionaries). */
export const analyticsZhCN = {} as const;

export const analyticsEn: Record<keyof typeof analyticsZhCN, string> = {};
