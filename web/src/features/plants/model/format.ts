// Turning plant facts into readable text.
import type { Range, Size } from '../../../shared/api/types';
import { fmt, label } from '../../../shared/i18n';
import type { PlantsDict as Dict } from '../i18n/ko';

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

/** "18~27°C" / "≥ 18" / null when there is nothing to show. */
export function formatRange(
  r: Range | null | undefined,
  t: Dict,
  kind: 'degrees' | 'percent' | 'cm',
): string | null {
  if (!r) return null;
  const { min, max } = r;
  const hasMin = typeof min === 'number';
  const hasMax = typeof max === 'number';
  const single = (v: number) =>
    kind === 'degrees' ? fmt(t.plant.degrees, { value: num(v) }) : kind === 'cm' ? fmt(t.plant.cm, { value: num(v) }) : `${num(v)}%`;
  if (hasMin && hasMax) {
    if (min === max) return single(min);
    const tpl = kind === 'degrees' ? t.plant.degreesRange : kind === 'cm' ? t.plant.cmRange : t.plant.percentRange;
    return fmt(tpl, { min: num(min), max: num(max) });
  }
  if (hasMin) return fmt(t.plant.atLeast, { value: single(min) });
  if (hasMax) return fmt(t.plant.atMost, { value: single(max) });
  return null;
}

export function formatSize(s: Size | undefined, t: Dict): string | null {
  return typeof s === 'number' ? fmt(t.plant.cm, { value: num(s) }) : null;
}

export function formatDegrees(v: number | null | undefined, t: Dict): string | null {
  return typeof v === 'number' ? fmt(t.plant.degrees, { value: num(v) }) : null;
}

export function lightText(code: string, t: Dict): string {
  const name = label(t.codes.light, code);
  const lux = (t.codes.lightLux as Record<string, string>)[code];
  return lux ? `${name} (${lux})` : name;
}

export function listText(map: Record<string, string>, codes: string[] | null | undefined): string | null {
  if (!codes || codes.length === 0) return null;
  return codes.map((c) => label(map, c)).join(', ');
}
