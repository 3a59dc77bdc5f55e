import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/core';

function PageLoadFailed() {
  const { t } = useI18n();
  return (
    <section className="narrow card">
      <h1 tabIndex={-1}>{t.common.errorTitle}</h1>
      <p role="alert">{t.common.pageLoadFailed}</p>
      <p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t.common.reload}
        </button>
      </p>
    </section>
  );
}

interface Props {
  /** The current path: navigating elsewhere clears the error. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Catches a page that fails to render or whose chunk fails to load (e.g. after a deploy replaced it) and
 * offers a reload instead of a blank page.
 */
export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page failed', error, info.componentStack);
  }

  componentDidUpdate(prev: Props): void {
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}
