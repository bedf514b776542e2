/**
 * Child process of fuzz.test.ts: `node --import tsx test/safety/import-probe.ts <file> <fileName>`.
 * Sends the file to importAgencies (apply: true) through the real dispatcher on a fresh database and
 * prints one JSON line: the envelope (without row details), the agencies then in the database, the
 * time taken and the peak memory. Run apart so that a file that exhausts memory kills this process,
 * not the test runner, and the test can say exactly what happened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/db/connection';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';

const [file, fileName] = process.argv.slice(2);
if (!file || !fileName) throw new Error('usage: import-probe.ts <file> <fileName>');
const database = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-import-probe-')), 'noivu.sqlite'));
const dispatch = createDispatcher(createHandlers({ database, version: 'probe', transport: 'web' }));
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = Date.now();
const result = await dispatch('importAgencies', { file: { fileName, base64: fs.readFileSync(file).toString('base64') }, apply: true });
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
const agencies = (database.sqlite.prepare('select count(*) n from agencies').get() as { n: number }).n;
const summary = result.ok ? { ok: true, created: (result.data as { created: number }).created } : { ok: false, error: { code: result.error.code, message: result.error.message } };
fs.writeSync(1, `${JSON.stringify({ result: summary, agencies, ms: Date.now() - started, peakMb: Math.round(peak / 2 ** 20) })}\n`);
await database.close();
