import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { safeNext, useAuth } from '../../../shared/auth';
import { Notice } from '../../../shared/components/Notice';
import { useTitle } from '../../../shared/components/useTitle';
import { useAccountI18n } from '../i18n';

/**
 * The server redirects here after a Kakao login with the refresh cookie set (and ?return_to=<path>).
 * The app's start-up refresh (shared, so it is sent only once) turns the cookie into a session.
 */
export function KakaoDonePage() {
  const { t } = useAccountI18n();
  const { ready } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('return_to'));
  const [failed, setFailed] = useState(false);
  useTitle(t.kakaoDone.title);

  useEffect(() => {
    let live = true;
    ready.then((user) => {
      if (!live) return;
      if (user) navigate(next, { replace: true });
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [ready, navigate, next]);

  return (
    <section className="narrow card">
      <h1 tabIndex={-1}>{t.kakaoDone.title}</h1>
      {failed ? (
        <>
          <Notice tone="error">{t.kakaoDone.failed}</Notice>
          <p>
            <Link to="/login">{t.kakaoDone.backToLogin}</Link>
          </p>
        </>
      ) : (
        <p role="status">{t.kakaoDone.working}</p>
      )}
    </section>
  );
}
