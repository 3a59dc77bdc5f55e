import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fmt, label } from './index';
import { ko } from './ko';

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

describe('i18n dictionaries', () => {
  it('ko and en have exactly the same keys', () => {
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

  it('has the required Korean attribution', () => {
    expect(ko.footer.attribution).toBe('출처: 농촌진흥청 농사로');
  });
});

describe('fmt and label', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(fmt('{a}님 {b}', { a: '초록' })).toBe('초록님 {b}');
  });
  it('maps codes and falls back to the code', () => {
    expect(label(ko.codes.light, 'low')).toBe('낮은 광도');
    expect(label(ko.codes.light, 'ultra')).toBe('ultra');
    expect(label(ko.codes.light, null, '-')).toBe('-');
    expect(label(ko.codes.light, 'toString')).toBe('toString');
  });
});
