import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT_URL, generateSchema } from '../../../scripts/gen-api.mjs';

/** "line N: expected … / found …" for the first line where the two texts part, or null when they agree. */
function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: expected ${JSON.stringify(a[i] ?? '<end of file>')}, found ${JSON.stringify(b[i] ?? '<end of file>')}`;
  }
  return 'the files differ';
}

describe('generated API types', () => {
  it('schema.gen.ts is what `npm run gen:api` makes of docs/openapi.yaml', async () => {
    const expected = await generateSchema();
    const committed = readFileSync(OUTPUT_URL, 'utf8');
    const diff = firstDifference(expected, committed);
    expect(diff, `src/shared/api/schema.gen.ts is out of date with docs/openapi.yaml (run npm run gen:api): ${diff}`).toBeNull();
  });
});
