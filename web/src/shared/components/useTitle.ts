import { useEffect } from 'react';
import { useI18n } from '../i18n/core';

export function useTitle(title: string | null | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t.meta.siteName}` : `${t.meta.siteName} · ${t.meta.tagline}`;
  }, [title, t]);
}
