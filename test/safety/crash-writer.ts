/**
 * Child process of crash.test.ts: `node --import tsx test/safety/crash-writer.ts <dbfile> <tag> [--wait]`
 * (the test runs the same file bundled by esbuild, which starts several times faster).
 * Opens the database as the app does and writes through the real services forever, printing one
 * line per ACKNOWLEDGED write (after the service call, and so its transaction, has returned):
 *   pragmas {"journal_mode":"wal","synchronous":2,…}   (the settings the writes below run with)
 *   ready
 *   ack <full name>[\t<full name>…]
 * The parent kills it with SIGKILL at a random moment and checks that every acknowledged name is there.
 *
 * NOIVU_CRASH_MODE (for showing that the test can fail; never set it otherwise):
 *   unsafe-journal  journal_mode=MEMORY + synchronous=OFF (+ a 10-page cache, so a big transaction
 *                   spills pages into the file before it commits) after opening: a kill in the middle
 *                   of a transaction leaves its pages in the file with no journal to roll them back;
 *   ack-early       prints the acknowledgement before the write instead of after it.
 */
import fs from 'node:fs';
import { openDatabase } from '../../electron/db/connection';
import { transactional } from '../../electron/db/transaction';
import { saveAgency } from '../../electron/services/agencies';
import { createDispatcher } from '../../electron/services/dispatch';
import type { Handlers } from '../../electron/services/handlers';
import { listIssuers, saveIssuer } from '../../electron/services/issuers';
import { AgencyInputSchema } from '../../shared/agencies';
import { VALID_PROFILE } from '../fixtures/profile';
import { agency, connectionPragmas } from './helpers';

const [file, tag = 'x'] = process.argv.slice(2);
if (!file) throw new Error('usage: crash-writer.ts <dbfile> <tag>');
const mode = process.env.NOIVU_CRASH_MODE ?? 'safe';
// fs.writeSync: the line is in the pipe before the next write starts (no stream buffering).
const say = (line: string) => fs.writeSync(1, `${line}\n`);

// Loaded: with --wait the parent starts us early (loading takes most of a round) and says "go" on stdin
// once the previous writer has been killed and checked.
if (process.argv.includes('--wait')) {
  say('loaded');
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => resolve());
  });
  process.stdin.pause();
}

const database = openDatabase(file);
if (mode === 'unsafe-journal') {
  database.sqlite.pragma('journal_mode = MEMORY');
  database.sqlite.pragma('synchronous = OFF');
  // a small page cache, as a big import has relative to its size: pages spill to the file before the commit
  database.sqlite.pragma('cache_size = 10');
}
say(`pragmas ${JSON.stringify(connectionPragmas(database.sqlite))}`);
const { db } = database;
// The real gate and the real services. Only the two requests used here are bound, so the writer does
// not load docx and exceljs (loading time is most of a round; handlers.ts binds the same functions).
const dispatch = createDispatcher({
  saveAgency: ({ agency: a, confirmDuplicate }) => saveAgency(db, { ...a, confirmDuplicate }),
  saveIssuer: (issuer) => saveIssuer(db, issuer),
} as Partial<Handlers> as Handlers);

async function write(names: string[], run: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>): Promise<void> {
  if (mode === 'ack-early') say(`ack ${names.join('\t')}`);
  const result = await run();
  if (!result.ok) {
    say(`error ${result.error?.code} ${result.error?.message.replace(/\n/g, ' ')}`);
    process.exit(2);
  }
  if (mode !== 'ack-early') say(`ack ${names.join('\t')}`);
}

say('ready');
for (let i = 0; ; i++) {
  const name = (k: number) => `Cơ quan ${tag}-${i}-${k} tỉnh Bắc Kạn`;
  if (i % 8 === 7) {
    // a bigger transaction, as importAgencies does it: 40 agencies, all or nothing
    const names = Array.from({ length: 40 }, (_, k) => name(k));
    await write(names, async () => {
      await transactional(db, async (trx) => {
        for (const [k, n] of names.entries()) await saveAgency(trx, { ...AgencyInputSchema.parse(agency(n, `Cơ quan ${k}`)), confirmDuplicate: true });
      });
      return { ok: true };
    });
  } else if (i % 8 === 3) {
    const [stored] = await listIssuers(db);
    await write([], () => dispatch('saveIssuer', { ...VALID_PROFILE, id: stored?.id ?? null, revision: stored?.revision ?? null, place: `Bắc Kạn ${i}` }));
  } else {
    await write([name(0)], () => dispatch('saveAgency', { agency: agency(name(0), `Cơ quan ${i}`, { email: `cq${i}@backan.gov.vn` }), confirmDuplicate: true }));
  }
}
