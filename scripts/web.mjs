// `npm run web`: browser mode. Builds the renderer, then serves it and the same request handlers
// on 127.0.0.1 (random free port, per-run token). Extra arguments (--port, --data-dir) pass through.
import { spawn, spawnSync } from 'node:child_process';
import { ensureNodeBuild } from './native.mjs';

ensureNodeBuild();
const built = spawnSync(process.execPath, ['scripts/build.mjs', '--renderer'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
