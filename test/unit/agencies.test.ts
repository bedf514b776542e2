import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Agency, AgencyInput } from '../../shared/agencies';
import { VALID_PROFILE } from '../fixtures/profile';
import { useTestBackend } from '../fixtures/backend';

const { backend, call } = useTestBackend('agencies');

function agency(fullName: string, shortName: string, extra: Partial<AgencyInput> = {}): AgencyInput {
  return {
    fullName, shortName, abbreviation: '', tier: 'so-ban-nganh', parentId: null, protocolOrder: 100,
    email: '', phone: '', validFrom: null, validTo: null, replacedById: null, ...extra,
  };
}

const save = (a: AgencyInput, confirmDuplicate = false) => call<Agency>('saveAgency', { agency: a, confirmDuplicate });
const list = (query = '', includeInactive = false) => call<Agency[]>('listAgencies', { query, tier: null, includeInactive });

describe('agency registry', () => {
  it('finds agencies whatever the diacritics, and sorts them the Vietnamese way', async () => {
    for (const [full, short] of [
      ['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ'],
      ['Đài Phát thanh và Truyền hình Bắc Kạn', 'Đài Phát thanh - Truyền hình'],
      ['Ban Dân vận Tỉnh ủy', 'Ban Dân vận Tỉnh ủy'],
      ['Sở Y tế tỉnh Bắc Kạn', 'Sở Y tế'],
      ['Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban MTTQ'],
    ]) await save(agency(full!, short!));
    expect((await list('so noi vu')).map((a) => a.shortName)).toEqual(['Sở Nội vụ']);
    expect((await list('DAI PHAT')).map((a) => a.shortName)).toEqual(['Đài Phát thanh - Truyền hình']);
    expect((await list('  dân  vận ')).map((a) => a.shortName)).toEqual(['Ban Dân vận Tỉnh ủy']);
    expect((await list('so bac kan')).map((a) => a.shortName)).toEqual(['Sở Nội vụ', 'Sở Y tế']);
    expect((await list()).map((a) => a.shortName)).toEqual(['Ban Dân vận Tỉnh ủy', 'Đài Phát thanh - Truyền hình', 'Sở Nội vụ', 'Sở Y tế', 'Ủy ban MTTQ']);
  });

  it('warns about a likely duplicate and saves it only when confirmed', async () => {
    await save(agency('Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ', { abbreviation: 'SNV' }));
    await expect(save(agency('Sở Nội Vụ', 'Sở Nội Vụ'))).rejects.toMatchObject({ code: 'DUPLICATE', message: expect.stringContaining('Có thể trùng với cơ quan đã có: Sở Nội vụ') });
    await expect(save(agency('Cơ quan khác', 'Khác', { abbreviation: 'SNV' }))).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect(await list()).toHaveLength(1);
    await save(agency('Sở Nội Vụ', 'Sở Nội Vụ'), true);
    expect(await list()).toHaveLength(2);
  });

  it('refuses to delete an agency something refers to, and lets it be deactivated instead', async () => {
    const used = await save(agency('Sở Tư pháp tỉnh Bắc Kạn', 'Sở Tư pháp'));
    const free = await save(agency('Sở Tài chính tỉnh Bắc Kạn', 'Sở Tài chính'));
    await call('saveRecipientList', { name: 'Gửi các sở', kind: 'noi-nhan', lines: [{ type: 'agency', agencyId: used.id, note: '' }] });
    await expect(call('deleteAgency', { id: used.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('1 danh sách nơi nhận') });
    expect((await list()).find((a) => a.id === used.id)?.references).toBe(1);
    await call('setAgencyActive', { id: used.id, active: false });
    expect((await list()).map((a) => a.id)).toEqual([free.id]);
    expect((await list('', true)).map((a) => a.id).sort()).toEqual([used.id, free.id].sort());
    await call('deleteAgency', { id: free.id });
    expect(await list('', true)).toHaveLength(1);
  });

  it('keeps merged agencies under their old name and points new work at the successor', async () => {
    const { currentSuccessor } = await import('../../electron/services/agencies');
    const merged = await save(agency('Sở Thông tin và Truyền thông tỉnh Bắc Kạn', 'Sở Thông tin và Truyền thông'));
    const successor = await save(agency('Sở Khoa học và Công nghệ tỉnh Thái Nguyên', 'Sở Khoa học và Công nghệ'));
    await save({ ...agency('Sở Thông tin và Truyền thông tỉnh Bắc Kạn', 'Sở Thông tin và Truyền thông'), id: merged.id, revision: merged.revision, validTo: '2025-02-28', replacedById: successor.id }, true);
    await call('setAgencyActive', { id: merged.id, active: false });
    expect((await currentSuccessor(backend.database.db, merged.id)).id).toBe(successor.id);
    const preview = await call<{ printed: string[]; warnings: string[] }>('previewRecipientBlock', {
      kind: 'noi-nhan',
      lines: [{ type: 'agency', agencyId: merged.id, note: '' }],
      options: { electronic: false, withKinhGui: false, drafter: '' },
    });
    expect(preview.printed).toContain('- Sở Thông tin và Truyền thông;');
    expect(preview.warnings).toEqual(['Dòng 1: "Sở Thông tin và Truyền thông" đã được thay thế bởi "Sở Khoa học và Công nghệ".']);
    // a successor that points back is a loop
    await expect(save({ ...agency('Sở Khoa học và Công nghệ tỉnh Thái Nguyên', 'Sở Khoa học và Công nghệ'), id: successor.id, replacedById: merged.id }, true)).rejects.toThrow(/vòng lặp/);
    await expect(save({ ...agency('X', 'X'), validFrom: '2025-03-01', validTo: '2025-02-01' })).rejects.toThrow(/Hiệu lực đến: phải sau ngày bắt đầu/);
  });
});

describe('recipient lists', () => {
  it('prints a Nơi nhận block the way ND30 wants it', async () => {
    await call('saveIssuer', VALID_PROFILE);
    const tu = await save(agency('Thường trực Thành ủy', 'TT Thành ủy', { tier: 'tinh-uy-hdnd' }));
    const group = await call<{ id: number }>('saveAgencyGroup', { name: 'UBND các xã, phường', protocolOrder: 1, memberIds: [] });
    const lines = [
      { type: 'agency', agencyId: tu.id, note: '(để b/c)' },
      { type: 'text', text: 'CT, PCT UBND TP', note: '' },
      { type: 'group', groupId: group.id, note: '' },
    ];
    const saved = await call<{ labels: string[] }>('saveRecipientList', { name: 'Công văn gửi xã', kind: 'noi-nhan', lines });
    expect(saved.labels).toEqual(['TT Thành ủy (để b/c)', 'CT, PCT UBND TP', 'UBND các xã, phường']);
    const preview = await call<{ printed: string[] }>('previewRecipientBlock', { kind: 'noi-nhan', lines, options: { electronic: true, withKinhGui: true, drafter: 'Vân' } });
    expect(preview.printed).toEqual([
      'Nơi nhận:',
      'Gửi bản điện tử:',
      '- Như trên;',
      '- TT Thành ủy (để b/c);',
      '- CT, PCT UBND TP;',
      '- UBND các xã, phường;',
      '- Lưu: VT, NV (Vân).',
    ]);
    const kinhGui = await call<{ printed: string[] }>('previewRecipientBlock', { kind: 'kinh-gui', lines: lines.slice(1), options: { electronic: false, withKinhGui: false, drafter: '' } });
    expect(kinhGui.printed).toEqual(['Kính gửi:', '- CT, PCT UBND TP;', '- UBND các xã, phường.']);
    await expect(call('deleteAgencyGroup', { id: group.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('loads the sample agencies once, on request', async () => {
    expect(await list()).toHaveLength(0);
    const first = await call<{ agencies: number; groups: number; lists: number }>('loadSampleAgencies', {});
    expect(first.agencies).toBeGreaterThan(25);
    expect(first).toMatchObject({ groups: 3, lists: 1 });
    expect(await call('loadSampleAgencies', {})).toEqual({ agencies: 0, groups: 0, lists: 0 });
    const [sample] = await call<{ lines: unknown[]; labels: string[] }[]>('listRecipientLists', {});
    expect(sample!.labels).toContain('UBND các huyện, thành phố');
    expect(sample!.labels[0]).toBe('TT Tỉnh ủy');
  });
});

describe('import and export', () => {
  async function xlsx(rows: (string | number)[][]): Promise<string> {
    const template = await call<{ base64: string }>('getAgencyTemplate', {});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    sheet.spliceRows(2, 1);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  }

  it('shows every row error before writing anything, then imports all or nothing', async () => {
    const base64 = await xlsx([
      ['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ', 'SNV', 'Sở, ban, ngành', 10, '', '', '01/01/2020', ''],
      ['Ủy ban nhân dân huyện Ba Bể', 'UBND huyện Ba Bể', '', 'UBND cấp huyện', 20, 'ubnd@babe', '', '', '31/02/2025'],
      ['', 'Không có tên đầy đủ', '', 'Sở, ban, ngành', '', '', '', '', ''],
      ['Sở Nội vụ tỉnh Bắc Kạn', 'Trùng', '', 'Loại lạ', '', '', '', '', ''],
    ]);
    const preview = await call<{ rows: { row: number; action: string; errors: string[] }[] }>('importAgencies', { file: { fileName: 'co-quan.xlsx', base64 }, apply: false });
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([[2, 'create'], [3, 'error'], [4, 'error'], [5, 'error']]);
    expect(preview.rows[1]!.errors.join(' ')).toMatch(/Hiệu lực đến: "31\/02\/2025" không phải ngày/);
    expect(preview.rows[1]!.errors.join(' ')).toMatch(/Thư điện tử: không đúng dạng/);
    expect(preview.rows[2]!.errors.join(' ')).toMatch(/Tên đầy đủ: không được để trống/);
    expect(preview.rows[3]!.errors.join(' ')).toMatch(/Loại "Loại lạ" không có trong danh mục.*Trùng tên đầy đủ với dòng 2/);
    await expect(call('importAgencies', { file: { fileName: 'co-quan.xlsx', base64 }, apply: true })).rejects.toThrow(/chưa nhập gì/);
    expect(await list('', true)).toHaveLength(0);

    const good = await xlsx([
      ['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ', 'SNV', 'Sở, ban, ngành', 10, '', '', '01/01/2020', ''],
      ['Ủy ban nhân dân huyện Ba Bể', 'UBND huyện Ba Bể', '', 'UBND cấp huyện', 20, 'ubnd@babe.gov.vn', '', '', ''],
    ]);
    const applied = await call<{ created: number; applied: boolean }>('importAgencies', { file: { fileName: 'co-quan.xlsx', base64: good }, apply: true });
    expect(applied).toMatchObject({ created: 2, applied: true });
    expect((await list()).map((a) => [a.shortName, a.tier, a.validFrom])).toEqual([
      ['Sở Nội vụ', 'so-ban-nganh', '2020-01-01'],
      ['UBND huyện Ba Bể', 'ubnd-huyen', null],
    ]);
    // importing the same file again updates instead of duplicating
    const again = await call<{ created: number; updated: number }>('importAgencies', { file: { fileName: 'co-quan.xlsx', base64: good }, apply: true });
    expect(again).toMatchObject({ created: 0, updated: 2 });
    expect(await list()).toHaveLength(2);
  });

  it('reads a semicolon CSV with a BOM and decomposed Unicode, and exports to .xlsx', async () => {
    const csv = '\ufeffTên đầy đủ;Tên viết gọn;Viết tắt;Loại\n"Sở Tư pha\u0301p tỉnh Bắc Kạn";Sở Tư pháp;STP;so-ban-nganh\n';
    const result = await call<{ created: number }>('importAgencies', { file: { fileName: 'a.csv', base64: Buffer.from(csv).toString('base64') }, apply: true });
    expect(result.created).toBe(1);
    expect((await list('tu phap'))[0]?.fullName).toBe('Sở Tư pháp tỉnh Bắc Kạn');
    const exported = await call<{ fileName: string; base64: string }>('exportAgencies', {});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('Sở Tư pháp tỉnh Bắc Kạn');
  });

  it('refuses a file that is not a spreadsheet with a clear message', async () => {
    await expect(call('importAgencies', { file: { fileName: 'x.xlsx', base64: Buffer.from('not a zip').toString('base64') }, apply: false })).rejects.toThrow(/không phải là tệp Excel/);
    await expect(call('importAgencies', { file: { fileName: 'x.pdf', base64: '' }, apply: false })).rejects.toThrow(/Chỉ nhận tệp .xlsx hoặc .csv/);
  });
});
