import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ko as plantsKo } from '../features/plants/i18n/ko';
import { commonKo, fmt, label, mergeDictionaries } from '../shared/i18n';
import { DICTIONARY_PARTS, dictionaries } from './dictionaries';

function keyPaths(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  if (obj === null || typeof obj !== 'object') return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

const { ko, en } = dictionaries;

describe('i18n dictionaries (common part and every feature, merged)', () => {
  it('ko and en have exactly the same keys, in every part', () => {
    for (const part of DICTIONARY_PARTS) {
      expect(keyPaths(part.en).sort()).toEqual(keyPaths(part.ko).sort());
    }
    expect(keyPaths(en).sort()).toEqual(keyPaths(ko).sort());
  });

  it('every entry is a non-empty string', () => {
    for (const [path, v] of [...leaves(ko), ...leaves(en)]) {
      expect(typeof v, path).toBe('string');
      expect((v as string).trim().length, path).toBeGreaterThan(0);
    }
  });

  it('placeholders match between languages', () => {
    const enMap = new Map(leaves(en));
    for (const [path, v] of leaves(ko)) {
      expect(placeholders(String(enMap.get(path))), path).toEqual(placeholders(String(v)));
    }
  });

  it('every feature with dictionaries is merged', () => {
    const features = readdirSync(new URL('../features/', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory() && readdirSync(new URL(`../features/${d.name}/`, import.meta.url)).includes('i18n'))
      .map((d) => d.name);
    expect(features.length).toBeGreaterThanOrEqual(4);
    // Each feature's namespaces are in the merged dictionary.
    expect(Object.keys(ko)).toEqual(expect.arrayContaining(['meta', 'home', 'signup', 'plants', 'mailbox']));
    expect(DICTIONARY_PARTS).toHaveLength(features.length + 1);
    expect(ko.plants).toBe(plantsKo.plants);
  });

  it('refuses two parts that define the same namespace', () => {
    expect(() => mergeDictionaries([{ ko: { a: {} }, en: { a: {} } }, { ko: { a: {} }, en: { a: {} } }])).toThrow(/"a"/);
  });

  it('has the required Korean attribution', () => {
    expect(commonKo.footer.attribution).toBe('출처: 농촌진흥청 농사로');
  });
});

describe('fmt and label', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(fmt('{a}님 {b}', { a: '초록' })).toBe('초록님 {b}');
  });
  it('maps codes and falls back to the code', () => {
    expect(label(plantsKo.codes.light, 'low')).toBe('낮은 광도');
    expect(label(plantsKo.codes.light, 'ultra')).toBe('ultra');
    expect(label(plantsKo.codes.light, null, '-')).toBe('-');
    expect(label(plantsKo.codes.light, 'toString')).toBe('toString');
  });
});
