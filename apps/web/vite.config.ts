import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One version for the whole product: the root package.json's, also shown by `rapport --version` and /api/v1/health.
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

export default defineConfig({
  plugins: [react()],
  define: { __RAPPORT_VERSION__: JSON.stringify(version) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The chart library is large and used by a few pages: one chunk of its own, loaded by those pages.
      output: {
        manualChunks: (id) => (/node_modules\/(echarts|zrender)\//.test(id) ? 'echarts' : undefined),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // The server accepts cookie-signed writes only from its own origin; in development the page is
      // served by Vite, so the proxy presents the request as coming from the server's origin.
      '/api': {
        target: 'http://127.0.0.1:3000',
        changeOrigin: true,
        headers: { origin: 'http://127.0.0.1:3000' },
      },
    },
  },
});
