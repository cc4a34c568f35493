import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in src/web and is built into dist/web, which the server serves as static files.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // antd alone is larger than the default warning limit; pages are split per route.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '^/api/': {
        // LVZHI_API points the dev server at an API on another port.
        target: process.env.LVZHI_API ?? 'http://127.0.0.1:3000',
        // Keep the browser's Host: the server rejects writes whose Origin differs from it (CSRF).
        changeOrigin: false,
      },
    },
  },
});
