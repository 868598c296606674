import type { zhCN } from './zh-CN.ts';

export type MessageKey = keyof typeof zhCN;
export type Dictionary = Readonly<Record<MessageKey, string>>;
