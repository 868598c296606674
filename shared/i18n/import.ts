/** Messages of the import feature, in both languages (spread into the main dictionaries). */
export const importZhCN = {} as const;

export const importEn: Record<keyof typeof importZhCN, string> = {};
