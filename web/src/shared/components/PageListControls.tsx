import type { Ref } from 'react';
import { useI18n } from '../i18n/core';
import { Notice } from './Notice';

/** A list that failed to load, with a button that asks again. */
export function ListError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Notice tone="error">
      {message}{' '}
      <button type="button" className="btn btn-ghost btn-small" onClick={onRetry}>
        {t.common.retry}
      </button>
    </Notice>
  );
}

export interface LoadMoreProps {
  /** The button's name and test id. */
  name: string;
  label: string;
  busyLabel: string;
  busy: boolean;
  onMore: () => void;
  /** For lists that also load the next page when this comes into view. */
  sentinel?: Ref<HTMLDivElement>;
}

/** The "더 보기" button under a keyset-paged list. */
export function LoadMore({ name, label, busyLabel, busy, onMore, sentinel }: LoadMoreProps) {
  return (
    <div className="more" ref={sentinel}>
      <button type="button" className="btn btn-secondary" name={name} data-testid={name} onClick={onMore} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
