import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import { Notice } from '../../../shared/components/Notice';
import { PlantIcon } from '../../../shared/components/PlantIcon';
import { useTitle } from '../../../shared/components/useTitle';
import { commonKo, label } from '../../../shared/i18n';
import { usePlant } from '../api/queries';
import { SpeciesMarket } from '../components/SpeciesMarket';
import { usePlantsI18n } from '../i18n';
import { formatDegrees, formatRange, formatSize, lightText, listText } from '../model/format';

const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function PlantDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = usePlantsI18n();
  const { data: plant, error, isPending: loading } = usePlant(id);
  useTitle(plant ? plant.name_ko : t.plants.title);

  const back = (
    <p className="back">
      <Link to="/plants">← {t.plant.back}</Link>
    </p>
  );

  if (loading) {
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{t.plants.title}</h1>
        <p role="status">{t.common.loading}</p>
      </>
    );
  }
  if (error || !plant) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <>
        {back}
        <h1 tabIndex={-1}>{notFound ? t.plant.notFound : t.common.errorTitle}</h1>
        <Notice tone="error">{errorText(error, t)}</Notice>
      </>
    );
  }

  const unknown = <span className="muted">{t.common.unknown}</span>;
  const or = (v: string | null | undefined): ReactNode => (v ? v : unknown);
  const careTip = lang === 'en' && plant.care_tip_en ? plant.care_tip_en : plant.care_tip;
  const careTipLang = lang === 'en' && plant.care_tip_en ? 'en' : 'ko';
  const watering = plant.watering;

  return (
    <article className="plant-detail" aria-labelledby="plant-detail-name">
      {back}
      <header className="plant-head card">
        <PlantIcon category={plant.categories?.[0]} size={120} />
        <div>
          <h1 id="plant-detail-name" data-testid="plant-detail-name" tabIndex={-1} lang="ko">
            {plant.name_ko}
          </h1>
          {plant.name_en ? (
            <p className="plant-en" lang="en">
              {plant.name_en}
            </p>
          ) : null}
          {plant.scientific_name ? (
            <p className="plant-sci">
              <i lang="la">{plant.scientific_name}</i>
              {plant.family_ko ? (
                <span className="muted" lang="ko">
                  {' '}
                  · {plant.family_ko}
                </span>
              ) : null}
            </p>
          ) : null}
          <p className="tags">
            {(plant.categories ?? []).map((c) => (
              <span key={c} className="tag">
                {label(t.codes.category, c)}
              </span>
            ))}
            {plant.pet_safe === true ? <span className="tag tag-ok">{t.plants.petSafeYes}</span> : null}
            {plant.pet_safe === false ? <span className="tag tag-warn">{t.plants.petSafeNo}</span> : null}
          </p>
        </div>
      </header>

      <div className="detail-grid">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title">{t.plant.factsTitle}</h2>
          <dl className="facts">
            <Fact term={t.plant.scientificName}>{plant.scientific_name ? <i lang="la">{plant.scientific_name}</i> : unknown}</Fact>
            <Fact term={t.plant.englishName}>{or(plant.name_en)}</Fact>
            <Fact term={t.plant.family}>{plant.family_ko ? <span lang="ko">{plant.family_ko}</span> : unknown}</Fact>
            <Fact term={t.plant.categories}>{or(listText(t.codes.category, plant.categories))}</Fact>
            <Fact term={t.plant.difficulty} testId="plant-difficulty">
              {or(plant.difficulty ? label(t.codes.difficulty, plant.difficulty) : null)}
            </Fact>
            <Fact term={t.plant.growthSpeed}>{or(plant.growth_speed ? label(t.codes.growth, plant.growth_speed) : null)}</Fact>
            <Fact term={t.plant.height}>{or(formatSize(plant.height_cm, t))}</Fact>
            <Fact term={t.plant.spread}>{or(formatSize(plant.spread_cm, t))}</Fact>
          </dl>
        </section>

        <section className="card" aria-labelledby="env-title">
          <h2 id="env-title">{t.plant.environmentTitle}</h2>
          <dl className="facts">
            <Fact term={t.plant.light} testId="plant-light">
              {plant.light && plant.light.length ? (
                <ul className="plain">
                  {plant.light.map((l) => (
                    <li key={l}>{lightText(l, t)}</li>
                  ))}
                </ul>
              ) : (
                unknown
              )}
            </Fact>
            <Fact term={t.plant.temperature} testId="plant-temperature">
              {or(formatRange(plant.temperature_c, t, 'degrees'))}
            </Fact>
            <Fact term={t.plant.humidity} testId="plant-humidity">
              {or(formatRange(plant.humidity_pct, t, 'percent'))}
            </Fact>
            <Fact term={t.plant.winterMin} testId="plant-winter-min">
              {or(formatDegrees(plant.winter_min_c, t))}
            </Fact>
            <Fact term={t.plant.placement} testId="plant-placement">
              {plant.placement && plant.placement.length ? (
                <ul className="plain">
                  {plant.placement.map((p) => (
                    <li key={p}>{label(t.codes.placement, p)}</li>
                  ))}
                </ul>
              ) : (
                unknown
              )}
            </Fact>
          </dl>
        </section>

        <section className="card" aria-labelledby="water-title">
          <h2 id="water-title">{t.plant.waterTitle}</h2>
          <table className="water-table" data-testid="plant-watering">
            <thead>
              <tr>
                <th scope="col">{t.plant.season}</th>
                <th scope="col">{t.plant.howToWater}</th>
              </tr>
            </thead>
            <tbody>
              {SEASONS.map((s) => {
                const code = watering ? watering[s] : null;
                return (
                  <tr key={s}>
                    <th scope="row">{t.plant.seasons[s]}</th>
                    <td>{code ? label(t.codes.watering, code) : unknown}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="pet-title">
          <h2 id="pet-title">{t.plant.petTitle}</h2>
          <p data-testid="plant-pet-safety" className={plant.pet_safe === false ? 'warn-text' : undefined}>
            {plant.pet_safe === true ? t.plant.petSafe : plant.pet_safe === false ? t.plant.petUnsafe : t.plant.petUnknown}
          </p>
          {plant.toxicity_note ? (
            <p>
              <strong>{t.plant.toxicityNote}:</strong> <span lang="ko">{plant.toxicity_note}</span>
            </p>
          ) : null}
        </section>
      </div>

      <section className="card" aria-labelledby="tip-title">
        <h2 id="tip-title">{t.plant.careTip}</h2>
        {lang === 'en' && !plant.care_tip_en ? <p className="muted small">{t.plant.careTipKoOnly}</p> : null}
        <p className="care-tip" lang={careTipLang} data-testid="plant-care-tip">
          {careTip || t.common.unknown}
        </p>
      </section>

      <SpeciesMarket id={plant.id} name={plant.name_ko} />

      <p className="source" data-testid="plant-source" lang="ko">
        {plant.source || commonKo.footer.attribution}
      </p>
    </article>
  );
}
