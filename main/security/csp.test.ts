import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, SECURITY_HEADERS, buildContentSecurityPolicy } from './csp.ts';

function parse(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = parse(CONTENT_SECURITY_POLICY);

  it('allows only our own origin for code, styles, fonts and connections', () => {
    for (const name of ['default-src', 'script-src', 'style-src', 'font-src', 'connect-src']) {
      expect(policy.get(name), name).toEqual(["'self'"]);
    }
  });

  it('locks down plugins, base URLs, forms and framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows data:/blob: only for images and blob: only for workers', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    for (const [name, sources] of policy) {
      if (name === 'img-src' || name === 'worker-src') continue;
      expect(sources, name).not.toContain('data:');
      expect(sources, name).not.toContain('blob:');
    }
  });

  it('never allows inline code, eval, wildcards or any remote scheme', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:|wss?:|file:|filesystem:/);
  });

  it('has one entry per directive and round-trips through the builder', () => {
    expect([...policy.keys()].sort()).toEqual(Object.keys(CSP_DIRECTIVES).sort());
    expect(buildContentSecurityPolicy({ 'a-src': ["'self'", 'data:'], 'b-src': ["'none'"] })).toBe(
      "a-src 'self' data:; b-src 'none'",
    );
  });
});

describe('SECURITY_HEADERS', () => {
  it('carries the CSP and the hardening headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(SECURITY_HEADERS['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(SECURITY_HEADERS['Permissions-Policy']).toMatch(/camera=\(\)/);
  });

  it('uses header-safe values only', () => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(name).toMatch(/^[A-Za-z-]+$/);
      expect(value, name).not.toMatch(/[\r\n]/);
    }
  });
});
