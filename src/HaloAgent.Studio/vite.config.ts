import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

declare const process: { env: Record<string, string | undefined> };

// The API server the dev server proxies /api to (HALO_API overrides, e.g. http://127.0.0.1:5181).
const api = process.env.HALO_API ?? 'http://127.0.0.1:5080';

// The SPA is served by the ASP.NET server at / (dashboard) and /studio (designer); unknown non-API paths fall
// back to index.html, so assets use absolute URLs from the root.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
