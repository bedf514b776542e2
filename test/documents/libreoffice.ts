// LibreOffice/poppler helpers for acceptance tests: docx → pdf with a private profile per call,
// page count, page text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Pdf { file: string; dir: string; pages: number; pageText(page: number, layout?: boolean): string; text(): string; cleanup(): void }

export function docxToPdf(docx: Uint8Array, name = 'doc'): Pdf {
  const dir = mkdtempSync(path.join(tmpdir(), 'noivu-lo-'));
  const input = path.join(dir, `${name}.docx`);
  writeFileSync(input, docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'pipe', timeout: 180_000 });
  const file = path.join(dir, `${name}.pdf`);
  readFileSync(file); // throws if LibreOffice failed to write it
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const pdftotext = (args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return {
    file, dir, pages,
    pageText: (page, layout = true) => pdftotext(['-f', String(page), '-l', String(page), ...(layout ? ['-layout'] : [])]),
    text: () => pdftotext([]),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const firstLine = (text: string): string => text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
