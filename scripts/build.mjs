// Builds the renderer (Vite) and the Electron main/preload bundles (esbuild).
// `--renderer` builds only the renderer (what browser mode and the tests need).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const rendererOnly = process.argv.includes('--renderer');

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

if (!rendererOnly) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['electron', 'better-sqlite3'],
    logLevel: 'warning',
  };
  await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
  await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
}
console.log(rendererOnly ? 'Đã dựng giao diện (dist/renderer).' : 'Đã dựng ứng dụng (dist/).');
