// better-sqlite3 is a native module: it must be compiled for the runtime that loads it (Node for
// tests, browser mode and the CLI; Electron for the desktop app). This rebuilds it when needed.
import { execSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { encoding: 'utf8' });
  return probe.status === 0;
}

export function ensureNodeBuild() {
  if (loadsInNode()) return;
  console.log('Biên dịch lại better-sqlite3 cho Node.js…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}

export function ensureElectronBuild() {
  console.log('Chuẩn bị better-sqlite3 cho Electron…');
  execSync(`${JSON.stringify(process.execPath)} ${JSON.stringify(require.resolve('electron-builder/cli.js'))} install-app-deps`, { stdio: 'inherit' });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop())) {
  if (process.argv[2] === 'electron') ensureElectronBuild();
  else ensureNodeBuild();
}
