import type { ReactNode } from 'react';

/** Error or success message box. Errors use role="alert", others role="status". */
export function Notice({ tone, children, id }: { tone: 'error' | 'success' | 'info'; children: ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <div id={id} className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
