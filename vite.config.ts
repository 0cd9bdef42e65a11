import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Everything the UI needs ships in the build; nothing is fetched from the internet at run time.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        // A page for tests and benchmarks that drives media/'s SFU client (renderer/lab/sfu-lab.ts).
        sfuLab: fileURLToPath(new URL('./renderer/lab/sfu.html', import.meta.url)),
      },
    },
  },
});
