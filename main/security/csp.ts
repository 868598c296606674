/**
 * The one Content Security Policy of the renderer, shared by the Electron protocol handler
 * and the browser-mode server. The renderer is a Vite build of plain files (no inline
 * scripts or styles: assetsInlineLimit 0, no module-preload polyfill), so everything can be
 * 'self'. Nothing remote may load: no http(s) source appears anywhere in the policy.
 *
 * Styles: React's `style` prop and ECharts write `element.style`/`cssText` through the CSSOM,
 * which CSP does not restrict, so `style-src 'self'` is enough. Only literal `style="…"`
 * attributes in markup or `setAttribute('style', …)` would be blocked.
 */
export type CspDirective =
  | 'default-src'
  | 'script-src'
  | 'style-src'
  | 'img-src'
  | 'font-src'
  | 'connect-src'
  | 'media-src'
  | 'worker-src'
  | 'object-src'
  | 'base-uri'
  | 'form-action'
  | 'frame-ancestors';

export const CSP_DIRECTIVES: Readonly<Record<CspDirective, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // Charts export to data: / blob: images (ECharts getDataURL, saved PNGs).
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function buildContentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY: string = buildContentSecurityPolicy(CSP_DIRECTIVES);

/** Headers sent with every renderer file, in Electron (atlas://) and in browser mode. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), ' +
    'midi=(), display-capture=(), idle-detection=(), screen-wake-lock=(), publickey-credentials-get=()',
};
