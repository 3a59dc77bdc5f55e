/** A bell (notifications). Decorative: whatever holds it says what it means. */
export function BellIcon({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      <path
        d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.6 1.8a.4.4 0 0 1-.3.7H4.7a.4.4 0 0 1-.3-.7z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M10 21h4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
