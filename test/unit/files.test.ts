import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopPort } from '../../electron/services/files';
import { savedToFolderMessage, type SavedToFolder } from '../../shared/files';
import { useTestBackend } from '../fixtures/backend';

let folder: string | null = null;
let savePath: string | null = null;
const opened: string[] = [];
const desktop: DesktopPort = {
  chooseSavePath: async () => savePath,
  chooseFolder: async () => folder,
  chooseOpenFile: async () => null,
  openPath: async (file) => void opened.push(file),
};

// Registered first so that it runs last, once the fixture has closed the database.
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(backend.dir, { recursive: true, force: true });
});
const { backend, call } = useTestBackend('files', { transport: 'electron', desktop });

let out: string;
beforeEach(() => {
  out = path.join(backend.dir, 'bieu-mau');
  fs.mkdirSync(out);
  folder = out;
  opened.length = 0;
});

const file = (fileName: string, text: string) => ({ fileName, base64: Buffer.from(text).toString('base64') });
const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');
const listing = () => fs.readdirSync(out).sort();

describe('saving many files into a folder', () => {
  it('never writes over a file already there: the new one gets the next free number', async () => {
    fs.writeFileSync(path.join(out, 'Mẫu báo cáo - Sở Y tế.xlsx'), 'đã điền bởi Sở Y tế');
    fs.writeFileSync(path.join(out, 'Mẫu báo cáo - Sở Tư pháp.xlsx'), 'đã điền bởi Sở Tư pháp');
    fs.writeFileSync(path.join(out, 'Mẫu báo cáo - Sở Tư pháp (2).xlsx'), 'bản thứ hai của Sở Tư pháp');

    const result = await call<SavedToFolder>('saveFilesToFolder', {
      files: [file('Mẫu báo cáo - Sở Y tế.xlsx', 'mới Y tế'), file('Mẫu báo cáo - Sở Tư pháp.xlsx', 'mới Tư pháp'), file('Mẫu báo cáo - Sở Xây dựng.xlsx', 'mới Xây dựng')],
    });

    expect(result).toEqual({
      saved: true,
      folder: out,
      count: 3,
      files: [
        { fileName: 'Mẫu báo cáo - Sở Y tế (2).xlsx', renamed: true },
        { fileName: 'Mẫu báo cáo - Sở Tư pháp (3).xlsx', renamed: true },
        { fileName: 'Mẫu báo cáo - Sở Xây dựng.xlsx', renamed: false },
      ],
    });
    expect(read('Mẫu báo cáo - Sở Y tế.xlsx')).toBe('đã điền bởi Sở Y tế');
    expect(read('Mẫu báo cáo - Sở Tư pháp.xlsx')).toBe('đã điền bởi Sở Tư pháp');
    expect(read('Mẫu báo cáo - Sở Tư pháp (2).xlsx')).toBe('bản thứ hai của Sở Tư pháp');
    expect(read('Mẫu báo cáo - Sở Y tế (2).xlsx')).toBe('mới Y tế');
    expect(read('Mẫu báo cáo - Sở Tư pháp (3).xlsx')).toBe('mới Tư pháp');
    expect(read('Mẫu báo cáo - Sở Xây dựng.xlsx')).toBe('mới Xây dựng');
    expect(listing()).toHaveLength(6); // no temporary files left behind
  });

  it('keeps two files of the same name in one batch apart', async () => {
    const result = await call<SavedToFolder>('saveFilesToFolder', { files: [file('bao-cao.xlsx', 'một'), file('bao-cao.xlsx', 'hai')] });
    expect(result.files).toEqual([
      { fileName: 'bao-cao.xlsx', renamed: false },
      { fileName: 'bao-cao (2).xlsx', renamed: true },
    ]);
    expect([read('bao-cao.xlsx'), read('bao-cao (2).xlsx')]).toEqual(['một', 'hai']);
  });

  it('does not replace a file that appears under the same name at any moment of the save', async () => {
    const target = path.join(out, 'bao-cao.xlsx');
    const write = fs.writeFileSync;
    // another program (or a colleague on a shared drive) saves its own file under that name just
    // before any step of ours that would put a file there
    for (const step of ['openSync', 'writeFileSync', 'copyFileSync', 'linkSync', 'renameSync'] as const) {
      const real = fs[step] as (...args: unknown[]) => unknown;
      vi.spyOn(fs, step).mockImplementation(((...args: unknown[]) => {
        if (args.includes(target) && !fs.existsSync(target)) write(target, 'tệp của người khác');
        return real(...args);
      }) as never);
    }
    const result = await call<SavedToFolder>('saveFilesToFolder', { files: [file('bao-cao.xlsx', 'của NoiVu')] });
    expect(result.files).toEqual([{ fileName: 'bao-cao (2).xlsx', renamed: true }]);
    expect(read('bao-cao.xlsx')).toBe('tệp của người khác');
    expect(read('bao-cao (2).xlsx')).toBe('của NoiVu');
  });

  it('never writes over a file on a drive without hard links (USB sticks) either', async () => {
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });
    fs.writeFileSync(path.join(out, 'bao-cao.xlsx'), 'đã điền');
    const result = await call<SavedToFolder>('saveFilesToFolder', { files: [file('bao-cao.xlsx', 'mới'), file('khac.xlsx', 'khác')] });
    expect(result.files).toEqual([
      { fileName: 'bao-cao (2).xlsx', renamed: true },
      { fileName: 'khac.xlsx', renamed: false },
    ]);
    expect([read('bao-cao.xlsx'), read('bao-cao (2).xlsx'), read('khac.xlsx')]).toEqual(['đã điền', 'mới', 'khác']);
    expect(listing()).toEqual(['bao-cao (2).xlsx', 'bao-cao.xlsx', 'khac.xlsx']);
  });

  it('leaves nothing behind when the drive is full, and says so', async () => {
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    await expect(call('saveFilesToFolder', { files: [file('bao-cao.xlsx', 'mới')] })).rejects.toThrow(/Ổ đĩa đã đầy/);
    expect(listing()).toEqual([]);
  });

  it('writes nothing when the user cancels the folder choice', async () => {
    folder = null;
    expect(await call('saveFilesToFolder', { files: [file('bao-cao.xlsx', 'mới')] })).toEqual({ saved: false, folder: null, count: 0, files: [] });
  });

  it('tells the user which files were saved under a new name', () => {
    const result = (renamed: number): SavedToFolder => ({
      saved: true,
      folder: 'D:\\Báo cáo',
      count: 10,
      files: Array.from({ length: 10 }, (_, i) => ({ fileName: i < renamed ? `Mẫu ${i} (2).xlsx` : `Mẫu ${i}.xlsx`, renamed: i < renamed })),
    });
    expect(savedToFolderMessage(result(0), 'biểu mẫu')).toBe('Đã lưu 10 biểu mẫu vào D:\\Báo cáo.');
    expect(savedToFolderMessage(result(3), 'biểu mẫu')).toBe(
      'Đã lưu 10 biểu mẫu vào D:\\Báo cáo.\n3 tệp đã có sẵn nên được lưu với tên mới (tệp cũ giữ nguyên): Mẫu 0 (2).xlsx; Mẫu 1 (2).xlsx; Mẫu 2 (2).xlsx.',
    );
    expect(savedToFolderMessage(result(8), 'biểu mẫu')).toMatch(/^Đã lưu 10 biểu mẫu .*\n8 tệp đã có sẵn .*Mẫu 4 \(2\)\.xlsx và 3 tệp khác\.$/);
  });
});

