// Generates src/shared/api/schema.gen.ts from docs/openapi.yaml with openapi-typescript.
//
//   npm run gen:api          write the file
//   generateSchema()         the file's expected text (used by the drift test in npm test)
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const SPEC_URL = new URL('../../docs/openapi.yaml', import.meta.url);
export const OUTPUT_URL = new URL('../src/shared/api/schema.gen.ts', import.meta.url);

const HEADER = `// Generated from docs/openapi.yaml by \`npm run gen:api\` (openapi-typescript). Do not edit:
// change the spec and run the generator; npm test fails while this file and the spec disagree.

`;

/** The generated module's text for the spec at `spec` (a file URL). */
export async function generateSchema(spec = SPEC_URL) {
  const ast = await openapiTS(spec, { silent: true });
  return HEADER + astToString(ast);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  await writeFile(OUTPUT_URL, await generateSchema());
  console.log(`wrote ${fileURLToPath(OUTPUT_URL)}`);
}
