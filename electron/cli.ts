// Command-line adapter: `noivu render <model.json> -o <out.docx>`.
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentModelError, renderDocument } from './documents/index.js';

const HELP = `NoiVu Desk – dòng lệnh

Cách dùng:
  noivu render <mô-hình.json> -o <tệp-ra.docx>   Tạo văn bản Word theo Nghị định 30/2020/NĐ-CP
  noivu --help                                  Hiện hướng dẫn này

Mã thoát:
  0  thành công
  1  lỗi đọc/ghi tệp hoặc lỗi khác
  2  lệnh hoặc mô hình văn bản không hợp lệ (lỗi ghi rõ trường nào sai)
`;

class UsageError extends Error {}

interface RenderArgs { input: string; output: string }

function parseArgs(argv: string[]): 'help' | RenderArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'render') throw new UsageError(`Lệnh không hợp lệ: "${command}". Gõ "noivu --help" để xem hướng dẫn.`);
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-o' || a === '--output') output = rest[++i];
    else if (a.startsWith('-')) throw new UsageError(`Tùy chọn không hợp lệ: "${a}".`);
    else if (!input) input = a;
    else throw new UsageError(`Thừa tham số: "${a}".`);
  }
  if (!input) throw new UsageError('Thiếu tệp mô hình văn bản (.json).');
  if (!output) throw new UsageError('Thiếu tệp đầu ra: dùng "-o <tệp-ra.docx>".');
  return { input, output };
}

/** Writes to a temporary file in the target folder, then renames: never a partial output file. */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const dir = await mkdtemp(path.join(path.dirname(path.resolve(file)), '.noivu-'));
  const tmp = path.join(dir, 'out.docx');
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      io.out.write(HELP);
      return 0;
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(args.input, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code) throw new Error(`Không đọc được tệp "${args.input}" (${code}).`);
      throw new UsageError(`Tệp "${args.input}" không phải JSON hợp lệ: ${(e as Error).message}`);
    }
    const buffer = await renderDocument(json);
    await writeAtomically(args.output, buffer);
    io.out.write(`Đã tạo ${args.output}\n`);
    return 0;
  } catch (e) {
    if (e instanceof DocumentModelError) {
      io.err.write(`Mô hình văn bản không hợp lệ:\n${e.errors.map((x) => `  - ${x.message}${x.path ? ` (${x.path})` : ''}`).join('\n')}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err.write(`${e.message}\n`);
      return 2;
    }
    io.err.write(`Lỗi: ${(e as Error).message}\n`);
    return 1;
  }
}

// Run directly (`tsx electron/cli.ts …`); bin/noivu.mjs imports main() instead.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
