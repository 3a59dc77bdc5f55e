import { Link } from 'react-router-dom';
import type { ListingSummary, SpeciesSummary } from '../../../shared/api/types';
import { PlantIcon } from '../../../shared/components/PlantIcon';
import { fmt, label } from '../../../shared/i18n';
import { useMarketI18n } from '../i18n';

/** The encyclopedia's care card for a listing's species, with a link to the species page. */
export function SpeciesCard({ species, card }: { species: NonNullable<ListingSummary['species']>; card: SpeciesSummary | null | undefined }) {
  const { t } = useMarketI18n();
  const link = (
    <Link to={`/plants/${encodeURIComponent(species.id)}`} data-testid="species-link">
      {fmt(t.marketListing.speciesLink, { name: species.name_ko })}
    </Link>
  );
  return (
    <section className="card species-card" aria-labelledby="species-title">
      <h2 id="species-title">{t.marketListing.speciesTitle}</h2>
      <div className="plant-head">
        <PlantIcon category={card?.categories?.[0]} size={64} />
        <div>
          <h3 lang="ko">{species.name_ko}</h3>
          {card?.scientific_name ? (
            <p className="plant-sci">
              <i lang="la">{card.scientific_name}</i>
            </p>
          ) : null}
        </div>
      </div>
      {card ? (
        <dl className="facts">
          {card.difficulty ? (
            <div>
              <dt>{t.marketListing.difficulty}</dt>
              <dd>{label(t.marketCodes.difficulty, card.difficulty)}</dd>
            </div>
          ) : null}
          {card.light.length ? (
            <div>
              <dt>{t.marketListing.light}</dt>
              <dd>{card.light.map((l) => label(t.marketCodes.light, l)).join(', ')}</dd>
            </div>
          ) : null}
          {card.watering ? (
            <div>
              <dt>{t.marketListing.watering}</dt>
              <dd>{label(t.marketCodes.watering, card.watering)}</dd>
            </div>
          ) : null}
          {card.pet_safe !== null ? (
            <div>
              <dt>{t.marketListing.petSafe}</dt>
              <dd className={card.pet_safe ? undefined : 'warn-text'}>
                {card.pet_safe ? t.marketListing.petSafeYes : t.marketListing.petSafeNo}
              </dd>
            </div>
          ) : null}
          {card.care_tip ? (
            <div>
              <dt>{t.marketListing.careTip}</dt>
              <dd lang="ko" className="care-tip">
                {card.care_tip}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="muted small">{t.marketListing.speciesCardMissing}</p>
      )}
      <p>{link}</p>
    </section>
  );
}
