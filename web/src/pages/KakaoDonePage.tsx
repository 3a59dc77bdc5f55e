import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { Notice } from '../components/Notice';
import { useTitle } from '../components/useTitle';
import { useI18n } from '../i18n';

/**
 * The server redirects here after a Kakao login with the refresh cookie set.
 * The app's start-up refresh (shared, so it is sent only once) turns the cookie into a session.
 */
export function KakaoDonePage() {
  const { t } = useI18n();
  const { ready } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useTitle(t.kakaoDone.title);

  useEffect(() => {
    let live = true;
    ready.then((user) => {
      if (!live) return;
      if (user) navigate('/me', { replace: true });
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [ready, navigate]);

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
