import { Link } from 'react-router-dom';
import type { PlantSummary } from '../../../shared/api/types';
import { PlantIcon } from '../../../shared/components/PlantIcon';
import { label } from '../../../shared/i18n';
import { usePlantsI18n } from '../i18n';
import { listText } from '../model/format';

export function PlantCard({ plant }: { plant: PlantSummary }) {
  const { t } = usePlantsI18n();
  const first = plant.categories?.[0];
  return (
    <li className="plant-card-item">
      <Link to={`/plants/${encodeURIComponent(plant.id)}`} className="plant-card" data-testid="plant-card">
        <PlantIcon category={first} size={72} />
        <span className="plant-card-body">
          <span className="plant-card-name" lang="ko">
            {plant.name_ko}
          </span>
          {plant.name_en ? (
            <span className="plant-card-en" lang="en">
              {plant.name_en}
            </span>
          ) : null}
          <span className="tags">
            {listText(t.codes.category, plant.categories) ? (
              <span className="tag">{listText(t.codes.category, plant.categories)}</span>
            ) : null}
            {plant.difficulty ? <span className="tag">{label(t.codes.difficulty, plant.difficulty)}</span> : null}
            {plant.light && plant.light.length ? (
              <span className="tag">
                {t.plants.light}: {listText(t.codes.light, plant.light)}
              </span>
            ) : null}
            {plant.pet_safe === true ? <span className="tag tag-ok">{t.plants.petSafeYes}</span> : null}
            {plant.pet_safe === false ? <span className="tag tag-warn">{t.plants.petSafeNo}</span> : null}
          </span>
        </span>
      </Link>
    </li>
  );
}
