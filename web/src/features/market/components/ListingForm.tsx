import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from '../../../shared/api/errorText';
import { ApiError } from '../../../shared/api/problem';
import type { ListingCategory, ListingDetail } from '../../../shared/api/types';
import { Notice } from '../../../shared/components/Notice';
import { formatWon } from '../../../shared/format/listing';
import { fmt } from '../../../shared/i18n';
import { useMarketI18n } from '../i18n';
import { CATEGORIES } from '../model/filters';
import { fromListingPhoto, photoCounts, photoIds, type DraftPhoto } from '../model/photos';
import { LIMITS, charCount, parsePrice, validateListing, type ListingField } from '../model/validation';
import { PhotoPicker } from './PhotoPicker';
import { SpeciesPicker, type PickedSpecies } from './SpeciesPicker';

/** What the form hands over on submit: the values as the API takes them. */
export interface ListingValues {
  title: string;
  description: string;
  price: number;
  category: ListingCategory;
  photo_ids: string[];
  species: PickedSpecies | null;
  trade_area: string;
}

const FIELD_ORDER: readonly ListingField[] = ['photo_ids', 'title', 'category', 'price', 'description', 'species_id', 'trade_area'];
const FIELD_IDS: Record<ListingField, string> = {
  photo_ids: 'photo-add',
  title: 'listing-title-input',
  category: 'listing-category',
  price: 'listing-price',
  description: 'listing-description',
  species_id: 'species-search',
  trade_area: 'listing-trade-area',
};