describe('opening a saved file', () => {
  async function saveAs(name: string): Promise<string> {
    savePath = path.join(out, name);
    await call('saveExportedFile', { file: file(name, 'nội dung') });
    return savePath;
  }

  it('opens a document the app saved in this session, whatever the case of its extension', async () => {
    const docx = await saveAs('Công văn.docx');
    const xlsx = await saveAs('BAO-CAO.XLSX');
    const zip = await saveAs('bieu-mau.Zip');
    const pdf = await saveAs('ban-in.pdf');
    for (const f of [docx, xlsx, zip, pdf]) await call('openSavedFile', { path: f });
    expect(opened).toEqual([docx, xlsx, zip, pdf]);
  });

  it('opens nothing the app did not save in this session', async () => {
    const other = path.join(out, 'tai-lieu.docx');
    fs.writeFileSync(other, 'không do NoiVu lưu');
    await expect(call('openSavedFile', { path: other })).rejects.toThrow('Chỉ mở được tệp vừa lưu từ NoiVu Desk.');
    await expect(call('openSavedFile', { path: path.join(out, 'khong-co.docx') })).rejects.toThrow(/Không tìm thấy tệp "khong-co.docx"/);
    expect(opened).toEqual([]);
  });

  it('opens no program or script, even one saved through the app', async () => {
    for (const name of ['chay.exe', 'lenh.BAT', 'lenh.cmd', 'loi-tat.lnk', 'ma.js', 'trang.html', 'lien-ket.url', 'khong-duoi', 'bao-cao.docx.exe', 'tep.docx ']) {
      const saved = await saveAs(name);
      await expect(call('openSavedFile', { path: saved }), name).rejects.toThrow(/chỉ mở tệp Word \(\.docx\), Excel \(\.xlsx\), PDF hoặc \.zip/);
    }
    expect(opened).toEqual([]);
  });

  it('judges the file a link points to, not the link’s name', async () => {
    const script = await saveAs('chay.cmd');
    const link = path.join(out, 'bao-cao.docx');
    fs.symlinkSync(script, link);
    await expect(call('openSavedFile', { path: link })).rejects.toThrow(/không mở "chay.cmd"/);
    expect(opened).toEqual([]);
  });
});
