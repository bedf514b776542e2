import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from './fixtures.js';
import { checkNd30 } from './nd30-checker.js';
import { readFileSync } from 'node:fs';

const BIN = path.resolve(import.meta.dirname, '../../bin/noivu.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'noivu-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function noivu(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('noivu render', () => {
  it('renders a good model to a valid ND30 file', async () => {
    const out = path.join(dir, 'cv.docx');
    const r = await noivu('render', path.join(EXAMPLES_DIR, 'cong-van-ubnd-tp-bac-kan-2023.json'), '-o', out);
    expect(r.code).toBe(0);
    expect(await checkNd30(readFileSync(out))).toEqual([]);
  });

  it('rejects a bad model with exit 2, a Vietnamese message naming the field and no output', async () => {
    const bad = path.join(dir, 'bad.json');
    const model = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'chi-thi-04-2024-bac-kan.json'), 'utf8'));
    model.subject = '   ';
    delete model.signature.name;
    writeFileSync(bad, JSON.stringify(model));
    const out = path.join(dir, 'bad.docx');
    const r = await noivu('render', bad, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Trích yếu: không được để trống');
    expect(r.stderr).toContain('Người ký: bắt buộc phải có');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.noivu-'))).toEqual([]);
  });

  it('rejects invalid JSON and bad usage with exit 2', async () => {
    const bad = path.join(dir, 'broken.json');
    writeFileSync(bad, '{ "kind": ');
    expect((await noivu('render', bad, '-o', path.join(dir, 'x.docx'))).code).toBe(2);
    const r = await noivu('render', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Thiếu tệp đầu ra');
  });

  it('prints help in Vietnamese', async () => {
    const r = await noivu('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng');
  });
});
