import { describe, expect, it } from 'vitest';
import { phaseLabel } from './job-label.ts';

describe('phaseLabel', () => {
  it('uses the message of a known phase', () => {
    expect(phaseLabel('en', 'workspace.open')).toBe('Reading the workspace file');
  });

  it('names the record kind of an insert or generate phase', () => {
    expect(phaseLabel('zh-CN', 'insert.orders')).toBe('正在处理订单');
    expect(phaseLabel('en', 'demo.tickets')).toBe('Processing service tickets');
  });

  it('falls back to a generic label', () => {
    expect(phaseLabel('en', 'something.new')).toBe('Working…');
    expect(phaseLabel('zh-CN', null)).toBe('正在处理…');
  });
});
