// `npm start`: the desktop app. Where the Electron runtime is missing (it is downloaded on first
// use and that needs the internet) say so in one message, with the alternative.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureElectronBuild } from './native.mjs';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Đang tải bộ chạy Electron (chỉ lần đầu)…');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    [
      'Không tìm thấy bộ chạy Electron trên máy này, nên chưa mở được ứng dụng máy tính.',
      'Cách khắc phục: kết nối Internet rồi chạy lại "npm start" (bộ chạy được tải tự động),',
      'hoặc dùng ngay chế độ trình duyệt: "npm run web" rồi mở địa chỉ được in ra.',
    ].join('\n'),
  );
  process.exit(1);
}

spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
ensureElectronBuild();
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
