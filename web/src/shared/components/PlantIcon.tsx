// Inline SVG placeholders, one per plant category (no external images).
import type { ReactElement } from 'react';

const POT = (
  <g>
    <path d="M30 66h40l-5 26H35z" fill="#b5651d" />
    <rect x="27" y="61" width="46" height="8" rx="2" fill="#c97a32" />
  </g>
);

function Leaf() {
  return (
    <g>
      <path d="M50 62C50 48 49 40 47 32" stroke="#2f6b3a" strokeWidth="3" fill="none" />
      <path d="M47 34c-18-2-26-16-22-28 14 0 25 10 22 28z" fill="#3f8f4f" />
      <path d="M49 44c8-14 24-16 32-10-4 12-18 16-32 10z" fill="#5aa867" />
      <path d="M49 54c-10-6-22-4-26 4 8 6 20 6 26-4z" fill="#2f7a40" />
    </g>
  );
}

function Flower() {
  return (
    <g>
      <path d="M50 62V34" stroke="#2f6b3a" strokeWidth="3" />
      <path d="M50 52c-8-6-16-4-18 2 6 4 14 4 18-2z" fill="#4c9a5a" />
      {[0, 72, 144, 216, 288].map((a) => (
        <circle
          key={a}
          cx={50 + 10 * Math.cos((a * Math.PI) / 180)}
          cy={26 + 10 * Math.sin((a * Math.PI) / 180)}
          r="8"
          fill="#e58fb0"
        />
      ))}
      <circle cx="50" cy="26" r="6" fill="#f4c542" />
    </g>
  );
}

function Fruit() {
  return (
    <g>
      <path d="M50 62V40" stroke="#2f6b3a" strokeWidth="3" />
      <ellipse cx="50" cy="34" rx="22" ry="16" fill="#3f8f4f" />
      <circle cx="40" cy="36" r="5" fill="#d9472b" />
      <circle cx="56" cy="30" r="5" fill="#d9472b" />
      <circle cx="60" cy="42" r="5" fill="#e0752b" />
    </g>
  );
}

function Succulent() {
  return (
    <g>
      <rect x="42" y="18" width="16" height="46" rx="8" fill="#4f9a5e" />
      <path d="M42 44h-8a6 6 0 0 1-6-6v-8a4 4 0 0 1 8 0v6h6z" fill="#5aa867" />
      <path d="M58 38h8a6 6 0 0 0 6-6v-6a4 4 0 0 0-8 0v4h-6z" fill="#5aa867" />
      <circle cx="50" cy="18" r="3" fill="#e58fb0" />
    </g>
  );
}

const ART: Record<string, () => ReactElement> = { leaf: Leaf, flower: Flower, fruit: Fruit, succulent: Succulent };

const BG: Record<string, string> = {
  leaf: '#e6f2e3',
  flower: '#fbeaf0',
  fruit: '#fdf0e2',
  succulent: '#eef3e0',
};

export function PlantIcon({ category, size = 96 }: { category?: string | null; size?: number }) {
  const key = category && ART[category] ? category : 'leaf';
  const Art = ART[key];
  return (
    <svg
      className="plant-icon"
      width={size}
      height={size}
      viewBox="0 0 100 100"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="100" height="100" rx="14" fill={BG[key]} />
      <Art />
      {POT}
    </svg>
  );
}

export function LogoMark() {
  return (
    <svg className="logo-mark" width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="16" fill="#2f6b3a" />
      <path d="M16 25V14" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      <path d="M16 16c-6 0-8-5-7-9 5 0 8 3 7 9z" fill="#cde8c9" />
      <path d="M16 19c5 0 8-4 7-8-5 0-8 3-7 8z" fill="#fff" />
    </svg>
  );
}
