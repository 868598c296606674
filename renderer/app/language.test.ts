import { describe, expect, it } from 'vitest';
import { resolveLanguage } from './language.ts';

describe('resolveLanguage', () => {
  it('prefers the user setting', () => {
    expect(resolveLanguage({ language: 'en' }, 'zh-CN', 'zh-CN')).toBe('en');
    expect(resolveLanguage({ language: 'zh-CN' }, 'en-US', 'en-US')).toBe('zh-CN');
  });

  it('follows the system locale when the setting is null', () => {
    expect(resolveLanguage({ language: null }, 'zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveLanguage({ language: null }, 'zh-TW', 'en-US')).toBe('zh-CN');
    expect(resolveLanguage({ language: null }, 'de-DE', 'zh-CN')).toBe('en');
  });

  it('uses the browser locale before the host has answered', () => {
    expect(resolveLanguage(null, null, 'zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLanguage(null, null, 'en-GB')).toBe('en');
  });
});
