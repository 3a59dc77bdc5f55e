// Vite plugin: copies the Swagger UI assets from swagger-ui-dist into dist/api-docs/
// and writes a page there that renders /api/openapi.yaml. Everything is served locally.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'];
const SPEC_URL = '/api/openapi.yaml';
const BASE = '/api-docs';

const indexHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>sikgu API docs</title>
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <link rel="stylesheet" href="${BASE}/swagger-ui.css" />
    <style>body { margin: 0; background: #fafafa; }</style>
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${BASE}/swagger-ui-bundle.js"></script>
    <script src="${BASE}/swagger-ui-standalone-preset.js"></script>
    <script src="${BASE}/swagger-initializer.js"></script>
  </body>
</html>
`;

const initializerJs = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '${SPEC_URL}',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout'
  });
});
`;

export function swaggerDocs(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'sikgu-swagger-docs',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const require = createRequire(import.meta.url);
      const srcDir: string = require('swagger-ui-dist/absolute-path.js')();
      const outDir = join(resolve(config.root, config.build.outDir), 'api-docs');
      mkdirSync(outDir, { recursive: true });
      for (const f of FILES) copyFileSync(join(srcDir, f), join(outDir, f));
      writeFileSync(join(outDir, 'index.html'), indexHtml);
      writeFileSync(join(outDir, 'swagger-initializer.js'), initializerJs);
    },
  };
}
