// One small inline icon per notification type (no icon font, no external files). Decorative: the type's name
// is written next to it.
import type { ReactNode } from 'react';

const line = { fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinejoin: 'round', strokeLinecap: 'round' } as const;

const PATHS: Record<string, ReactNode> = {
  comment: (
    <>
      <path {...line} d="M4 5h16v11H9l-5 4z" />
      <path {...line} d="M8 9h8M8 12.5h5" />
    </>
  ),
  reply: <path {...line} d="M10 7 5 11.5l5 4.5M5 11.5h9a5 5 0 0 1 5 5V18" />,
  like: (
    <path {...line} d="M7 10.5V20H4v-9.5zM7 10.5 11 4c1.6 0 2.6 1.1 2.3 2.7l-.6 3.3H19a2 2 0 0 1 2 2.3l-1.1 5.9A2.2 2.2 0 0 1 17.7 20H7" />
  ),
  wish: (
    <path
      d="M12 20.5s-7.5-4.6-9.3-9.2C1.4 8 3.4 4.5 7 4.5c2 0 3.3 1.1 5 3 1.7-1.9 3-3 5-3 3.6 0 5.6 3.5 4.3 6.8-1.8 4.6-9.3 9.2-9.3 9.2z"
      fill="currentColor"
    />
  ),
  keyword: (
    <>
      <path {...line} d="M3.5 12.5V4h8.5l8.5 8.5-8 8z" />
      <circle cx="8" cy="8.5" r="1.6" fill="currentColor" />
    </>
  ),
  chat: (
    <>
      <path {...line} d="M4 5h16v11H9l-5 4z" />
      <circle cx="8.5" cy="10.5" r="1.2" fill="currentColor" />
      <circle cx="12" cy="10.5" r="1.2" fill="currentColor" />
      <circle cx="15.5" cy="10.5" r="1.2" fill="currentColor" />
    </>
  ),
  payment: (
    <>
      <rect {...line} x="3" y="6" width="18" height="13" rx="2" />
      <path {...line} d="M3 10.5h18M7 15h4" />
    </>
  ),
  coupon: (
    <>
      <path {...line} d="M3 7h18v3.2a2 2 0 0 0 0 3.6V17H3v-3.2a2 2 0 0 0 0-3.6z" />
      <path {...line} d="M14 7.5v9" strokeDasharray="1.5 2" />
    </>
  ),
};

export function TypeIcon({ type, size = 20 }: { type: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      {PATHS[type] ?? <circle {...line} cx="12" cy="12" r="7" />}
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      <path {...line} d="M6 6l12 12M18 6 6 18" />
    </svg>
  );
}
