import { Link } from 'react-router-dom';
import { useTitle } from '../shared/components/useTitle';
import { useI18n } from '../shared/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  useTitle(t.common.notFoundTitle);
  return (
    <section className="narrow card">
      <h1 tabIndex={-1}>{t.common.notFoundTitle}</h1>
      <p>{t.common.notFoundBody}</p>
      <p>
        <Link to="/">{t.common.backHome}</Link>
      </p>
    </section>
  );
}
