import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/core';

/** Shown while a page's code or the session restore is on its way; appears only if that takes a moment. */
export function PageLoading({ delayMs = 200 }: { delayMs?: number }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(delayMs <= 0);
  useEffect(() => {
    if (delayMs <= 0) return;
    const timer = window.setTimeout(() => setShown(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [delayMs]);
  return (
    <p role="status" className="muted page-loading">
      {shown ? t.common.loading : null}
    </p>
  );
}
