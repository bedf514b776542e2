import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { EXPECTED_PRAGMAS, connectionPragmas, tempDir } from './helpers';

/**
 * Crash safety: a child process writes through the real services and is killed with SIGKILL at
 * random moments, again and again on the same file. After each kill the database must open (the
 * dead process's lock is taken over), pass `PRAGMA integrity_check`, and hold every write the
 * child acknowledged.
 *
 * What this proves, and what it cannot: SIGKILL stops the process, not the machine, so what the
 * process handed to the kernel survives. The test therefore catches a missing or broken journal
 * (a kill in the middle of a commit must roll back, not leave half a transaction or damaged pages)
 * and an acknowledgement given before the commit. It cannot catch a missing fsync
 * (`synchronous=FULL` protects against power loss, which needs fault injection below the file
 * system to test). It fails when the guarantee is removed:
 *   NOIVU_CRASH_MODE=unsafe-journal npx vitest run test/safety/crash.test.ts
 *     (journal_mode=MEMORY + synchronous=OFF in the writer: kills mid-commit corrupt the file)
 *   NOIVU_CRASH_MODE=ack-early npx vitest run test/safety/crash.test.ts
 *     (acknowledged before the commit: acknowledged writes go missing)
 */

const ROUNDS = Number(process.env.NOIVU_CRASH_ROUNDS ?? 100);
const require = createRequire(import.meta.url);

/**
 * The writer, bundled once by esbuild (better-sqlite3 stays a native external). `node --import tsx`
 * runs the same file but needs ~1.5 s to start on this machine instead of ~0.4 s, which would make
 * 100 rounds take minutes. Set NOIVU_CRASH_TSX=1 to run it through tsx anyway.
 */
async function writerCommand(): Promise<string[]> {
  const source = path.resolve('test/safety/crash-writer.ts');
  if (process.env.NOIVU_CRASH_TSX) return ['--import', 'tsx', source];
  const outfile = path.join(tempDir('crash-writer'), 'crash-writer.mjs');
  const nativeModule = require.resolve('better-sqlite3');
  await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [{ name: 'native', setup: (b) => void b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: nativeModule, external: true })) }],
  });
  return [outfile];
}

interface Round {
  acked: string[];
  lines: number;
  /** The connection settings the writer reported before its first write. */
  pragmas: Record<string, unknown> | null;
}

/** The settings the writes ran with: the real connection's, or the weakened ones of the unsafe demonstration. */
const WRITER_PRAGMAS = process.env.NOIVU_CRASH_MODE === 'unsafe-journal' ? { ...EXPECTED_PRAGMAS, journal_mode: 'memory', synchronous: 0 } : EXPECTED_PRAGMAS;

/**
 * A writer started ahead of its turn: it loads its code, says "loaded" and waits for "go" before it
 * opens the database, so loading overlaps the previous round.
 */
class Writer {
  private readonly child: ChildProcessWithoutNullStreams;
  private out = '';
  private err = '';
  private killTimer: NodeJS.Timeout | undefined;
  readonly loaded: Promise<void>;
  readonly ready: Promise<void>;
  readonly done: Promise<Round>;

