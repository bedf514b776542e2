/**
 * Child process of crash.test.ts: `node --import tsx test/safety/crash-writer.ts <dbfile> <tag>`.
 * Opens the database as the app does and writes through the real services forever, printing one
 * line per ACKNOWLEDGED write (after the service call, and so its transaction, has returned):
 *   ready
 *   ack <full name>[\t<full name>…]
 * The parent kills it with SIGKILL at a random moment and checks that every acknowledged name is there.
 *
 * NOIVU_CRASH_MODE (for showing that the test can fail; never set it otherwise):
 *   unsafe-journal  journal_mode=MEMORY + synchronous=OFF after opening: a kill in the middle of a
 *                   commit leaves half-written pages with no journal to roll them back;
 *   ack-early       prints the acknowledgement before the write instead of after it.
 */
import fs from 'node:fs';
import { openDatabase } from '../../electron/db/connection';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { VALID_PROFILE } from '../fixtures/profile';
import { agency } from './helpers';

const [file, tag = 'x'] = process.argv.slice(2);
if (!file) throw new Error('usage: crash-writer.ts <dbfile> <tag>');
const mode = process.env.NOIVU_CRASH_MODE ?? 'safe';

const database = openDatabase(file);
if (mode === 'unsafe-journal') {
  database.sqlite.pragma('journal_mode = MEMORY');
  database.sqlite.pragma('synchronous = OFF');
}
const dispatch = createDispatcher(createHandlers({ database, version: 'crash', transport: 'web' }));
// fs.writeSync: the line is in the pipe before the next write starts (no stream buffering).
const say = (line: string) => fs.writeSync(1, `${line}\n`);

async function write(names: string[], run: () => ReturnType<typeof dispatch>): Promise<void> {
  if (mode === 'ack-early') say(`ack ${names.join('\t')}`);
  const result = await run();
  if (!result.ok) {
    say(`error ${result.error.code} ${result.error.message.replace(/\n/g, ' ')}`);
    process.exit(2);
  }
  if (mode !== 'ack-early') say(`ack ${names.join('\t')}`);
}

say('ready');
for (let i = 0; ; i++) {
  const name = (k: number) => `Cơ quan ${tag}-${i}-${k} tỉnh Bắc Kạn`;
  if (i % 8 === 7) {
    // a bigger transaction: an import of 40 rows, all or nothing
    const names = Array.from({ length: 40 }, (_, k) => name(k));
    const csv = ['Tên đầy đủ;Tên viết gọn;Loại;Thứ tự', ...names.map((n, k) => `${n};Cơ quan ${k};Sở, ban, ngành;${k}`)].join('\r\n');
    await write(names, () => dispatch('importAgencies', { file: { fileName: 'nhap.csv', base64: Buffer.from(csv).toString('base64') }, apply: true }));
  } else if (i % 8 === 3) {
    await write([], () => dispatch('saveIssuerProfile', { ...VALID_PROFILE, place: `Bắc Kạn ${i}` }));
  } else {
    await write([name(0)], () => dispatch('saveAgency', { agency: agency(name(0), `Cơ quan ${i}`, { email: `cq${i}@backan.gov.vn` }), confirmDuplicate: true }));
  }
}
