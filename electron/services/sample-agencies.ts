import type { Kysely } from 'kysely';
import type { AgencyTier } from '../../shared/agencies';
import { foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { saveAgency } from './agencies';
import { saveAgencyGroup } from './agency-groups';
import { saveRecipientList } from './recipient-lists';

type Sample = [fullName: string, shortName: string, abbreviation: string, tier: AgencyTier];

/** The agencies named in the reference documents (Bắc Kạn, 2022–2024), in Nơi nhận order. */
const AGENCIES: Sample[] = [
  ['Vụ Cải cách hành chính - Bộ Nội vụ', 'Vụ CCHC - Bộ Nội vụ', 'VCCHC', 'trung-uong'],
  ['Thường trực Tỉnh ủy Bắc Kạn', 'TT Tỉnh ủy', 'TU', 'tinh-uy-hdnd'],
  ['Thường trực Hội đồng nhân dân tỉnh Bắc Kạn', 'TT HĐND tỉnh', 'HĐND', 'tinh-uy-hdnd'],
  ['Ban Dân vận Tỉnh ủy Bắc Kạn', 'Ban Dân vận Tỉnh ủy', 'BDV', 'tinh-uy-hdnd'],
  ['Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh', 'CT, PCT UBND tỉnh', 'CT-PCT', 'ubnd-tinh'],
  ['Lãnh đạo Văn phòng Ủy ban nhân dân tỉnh', 'LĐVP', 'LĐVP', 'ubnd-tinh'],
  ['Văn phòng Ủy ban nhân dân tỉnh Bắc Kạn', 'Văn phòng UBND tỉnh', 'VP UBND', 'so-ban-nganh'],
  ['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ', 'SNV', 'so-ban-nganh'],
  ['Sở Tư pháp tỉnh Bắc Kạn', 'Sở Tư pháp', 'STP', 'so-ban-nganh'],
  ['Sở Tài chính tỉnh Bắc Kạn', 'Sở Tài chính', 'STC', 'so-ban-nganh'],
  ['Sở Y tế tỉnh Bắc Kạn', 'Sở Y tế', 'SYT', 'so-ban-nganh'],
  ['Sở Giáo dục và Đào tạo tỉnh Bắc Kạn', 'Sở Giáo dục và Đào tạo', 'SGDĐT', 'so-ban-nganh'],
  ['Sở Giao thông vận tải tỉnh Bắc Kạn', 'Sở Giao thông vận tải', 'SGTVT', 'so-ban-nganh'],
  ['Sở Công Thương tỉnh Bắc Kạn', 'Sở Công Thương', 'SCT', 'so-ban-nganh'],
  ['Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Kạn', 'Sở Nông nghiệp và Phát triển nông thôn', 'SNNPTNT', 'so-ban-nganh'],
  ['Sở Thông tin và Truyền thông tỉnh Bắc Kạn', 'Sở Thông tin và Truyền thông', 'STTTT', 'so-ban-nganh'],
  ['Sở Tài nguyên và Môi trường tỉnh Bắc Kạn', 'Sở Tài nguyên và Môi trường', 'STNMT', 'so-ban-nganh'],
  ['Sở Lao động - Thương binh và Xã hội tỉnh Bắc Kạn', 'Sở Lao động - Thương binh và Xã hội', 'SLĐTBXH', 'so-ban-nganh'],
  ['Thanh tra tỉnh Bắc Kạn', 'Thanh tra tỉnh', 'TTT', 'so-ban-nganh'],
  ['Công an tỉnh Bắc Kạn', 'Công an tỉnh', 'CAT', 'tw-tren-dia-ban'],
  ['Bảo hiểm xã hội tỉnh Bắc Kạn', 'Bảo hiểm xã hội tỉnh', 'BHXH', 'tw-tren-dia-ban'],
  ['Tòa án nhân dân tỉnh Bắc Kạn', 'Tòa án nhân dân tỉnh', 'TAND', 'tw-tren-dia-ban'],
  ['Viện kiểm sát nhân dân tỉnh Bắc Kạn', 'Viện kiểm sát nhân dân tỉnh', 'VKSND', 'tw-tren-dia-ban'],
  ['Bưu điện tỉnh Bắc Kạn', 'Bưu điện tỉnh', 'BĐT', 'tw-tren-dia-ban'],
  ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Kạn', 'Ủy ban MTTQ Việt Nam tỉnh', 'MTTQ', 'mat-tran-doan-the'],
  ['Liên đoàn Lao động tỉnh Bắc Kạn', 'Liên đoàn Lao động tỉnh', 'LĐLĐ', 'mat-tran-doan-the'],
  ['Báo Bắc Kạn', 'Báo Bắc Kạn', 'BBK', 'bao-chi'],
  ['Đài Phát thanh và Truyền hình Bắc Kạn', 'Đài Phát thanh - Truyền hình Bắc Kạn', 'ĐPTTH', 'bao-chi'],
  ['Công ty Điện lực Bắc Kạn', 'Công ty điện lực Bắc Kạn', 'PCBK', 'doanh-nghiep'],
  ['Công ty cổ phần Cấp thoát nước tỉnh Bắc Kạn', 'Công ty cổ phần cấp thoát nước tỉnh', 'CTN', 'doanh-nghiep'],
  ['Ủy ban nhân dân thành phố Bắc Kạn', 'UBND thành phố Bắc Kạn', 'UBND TP', 'ubnd-huyen'],
];

const GROUPS: { name: string; tier: AgencyTier }[] = [
  { name: 'Các sở, ban, ngành thuộc tỉnh', tier: 'so-ban-nganh' },
  { name: 'UBND các huyện, thành phố', tier: 'ubnd-huyen' },
  { name: 'UBND các xã, phường, thị trấn', tier: 'ubnd-xa' },
];

/** Loads the sample agencies, groups and the Nơi nhận list of the Kế hoạch example; skips what exists. */
export async function loadSampleAgencies(db: Kysely<Database>): Promise<{ agencies: number; groups: number; lists: number }> {
  return transactional(db, async (trx) => {
    const existing = new Map((await trx.selectFrom('agencies').select(['id', 'full_name']).execute()).map((a) => [foldVietnamese(a.full_name), a.id]));
    const ids = new Map<string, number>();
    let agencies = 0;
    for (const [i, [fullName, shortName, abbreviation, tier]] of AGENCIES.entries()) {
      let id = existing.get(foldVietnamese(fullName));
      if (id === undefined) {
        const saved = await saveAgency(trx, {
          fullName, shortName, abbreviation, tier, parentId: null, protocolOrder: (i + 1) * 10,
          email: '', phone: '', validFrom: null, validTo: null, replacedById: null, confirmDuplicate: true,
        });
        id = saved.id;
        agencies++;
      }
      ids.set(shortName, id);
    }
    const groupNames = new Set((await trx.selectFrom('agency_groups').select('search_key').execute()).map((g) => g.search_key));
    const groupIds = new Map<string, number>();
    let groups = 0;
    for (const [i, g] of GROUPS.entries()) {
      if (groupNames.has(foldVietnamese(g.name))) continue;
      const members = AGENCIES.filter((a) => a[3] === g.tier).map((a) => ids.get(a[1])!);
      groupIds.set(g.name, (await saveAgencyGroup(trx, { name: g.name, protocolOrder: (i + 1) * 100, memberIds: members })).id);
      groups++;
    }
    let lists = 0;
    const listExists = await trx.selectFrom('recipient_lists').select('id').where('search_key', '=', foldVietnamese('Kế hoạch gửi các cơ quan tỉnh')).executeTakeFirst();
    if (!listExists && groupIds.size === GROUPS.length) {
      const agency = (shortName: string) => ({ type: 'agency' as const, agencyId: ids.get(shortName)!, note: '' });
      const group = (name: string) => ({ type: 'group' as const, groupId: groupIds.get(name)!, note: '' });
      await saveRecipientList(trx, {
        name: 'Kế hoạch gửi các cơ quan tỉnh',
        kind: 'noi-nhan',
        lines: [
          agency('TT Tỉnh ủy'), agency('TT HĐND tỉnh'), agency('CT, PCT UBND tỉnh'), agency('Ủy ban MTTQ Việt Nam tỉnh'),
          agency('Ban Dân vận Tỉnh ủy'), agency('Công an tỉnh'), agency('Bảo hiểm xã hội tỉnh'), agency('Tòa án nhân dân tỉnh'),
          agency('Viện kiểm sát nhân dân tỉnh'), group('Các sở, ban, ngành thuộc tỉnh'), agency('LĐVP'),
          agency('Công ty điện lực Bắc Kạn'), group('UBND các huyện, thành phố'), { type: 'text', text: 'Phòng Nội vụ các huyện, thành phố', note: '' },
          group('UBND các xã, phường, thị trấn'),
        ],
      });
      lists++;
    }
    return { agencies, groups, lists };
  });
}
