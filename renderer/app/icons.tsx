/**
 * A small stroke icon set drawn for Atlas (24×24, currentColor), so the app ships no icon
 * font and loads nothing remote.
 */
import type { ReactNode } from 'react';

const PATHS = {
  overview: (
    <>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="3.5" width="7" height="4.5" rx="1.5" />
      <rect x="13.5" y="11" width="7" height="9.5" rx="1.5" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
    </>
  ),
  import: (
    <>
      <path d="M12 3.5v11" />
      <path d="m7.5 10 4.5 4.5 4.5-4.5" />
      <path d="M4 15.5v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
    </>
  ),
  segments: (
    <>
      <path d="M12 3.5a8.5 8.5 0 1 0 8.5 8.5H12z" />
      <path d="M15 3.9A8.5 8.5 0 0 1 20.1 9H15z" />
    </>
  ),
  regions: (
    <>
      <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z" />
      <circle cx="12" cy="10" r="2.4" />
    </>
  ),
  customers: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c.6-3.6 3.3-5.5 6.5-5.5s5.9 1.9 6.5 5.5" />
      <path d="M16 4.7a3.5 3.5 0 0 1 0 6.6" />
      <path d="M18 14.8c1.9.7 3.1 2.5 3.5 5.2" />
    </>
  ),
  tags: (
    <>
      <path d="M3.5 12.6V4.5a1 1 0 0 1 1-1h8.1l8 8a1.5 1.5 0 0 1 0 2.1l-6.9 6.9a1.5 1.5 0 0 1-2.1 0z" />
      <circle cx="8.5" cy="8.5" r="1.5" />
    </>
  ),
  reports: (
    <>
      <path d="M14 3.5H6.5a1.5 1.5 0 0 0-1.5 1.5v14a1.5 1.5 0 0 0 1.5 1.5h11a1.5 1.5 0 0 0 1.5-1.5V8.5z" />
      <path d="M14 3.5v5h5" />
      <path d="M9 13h6M9 16.5h6" />
    </>
  ),
  visits: (
    <>
      <path d="M9 4.5h6a1 1 0 0 1 1 1v1H8v-1a1 1 0 0 1 1-1z" />
      <path d="M8 5.5H6.5A1.5 1.5 0 0 0 5 7v12.5A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V7a1.5 1.5 0 0 0-1.5-1.5H16" />
      <path d="m8.5 12 1.5 1.5 3-3M8.5 17h7" />
    </>
  ),
  dossier: (
    <>
      <rect x="4.5" y="3.5" width="15" height="17" rx="1.5" />
      <circle cx="10" cy="9.5" r="2.2" />
      <path d="M7 14.5c.5-1.6 1.6-2.4 3-2.4s2.5.8 3 2.4M14.5 8.5h2.5M14.5 11h2.5M7.5 17.5h9" />
    </>
  ),
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 0 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 0 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 0 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 0 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
    </>
  ),
  workspace: (
    <>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
      <path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13" />
      <path d="M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5" />
    </>
  ),
  chevronDown: <path d="m6 9 6 6 6-6" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
  alert: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5" />
      <path d="M12 16.5h.01" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.5" />
      <path d="M12 7.5h.01" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  folderOpen: (
    <>
      <path d="M3.5 18.5V6a1.5 1.5 0 0 1 1.5-1.5h4l2 2.5h7a1.5 1.5 0 0 1 1.5 1.5V10" />
      <path d="M3.5 18.5 6 11.5a1.5 1.5 0 0 1 1.4-1h13a1 1 0 0 1 1 1.3l-2.2 6.7a1.5 1.5 0 0 1-1.4 1H5a1.5 1.5 0 0 1-1.5-1z" />
    </>
  ),
  sparkles: (
    <>
      <path d="M10 3.5 11.6 8a2 2 0 0 0 1.3 1.3l4.6 1.7-4.6 1.6a2 2 0 0 0-1.3 1.3L10 18.5l-1.6-4.6A2 2 0 0 0 7.1 12.6L2.5 11l4.6-1.7A2 2 0 0 0 8.4 8z" />
      <path d="M18.5 3v4M16.5 5h4M18 16v3.5M16.2 17.8h3.6" />
    </>
  ),
  save: (
    <>
      <path d="M5 3.5h11l3.5 3.5v11.5a2 2 0 0 1-2 2h-12.5a2 2 0 0 1-2-2v-13a2 2 0 0 1 2-2z" />
      <path d="M7.5 3.5v5h8v-5" />
      <rect x="7.5" y="13" width="9" height="7.5" rx="1" />
    </>
  ),
  saveAs: (
    <>
      <path d="M14 3.5H6.5A1.5 1.5 0 0 0 5 5v14a1.5 1.5 0 0 0 1.5 1.5H11" />
      <path d="M14 3.5 19 8.5V11" />
      <path d="M14 3.5v5h5" />
      <path d="m17.5 13.5 3 3-5 5H12.5v-3z" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  orders: (
    <>
      <path d="M6 3.5h12a1 1 0 0 1 1 1v16l-3-2-2.3 2-2.2-2-2.2 2L8 18.5l-3 2v-16a1 1 0 0 1 1-1z" />
      <path d="M9 8.5h6M9 12h6" />
    </>
  ),
  payments: (
    <>
      <rect x="3" y="6" width="18" height="12.5" rx="2" />
      <path d="m9.5 8.8 2.5 3.2 2.5-3.2M12 12v4.2M9.8 12.8h4.4M9.8 14.9h4.4" />
    </>
  ),
  opportunities: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="5" />
      <circle cx="12" cy="12" r="1.5" />
    </>
  ),
  tickets: (
    <path d="M14.7 6.3a4 4 0 0 0-5.4 5.2l-5.6 5.6a1.8 1.8 0 0 0 2.6 2.6l5.6-5.6a4 4 0 0 0 5.2-5.4l-2.6 2.6-2.4-.4-.4-2.4z" />
  ),
  surveys: <path d="m12 3.8 2.5 5.1 5.6.8-4 3.9 1 5.6-5.1-2.7-5.1 2.7 1-5.6-4-3.9 5.6-.8z" />,
  equipment: (
    <>
      <path d="M2.5 17V11.5l3-4.5h6l1.5 4.5h6a2.5 2.5 0 0 1 2.5 2.5v3" />
      <path d="M11.5 7 17 3.5l3.5 4" />
      <circle cx="6" cy="17.5" r="2" />
      <circle cx="17" cy="17.5" r="2" />
      <path d="M8 17.5h7" />
    </>
  ),
  revenue: (
    <>
      <path d="M4 19.5h16" />
      <path d="M6.5 16v-4M11 16V8M15.5 16v-6M20 16V5" />
    </>
  ),
  calendar: (
    <>
      <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
      <path d="M3.5 9.5h17M8 3v4M16 3v4" />
    </>
  ),
  language: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.3 2.4 3.4 5.2 3.4 8.5s-1.1 6.1-3.4 8.5c-2.3-2.4-3.4-5.2-3.4-8.5s1.1-6.1 3.4-8.5z" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18, className }: { name: IconName; size?: number; className?: string }): ReactNode {
  return (
    <svg
      className={className === undefined ? 'icon' : `icon ${className}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
