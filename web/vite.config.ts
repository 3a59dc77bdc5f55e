import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { swaggerDocs } from './swagger-docs.ts';

const backend = process.env.SIKGU_API ?? 'http://127.0.0.1:8080';

const proxy = {
  '/api': { target: backend, changeOrigin: false },
  '/healthz': { target: backend, changeOrigin: false },
};

export default defineConfig({
  plugins: [react(), swaggerDocs()],
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Pages are chunks of their own (React.lazy); what every page needs goes in two shared chunks.
        // Libraries that only a later feature loads on demand (e.g. @stomp/stompjs) stay in their own chunks.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/,
            },
            { name: 'shared', test: /[\\/]src[\\/]shared[\\/]/ },
          ],
        },
      },
    },
  },
});