/** The write / edit form. Client checks mirror the server's; the server's field errors land on the same fields. */
export function ListingForm({
  initial,
  initialSpecies = null,
  submitText,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: ListingDetail;
  /** A species to link a new listing to (from the encyclopedia's "sell this plant"). */
  initialSpecies?: PickedSpecies | null;
  submitText: string;
  pending: boolean;
  error: unknown;
  onSubmit: (v: ListingValues) => void;
  onCancel: ReactNode;
}) {
  const { t, lang } = useMarketI18n();
  const uid = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [free, setFree] = useState(initial ? initial.price === 0 : false);
  const [priceText, setPriceText] = useState(initial && initial.price > 0 ? String(initial.price) : '');
  const [category, setCategory] = useState<ListingCategory | ''>(initial?.category ?? 'plant');
  const [tradeArea, setTradeArea] = useState(initial?.trade_area ?? '');
  const [species, setSpecies] = useState<PickedSpecies | null>(initial ? initial.species : initialSpecies);
  const [photos, setPhotos] = useState<DraftPhoto[]>(() => (initial?.photos ?? []).map(fromListingPhoto));
  const [tried, setTried] = useState(false);

  const draft = { title, description, priceText, free, category, tradeArea, photos };
  const local = validateListing(draft);
  const server = error instanceof ApiError ? error : null;
  // A client error shows once the user has tried to submit; the server's shows until the field is changed… or
  // the next answer: it is simply the last answer's.
  const fieldError = (f: ListingField): string | null => {
    const key = local[f];
    if (tried && key && !(f === 'photo_ids' && key === 'photosPending')) return t.marketValidation[key];
    return server?.fieldDetail(f) ?? null;
  };
  const pendingUploads = photoCounts(photos).pending > 0;
  const formError = server && server.errors.length > 0 ? t.marketWrite.fixErrors : error ? errorText(error, t) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const errors = validateListing(draft);
    const first = FIELD_ORDER.find((f) => errors[f]);
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    onSubmit({
      title: title.trim(),
      description,
      price: parsePrice(priceText, free) ?? 0,
      category: category as ListingCategory,
      photo_ids: photoIds(photos),
      species,
      trade_area: tradeArea.trim(),
    });
  };

  const describe = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  const price = parsePrice(priceText, false);
  const titleErr = fieldError('title');
  const categoryErr = fieldError('category');
  const priceErr = fieldError('price');
  const descErr = fieldError('description');
  const areaErr = fieldError('trade_area');
  const photosErr = fieldError('photo_ids');

  return (
    <form className="card write-form" onSubmit={submit} noValidate aria-describedby={formError ? `${uid}-form-error` : undefined}>
      {formError ? (
        <Notice tone="error" id={`${uid}-form-error`}>
          {formError}
        </Notice>
      ) : null}

      <PhotoPicker photos={photos} setPhotos={setPhotos} error={photosErr} describedBy={describe('photos-hint', photosErr && 'photos-error') ?? ''} />

      <div className={`field${titleErr ? ' has-error' : ''}`}>
        <label htmlFor="listing-title-input">
          {t.marketWrite.title}
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
          <span className="counter" aria-hidden="true">
            {fmt(t.marketWrite.chars, { n: charCount(title), max: LIMITS.titleMax })}
          </span>
        </label>
        <input
          id="listing-title-input"
          name="title"
          data-testid="listing-title-input"
          type="text"
          value={title}
          required
          maxLength={LIMITS.titleMax * 2}
          placeholder={t.marketWrite.titlePlaceholder}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={titleErr ? true : undefined}
          aria-describedby={describe(titleErr && 'title-error')}
        />
        {titleErr ? (
          <p id="title-error" className="field-error">
            {titleErr}
          </p>
        ) : null}
      </div>

      <div className={`field${categoryErr ? ' has-error' : ''}`}>
        <label htmlFor="listing-category">{t.marketWrite.category}</label>
        <select
          id="listing-category"
          name="category"
          data-testid="listing-category"
          value={category}
          onChange={(e) => setCategory(e.target.value as ListingCategory)}
          aria-invalid={categoryErr ? true : undefined}
          aria-describedby={describe(categoryErr && 'category-error')}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t.marketCodes.category[c]}
            </option>
          ))}
        </select>
        {categoryErr ? (
          <p id="category-error" className="field-error">
            {categoryErr}
          </p>
        ) : null}
      </div>

      <div className={`field${priceErr ? ' has-error' : ''}`}>
        <label htmlFor="listing-price">
          {t.marketWrite.price}
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <div className="price-row">
          <input
            id="listing-price"
            name="price"
            data-testid="listing-price"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={free ? '' : priceText}
            disabled={free}
            placeholder={free ? t.price.free : '0'}
            onChange={(e) => setPriceText(e.target.value.replace(/[^\d,]/g, ''))}
            aria-invalid={priceErr ? true : undefined}
            aria-describedby={describe('price-hint', priceErr && 'price-error')}
          />
          <label className="check">
            <input type="checkbox" name="free" data-testid="listing-free" checked={free} onChange={(e) => setFree(e.target.checked)} />
            <span>{t.marketWrite.free}</span>
          </label>
        </div>
        <p id="price-hint" className="hint" aria-live="polite">
          {free ? t.price.free : price !== null && price <= LIMITS.priceMax ? formatWon(price, t, lang) : t.marketWrite.priceHint}
        </p>
        {priceErr ? (
          <p id="price-error" className="field-error">
            {priceErr}
          </p>
        ) : null}
      </div>

      <div className={`field${descErr ? ' has-error' : ''}`}>
        <label htmlFor="listing-description">
          {t.marketWrite.description}
          <span className="counter" aria-hidden="true">
            {fmt(t.marketWrite.chars, { n: charCount(description).toLocaleString(), max: LIMITS.descriptionMax.toLocaleString() })}
          </span>
        </label>
        <textarea
          id="listing-description"
          name="description"
          data-testid="listing-description-input"
          value={description}
          rows={8}
          placeholder={t.marketWrite.descriptionPlaceholder}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={descErr ? true : undefined}
          aria-describedby={describe(descErr && 'description-error')}
        />
        {descErr ? (
          <p id="description-error" className="field-error">
            {descErr}
          </p>
        ) : null}
      </div>

      <SpeciesPicker value={species} onChange={setSpecies} error={fieldError('species_id')} />

      <div className={`field${areaErr ? ' has-error' : ''}`}>
        <label htmlFor="listing-trade-area">{t.marketWrite.tradeArea}</label>
        <input
          id="listing-trade-area"
          name="trade_area"
          data-testid="listing-trade-area"
          type="text"
          value={tradeArea}
          maxLength={LIMITS.tradeAreaMax * 2}
          placeholder={t.marketWrite.tradeAreaPlaceholder}
          onChange={(e) => setTradeArea(e.target.value)}
          aria-invalid={areaErr ? true : undefined}
          aria-describedby={describe(areaErr && 'trade-area-error')}
        />
        {areaErr ? (
          <p id="trade-area-error" className="field-error">
            {areaErr}
          </p>
        ) : null}
      </div>

      <div className="submit-bar">
        <button type="submit" className="btn btn-primary" name="listing-submit" data-testid="listing-submit" disabled={pending || pendingUploads}>
          {pending ? t.marketWrite.submitting : submitText}
        </button>
        {onCancel}
        {pendingUploads ? (
          <p className="hint" role="status">
            {t.marketWrite.waitUploads}
          </p>
        ) : null}
      </div>
    </form>
  );
}
