import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { useAuth } from '../shared/auth';
import { LogoMark } from '../shared/components/PlantIcon';
import { commonKo, useI18n } from '../shared/i18n';
import { ChatNavItem } from './ChatNavItem';
import { NotificationBell } from './NotificationBell';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, toggle } = useI18n();
  const { status, user } = useAuth();
  const { pathname } = useLocation();
  const loggedIn = status === 'authenticated' && !!user;
  const first = useRef(true);

  // On navigation: scroll to the top and move focus to the page heading for screen reader users.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const h1 = document.querySelector<HTMLElement>('main h1');
    h1?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.meta.skipToContent}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <LogoMark />
            <span className="brand-name">{t.meta.siteName}</span>
            <span className="brand-latin" lang={lang === 'ko' ? 'en' : 'ko'}>
              {t.meta.siteNameLatin}
            </span>
          </Link>
          <nav aria-label={t.nav.label} className="main-nav">
            <ul>
              <li>
                <NavLink to="/plants">{t.nav.plants}</NavLink>
              </li>
              <li>
                <NavLink to="/market" data-testid="nav-market">
                  {t.nav.market}
                </NavLink>
              </li>
              <ChatNavItem />
              {loggedIn ? (
                <li>
                  <NavLink to="/me">{t.nav.me}</NavLink>
                </li>
              ) : (
                <>
                  <li>
                    <NavLink to="/login">{t.nav.login}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/signup">{t.nav.signup}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          {/* On a phone these share the brand's row and the menu gets a row of its own. */}
          <div className="header-tools">
            {loggedIn ? <NotificationBell /> : null}
            <button
              type="button"
              className="lang-toggle"
              data-testid="lang-toggle"
              name="lang-toggle"
              onClick={toggle}
              title={t.nav.langToggleLabel}
              lang={lang === 'ko' ? 'en' : 'ko'}
            >
              {t.nav.langToggle}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p className="attribution" data-testid="footer-attribution">
            {lang === 'ko' ? (
              t.footer.attribution
            ) : (
              <>
                {t.footer.attribution} · <span lang="ko">{commonKo.footer.attribution}</span>
              </>
            )}
          </p>
          <p className="muted small">{t.footer.attributionNote}</p>
          <nav aria-label={t.footer.linksLabel}>
            <ul className="footer-links">
              <li>
                <a href="/api/docs">{t.footer.apiDocs}</a>
              </li>
              <li>
                <Link to="/dev/mailbox">{t.footer.devMailbox}</Link>
              </li>
            </ul>
          </nav>
          <p className="muted small">
            © {t.meta.siteName} · {t.meta.siteNameLatin}
          </p>
        </div>
      </footer>
    </div>
  );
}
