import { Link } from 'react-router-dom';
import { useAuth } from '../../../shared/auth';
import { PlantIcon } from '../../../shared/components/PlantIcon';
import { useTitle } from '../../../shared/components/useTitle';
import { fmt } from '../../../shared/i18n';
import { useHomeI18n } from '../i18n';

export function HomePage() {
  const { t } = useHomeI18n();
  const { status, user } = useAuth();
  useTitle(null);
  return (
    <>
      <section className="hero">
        <div className="hero-text">
          <h1 tabIndex={-1}>{t.home.title}</h1>
          <p className="lead">{t.home.lead}</p>
          {status === 'authenticated' && user ? (
            <p className="welcome">{fmt(t.home.welcomeBack, { nickname: user.nickname })}</p>
          ) : null}
          <div className="actions">
            <Link className="btn btn-primary" to="/plants">
              {t.home.ctaPlants}
            </Link>
            {status === 'authenticated' ? (
              <Link className="btn btn-secondary" to="/me">
                {t.home.ctaMe}
              </Link>
            ) : (
              <Link className="btn btn-secondary" to="/signup">
                {t.home.ctaSignup}
              </Link>
            )}
          </div>
        </div>
        <div className="hero-art" aria-hidden="true">
          <PlantIcon category="leaf" size={88} />
          <PlantIcon category="flower" size={88} />
          <PlantIcon category="fruit" size={88} />
          <PlantIcon category="succulent" size={88} />
        </div>
      </section>
      <section className="card" aria-labelledby="features-title">
        <h2 id="features-title">{t.home.featuresTitle}</h2>
        <ul className="feature-list">
          <li>
            <Link to="/plants">{t.home.featureEncyclopedia}</Link>
          </li>
          <li>{t.home.featureMarket}</li>
          <li>{t.home.featureSns}</li>
        </ul>
      </section>
    </>
  );
}
