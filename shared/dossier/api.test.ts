import { describe, expect, it } from 'vitest';
import { validateCall } from '../api/validate.ts';
import { AtlasError } from '../api/errors.ts';

function rejects(method: string, params: unknown, why: RegExp): void {
  try {
    validateCall(method, params);
  } catch (error) {
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as AtlasError).code).toBe('INVALID_INPUT');
    expect((error as AtlasError).message).toMatch(why);
    return;
  }
  throw new Error(`${method} accepted ${JSON.stringify(params)}`);
}

describe('dossier API validators', () => {
  it('accepts a dossier request, masked unless asked', () => {
    expect(validateCall('dossier.get', { customerId: 12 }).params).toEqual({ customerId: 12 });
    expect(validateCall('dossier.get', { customerId: 12, personalData: 'shown' }).params).toEqual({ customerId: 12, personalData: 'shown' });
    rejects('dossier.get', { customerId: '12' }, /customerId/);
    rejects('dossier.get', { customerId: 12, personalData: 'all' }, /personalData/);
    rejects('dossier.get', { customerId: 12, extra: 1 }, /unexpected field "extra"/);
  });

  it('checks notes: a real date, non-empty text, a size limit', () => {
    expect(validateCall('dossier.notes.add', { customerId: 1, date: '2026-02-28', text: ' 带样册 ' }).params).toEqual({ customerId: 1, date: '2026-02-28', text: '带样册' });
    rejects('dossier.notes.add', { customerId: 1, date: '2026-02-30', text: 'x' }, /date/);
    rejects('dossier.notes.add', { customerId: 1, date: '2026-02-01', text: '   ' }, /text/);
    rejects('dossier.notes.add', { customerId: 1, date: '2026-02-01', text: 'x'.repeat(4001) }, /longer than 4000/);
  });

  it('builds a visit list from either ids or a filter, never both', () => {
    expect(validateCall('dossier.lists.save', { name: ' 苏州 A 类 ', customerIds: [3, 1, 3], order: 'city' }).params).toEqual({ name: '苏州 A 类', customerIds: [3, 1], order: 'city' });
    expect(validateCall('dossier.lists.save', { name: 'x', filter: 'grade=A', order: 'priority' }).params).toEqual({ name: 'x', filter: 'grade=A', order: 'priority' });
    rejects('dossier.lists.save', { name: 'x', customerIds: [1], filter: '', order: 'priority' }, /either/);
    rejects('dossier.lists.save', { name: 'x', order: 'priority' }, /either/);
    rejects('dossier.lists.save', { name: 'x', customerIds: [], order: 'priority' }, /at least one/);
    rejects('dossier.lists.save', { name: 'x', customerIds: [1.5], order: 'priority' }, /invalid customer id/);
    rejects('dossier.lists.save', { name: 'a\u0007b', customerIds: [1], order: 'priority' }, /control characters/);
    rejects('dossier.lists.save', { name: 'x', customerIds: [1], order: 'random' }, /order/);
  });

  it('prints one customer or one list, to a path', () => {
    expect(validateCall('dossier.print', { customerId: 5, language: 'en', path: '/tmp/a.pdf', jobId: 'j1' }).params).toEqual({ customerId: 5, language: 'en', path: '/tmp/a.pdf', jobId: 'j1' });
    rejects('dossier.print', { customerId: 5, listName: 'x', language: 'en', path: '/tmp/a.pdf' }, /either/);
    rejects('dossier.print', { listName: 'x', language: 'fr', path: '/tmp/a.pdf' }, /language/);
    rejects('dossier.print', { listName: 'x', language: 'en' }, /path/);
  });
});
