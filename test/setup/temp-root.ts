import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every test file works under its own temporary root: os.tmpdir() (and so every mkdtemp of the
 * tests, the staged uploads and temp copies of the code under test, child processes) points
 * inside it, and the whole root is removed when the file is done, whatever a test forgot.
 */
const outer = process.env.TMPDIR;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-test-'));
process.env.TMPDIR = root;

afterAll(() => {
  if (outer === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outer;
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