  constructor(command: string[], file: string, tag: string) {
    this.child = spawn(process.execPath, [...command, file, tag, '--wait'], { env: { ...process.env, NODE_ENV: 'test' } });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => (this.err += chunk));
    const seen = (line: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (this.out.includes(`${line}\n`)) {
            this.child.stdout.off('data', check);
            resolve();
          }
        };
        this.child.stdout.on('data', check);
      });
    this.child.stdout.on('data', (chunk: string) => (this.out += chunk));
    this.loaded = seen('loaded');
    this.ready = seen('ready');
    this.done = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code, signal) => {
        clearTimeout(this.killTimer);
        if (signal !== 'SIGKILL' || !this.out.includes('ready\n')) {
          reject(new Error(`writer ${tag} ended by itself (code ${code}, signal ${signal}):\n${this.out.slice(-2000)}\n${this.err.slice(-2000)}`));
          return;
        }
        // Only complete lines count: a line cut by the kill is not an acknowledgement.
        const lines = this.out.slice(0, this.out.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
        const bad = lines.find((l) => l !== 'loaded' && l !== 'ready' && !l.startsWith('ack ') && !l.startsWith('pragmas '));
        if (bad) reject(new Error(`writer ${tag} reported: ${bad}`));
        const acks = lines.filter((l) => l.startsWith('ack '));
        const pragmas = lines.find((l) => l.startsWith('pragmas '));
        resolve({ acked: acks.flatMap((l) => l.slice(4).split('\t').filter(Boolean)), lines: acks.length, pragmas: pragmas ? JSON.parse(pragmas.slice(8)) : null });
      });
    });
    this.done.catch(() => undefined); // awaited by the round; a writer started ahead may never get its turn
    // whatever happens, no writer outlives the test
    this.killTimer = setTimeout(() => this.kill(), 60_000);
  }

  go(): void {
    this.child.stdin.end('go\n');
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

describe('crash safety', () => {
  // Runs on every test run, so weakening a pragma in connection.ts is caught even with few kill rounds.
  it('opens the database with a write-ahead log, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const folder = tempDir('pragmas');
    const database = openDatabase(path.join(folder, 'noivu.sqlite'));
    try {
      expect(connectionPragmas(database.sqlite)).toEqual(EXPECTED_PRAGMAS);
    } finally {
      await database.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it(`keeps the database intact and every acknowledged write across ${ROUNDS} SIGKILLs`, async () => {
    const file = path.join(tempDir('crash'), 'data', 'noivu.sqlite');
    const started = Date.now();
    const allAcked: string[] = [];
    let writes = 0;
    const command = await writerCommand();
    const bundled = Date.now();
    let next: Writer | null = new Writer(command, file, 'r0');
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const writer: Writer = next!;
        await writer.loaded;
        writer.go();
        next = round + 1 < ROUNDS ? new Writer(command, file, `r${round + 1}`) : null;
        await writer.ready;
        const delay = 20 + Math.floor(Math.random() * 281);
        await new Promise((resolve) => setTimeout(resolve, delay));
        writer.kill();
        const result = await writer.done;
        expect(result.pragmas, `round ${round}: the writer's connection settings`).toEqual(WRITER_PRAGMAS);
        writes += result.lines;
        allAcked.push(...result.acked);
        // the killed writer's lock file is still there; opening takes it over
        expect(fs.existsSync(`${file}.lock`)).toBe(true);

        let database;
        try {
          database = openDatabase(file);
        } catch (err) {
          throw new Error(`round ${round} (kill after ${delay} ms): the database does not open: ${(err as Error).message}`);
        }
        try {
          expect(connectionPragmas(database.sqlite), `round ${round}: connection settings`).toEqual(EXPECTED_PRAGMAS);
          const integrity = database.sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
          expect(integrity, `round ${round} (kill after ${delay} ms)`).toEqual([{ integrity_check: 'ok' }]);
          expect(database.sqlite.pragma('foreign_key_check', { simple: false }), `round ${round}`).toEqual([]);
          const present = new Set((database.sqlite.prepare('select full_name from agencies').pluck().all() as string[]));
          const missing = allAcked.filter((n) => !present.has(n));
          expect(missing.slice(0, 5), `round ${round} (kill after ${delay} ms): ${missing.length} acknowledged writes missing`).toEqual([]);
          // a batch (every 8th write, i % 8 === 7) has all its 40 rows or none
          const perWrite = new Map<string, number>();
          for (const name of present) {
            const m = /^Cơ quan (r\d+)-(\d+)-\d+ tỉnh Bắc Kạn$/.exec(name);
            if (m) perWrite.set(`${m[1]}-${m[2]}`, (perWrite.get(`${m[1]}-${m[2]}`) ?? 0) + 1);
          }
          const partial = [...perWrite].filter(([key, n]) => n !== (Number(key.split('-')[1]) % 8 === 7 ? 40 : 1));
          expect(partial, `round ${round}: a partial write`).toEqual([]);
        } finally {
          await database.close();
        }
      }
    } finally {
      next?.kill();
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `crash safety: ${ROUNDS} rounds, ${writes} acknowledged writes (${allAcked.length} agencies), ` +
        `${seconds.toFixed(1)} s in all (bundling ${((bundled - started) / 1000).toFixed(1)} s)`,
    );
    expect(allAcked.length).toBeGreaterThan(ROUNDS);
  }, 240_000);
});
