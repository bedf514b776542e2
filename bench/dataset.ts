// The large database of the benchmark, generated with direct SQL in one transaction (same tables
// and columns as electron/db/migrations). Deterministic: the same seed gives the same file.
import type BetterSqlite3 from 'better-sqlite3';
import { defaultPlanBody } from '../electron/services/plan-template.js';
import { agencySearchKey } from '../electron/services/agencies.js';
import type { AgencyTier } from '../shared/agencies.js';
import { foldVietnamese } from '../shared/text.js';

export interface DatasetSize {
  agencies: number;
  plans: number;
  tasks: number;
}

export interface DatasetInfo extends DatasetSize {
  coordinators: number;
  /** A plan with exactly 300 tasks (for the export) and one with 50 (for getPlan). */
  exportPlanId: number;
  fiftyPlanId: number;
  /** The agency that leads the most tasks (Sở Nội vụ), for the per-agency query. */
  busiestLeadId: number;
  /** Report entries (one per task and reporting agency and round) and the round of plan 1. */
  reportEntries: number;
  bigRoundId: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface AgencySeed {
  full: string;
  short: string;
  abbr: string;
  tier: AgencyTier;
  parent?: number;
}

const SO = [
  'Nội vụ', 'Tư pháp', 'Tài chính', 'Kế hoạch và Đầu tư', 'Xây dựng', 'Giao thông vận tải', 'Y tế', 'Giáo dục và Đào tạo',
  'Lao động - Thương binh và Xã hội', 'Văn hóa, Thể thao và Du lịch', 'Tài nguyên và Môi trường', 'Nông nghiệp và Phát triển nông thôn',
  'Công Thương', 'Khoa học và Công nghệ', 'Thông tin và Truyền thông', 'Ngoại vụ',
];
const OTHER_PROVINCIAL = ['Văn phòng Ủy ban nhân dân tỉnh', 'Thanh tra tỉnh', 'Ban Dân tộc tỉnh', 'Ban Quản lý các khu công nghiệp tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh', 'Đài Phát thanh - Truyền hình tỉnh'];
const HUYEN = ['Thành phố Bắc Kạn', 'Huyện Ba Bể', 'Huyện Bạch Thông', 'Huyện Chợ Đồn', 'Huyện Chợ Mới', 'Huyện Na Rì', 'Huyện Ngân Sơn', 'Huyện Pác Nặm'];
const PHONG = ['Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch', 'Văn phòng HĐND và UBND'];
const SYL1 = ['Đồng', 'Quảng', 'Cao', 'Nông', 'Yên', 'Bằng', 'Lương', 'Xuân', 'Thượng', 'Hà', 'Kim', 'Phương', 'Đại', 'Tân', 'Văn', 'Côn', 'Vũ', 'Cẩm', 'Hảo', 'Lãng'];
const SYL2 = ['Lạc', 'Bạch', 'Thịnh', 'Hạ', 'Phong', 'Thành', 'Minh', 'Sơn', 'Hiệu', 'Giang', 'Lĩnh', 'Viên', 'Đức', 'Lộc', 'Nghĩa', 'Hòa', 'Tiến', 'Bình', 'Dương', 'Mỹ'];

const initials = (s: string) => foldVietnamese(s).split(/[\s,-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('');

function agencySeeds(count: number): AgencySeed[] {
  const out: AgencySeed[] = [
    { full: 'Bộ Nội vụ', short: 'Bộ Nội vụ', abbr: 'BNV', tier: 'trung-uong' },
    { full: 'Văn phòng Chính phủ', short: 'Văn phòng Chính phủ', abbr: 'VPCP', tier: 'trung-uong' },
    { full: 'Tỉnh ủy Bắc Kạn', short: 'Tỉnh ủy', abbr: 'TU', tier: 'tinh-uy-hdnd' },
    { full: 'Hội đồng nhân dân tỉnh Bắc Kạn', short: 'HĐND tỉnh', abbr: 'HĐND', tier: 'tinh-uy-hdnd' },
    { full: 'Ủy ban nhân dân tỉnh Bắc Kạn', short: 'UBND tỉnh', abbr: 'UBND', tier: 'ubnd-tinh' },
    { full: 'Chủ tịch Ủy ban nhân dân tỉnh', short: 'Chủ tịch UBND tỉnh', abbr: '', tier: 'ubnd-tinh' },
    ...SO.map((n): AgencySeed => ({ full: `Sở ${n} tỉnh Bắc Kạn`, short: `Sở ${n}`, abbr: `S${initials(n)}`, tier: 'so-ban-nganh' })),
    ...OTHER_PROVINCIAL.map((n): AgencySeed => ({ full: `${n} Bắc Kạn`, short: n, abbr: initials(n), tier: 'so-ban-nganh' })),
    ...['Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'Cục Thuế tỉnh', 'Kho bạc Nhà nước tỉnh', 'Bảo hiểm xã hội tỉnh', 'Cục Thống kê tỉnh'].map(
      (n): AgencySeed => ({ full: `${n} Bắc Kạn`, short: n, abbr: initials(n), tier: 'tw-tren-dia-ban' }),
    ),
    ...['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn', 'Hội Nông dân tỉnh', 'Liên đoàn Lao động tỉnh'].map(
      (n): AgencySeed => ({ full: `${n} Bắc Kạn`, short: n, abbr: initials(n), tier: 'mat-tran-doan-the' }),
    ),
    { full: 'Báo Bắc Kạn', short: 'Báo Bắc Kạn', abbr: 'BBK', tier: 'bao-chi' },
  ];
  const huyenIds: number[] = [];
  const lower = (h: string) => h.replace(/^Huyện/, 'huyện').replace(/^Thành phố/, 'thành phố');
  for (const h of HUYEN) {
    huyenIds.push(out.length + 1);
    out.push({ full: `Ủy ban nhân dân ${lower(h)}`, short: `UBND ${lower(h)}`, abbr: '', tier: 'ubnd-huyen' });
  }
  HUYEN.forEach((h, i) => {
    for (const p of PHONG) out.push({ full: `${p} ${lower(h)}`, short: `${p} ${h.replace(/^Huyện /, '')}`, abbr: '', tier: 'khac', parent: huyenIds[i] });
  });
  for (let k = 0; out.length < count; k++) {
    const name = `${SYL1[k % SYL1.length]} ${SYL2[Math.floor(k / SYL1.length) % SYL2.length]}${k >= SYL1.length * SYL2.length ? ` ${Math.floor(k / 400) + 1}` : ''}`;
    const h = k % HUYEN.length;
    out.push({ full: `Ủy ban nhân dân xã ${name}, ${lower(HUYEN[h]!)}`, short: `UBND xã ${name}`, abbr: '', tier: 'ubnd-xa', parent: huyenIds[h] });
  }
  return out.slice(0, count);
}

const VERBS = ['Tăng cường', 'Đẩy mạnh', 'Rà soát, hoàn thiện', 'Nâng cao chất lượng', 'Tổ chức thực hiện', 'Kiểm tra, đôn đốc', 'Tuyên truyền, phổ biến'];
const OBJECTS = [
  'công tác công khai, minh bạch thủ tục hành chính tại Bộ phận Một cửa',
  'việc tiếp nhận, giải quyết hồ sơ trực tuyến toàn trình',
  'công tác tiếp công dân, giải quyết khiếu nại, tố cáo',
  'việc niêm yết công khai danh sách hộ nghèo, ngân sách xã',
  'kỷ luật, kỷ cương hành chính trong thực thi công vụ',
  'chất lượng cung ứng dịch vụ y tế, giáo dục công lập',
  'ứng dụng công nghệ thông tin, chuyển đổi số trong cơ quan nhà nước',
  'đánh giá mức độ hài lòng của người dân, tổ chức',
];

/** Creates the rows in `sqlite` (already migrated) inside one transaction. */
export function fillDatabase(sqlite: BetterSqlite3.Database, size: DatasetSize, seed = 20241125): DatasetInfo {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const now = '2024-11-25T08:00:00.000Z';
  let coordinators = 0;

  const run = sqlite.transaction((): DatasetInfo => {
    sqlite
      .prepare(
        `INSERT INTO issuers (id, label, parent_name, issuer_name, issuer_full_name, issuer_abbr, place, drafting_unit_abbr, signer_json, is_default, search_key, created_at, updated_at)
         VALUES (1, 'Sở Nội vụ', 'Ủy ban nhân dân tỉnh Bắc Kạn', 'Sở Nội vụ', 'Sở Nội vụ tỉnh Bắc Kạn', 'SNV', 'Bắc Kạn', 'CCHC',
                 '{"authority":["KT. GIÁM ĐỐC"],"title":"PHÓ GIÁM ĐỐC","name":"Nguyễn Văn An"}', 1, 'so noi vu', ?, ?)`,
      )
      .run(now, now);

    // Agencies: provincial departments first, then districts, their offices and communes.
    const addAgency = sqlite.prepare(
      `INSERT INTO agencies (full_name, short_name, abbreviation, tier, parent_id, protocol_order, email, phone, valid_from, valid_to, replaced_by_id, active, search_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '', NULL, ?, ?, ?, ?, ?, ?)`,
    );
    const seeds = agencySeeds(size.agencies);
    const communes: number[] = [];
    const activeIds: number[] = [];
    seeds.forEach((a, i) => {
      const id = i + 1;
      const merged = a.tier === 'ubnd-xa' && communes.length > 0 && r() < 0.06; // some communes merged into a neighbour
      const replacedBy = merged ? pick(communes) : null;
      addAgency.run(a.full, a.short, a.abbr, a.tier, a.parent ?? null, (i + 1) * 10, a.abbr ? `${a.abbr.toLowerCase()}@backan.gov.vn` : '', merged ? '2024-12-31' : null, replacedBy, merged ? 0 : 1, agencySearchKey({ fullName: a.full, shortName: a.short, abbreviation: a.abbr }), now, now);
      if (a.tier === 'ubnd-xa' && !merged) communes.push(id);
      if (!merged) activeIds.push(id);
    });
    const leadPool = seeds.flatMap((a, i) => (a.tier === 'so-ban-nganh' || a.tier === 'ubnd-huyen' ? [i + 1] : []));
    const busiestLeadId = seeds.findIndex((a) => a.short === 'Sở Nội vụ') + 1;

    // Groups and recipient lists, so the reference counts of listAgencies have something to count.
    const addGroup = sqlite.prepare('INSERT INTO agency_groups (name, protocol_order, search_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const addMember = sqlite.prepare('INSERT INTO agency_group_members (group_id, agency_id) VALUES (?, ?)');
    const groupDefs: [string, AgencyTier][] = [['Các sở, ban, ngành', 'so-ban-nganh'], ['UBND các huyện, thành phố', 'ubnd-huyen'], ['UBND các xã, phường, thị trấn', 'ubnd-xa']];
    groupDefs.forEach(([name, tier], g) => {
      const gid = Number(addGroup.run(name, g, foldVietnamese(name), now, now).lastInsertRowid);
      seeds.forEach((a, i) => a.tier === tier && addMember.run(gid, i + 1));
    });
    const addList = sqlite.prepare("INSERT INTO recipient_lists (name, kind, search_key, created_at, updated_at) VALUES (?, 'noi-nhan', ?, ?, ?)");
    const addLine = sqlite.prepare("INSERT INTO recipient_list_lines (list_id, position, agency_id, group_id, text, note) VALUES (?, ?, ?, NULL, '', '')");
    for (let l = 0; l < 20; l++) {
      const lid = Number(addList.run(`Danh sách nơi nhận ${l + 1}`, `danh sach noi nhan ${l + 1}`, now, now).lastInsertRowid);
      for (let p = 0; p < 25; p++) addLine.run(lid, p, pick(activeIds));
    }

    // Index components a task may answer: the leaves of each index.
    const comps = sqlite.prepare('SELECT id, index_id FROM index_components c WHERE NOT EXISTS (SELECT 1 FROM index_components k WHERE k.parent_id = c.id)').all() as { id: number; index_id: number }[];
    const leaves = new Map<number, number[]>();
    for (const c of comps) leaves.set(c.index_id, [...(leaves.get(c.index_id) ?? []), c.id]);
    const indexIds = [...leaves.keys()];

    const addPlan = sqlite.prepare(
      `INSERT INTO plans (title, index_id, index_year, draft_year, body_json, grouping, appendix_title, distribution_json, signer_json, status, number, issued_date, search_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const addTask = sqlite.prepare(
      `INSERT INTO plan_tasks (plan_id, position, component_id, component_label, content, lead_agency_id, lead_group_id, lead_text, deadline_json, expected_output)
       VALUES (?, ?, ?, ?, ?, ?, NULL, '', ?, ?)`,
    );
    const addCoordinator = sqlite.prepare("INSERT INTO plan_task_coordinators (task_id, position, agency_id, group_id, text) VALUES (?, ?, ?, NULL, '')");
    const addRound = sqlite.prepare(
      `INSERT INTO report_rounds (plan_id, kind, name, period_from, period_to, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const addSubmission = sqlite.prepare(
      `INSERT INTO report_submissions (round_id, agency_id, received_at, on_time, source, current) VALUES (?, ?, ?, ?, 'bench', 1)`,
    );
    const addEntry = sqlite.prepare(
      `INSERT INTO report_entries (submission_id, task_id, role, status, result, evidence, difficulties, proposals) VALUES (?, ?, ?, ?, 'Đã triển khai.', '', '', '')`,
    );
    const STATUSES = ['hoan-thanh-dung-han', 'hoan-thanh-qua-han', 'dang-thuc-hien-trong-han', 'qua-han-chua-hoan-thanh', 'khong-thuc-hien'];
    let reportEntries = 0;
    let bigRoundId = 0;
    /** One round a plan (two for every tenth): every reporting agency has sent its form. */
    const report = (planId: number, year: number, tasks: { id: number; lead: number; coords: number[] }[]) => {
      for (const [kind, name] of p10(planId) ? [['nam', `Năm ${year}`], ['6-thang', `6 tháng ${year}`]] : [['nam', `Năm ${year}`]]) {
        const roundId = Number(addRound.run(planId, kind, name, `${year - 1}-12-15`, `${year}-12-14`, `${year}-12-12`, now, now).lastInsertRowid);
        if (planId === 1 && kind === 'nam') bigRoundId = roundId;
        const submissions = new Map<number, number>();
        const submission = (agencyId: number) => {
          let id = submissions.get(agencyId);
          if (id === undefined) {
            id = Number(addSubmission.run(roundId, agencyId, `${year}-12-${r() < 0.8 ? '10' : '14'}T08:00:00.000Z`, r() < 0.8 ? 1 : 0).lastInsertRowid);
            submissions.set(agencyId, id);
          }
          return id;
        };
        for (const t of tasks) {
          addEntry.run(submission(t.lead), t.id, 'chu-tri', pick(STATUSES));
          for (const c of t.coords) if (c !== t.lead) addEntry.run(submission(c), t.id, 'phoi-hop', pick(STATUSES));
          reportEntries += 1 + t.coords.filter((c) => c !== t.lead).length;
        }
      }
    };
    const p10 = (planId: number) => planId % 10 === 1;
    const body = JSON.stringify(defaultPlanBody());
    const signer = JSON.stringify({ authority: ['KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: 'Đỗ Thị Minh Hoa' });
    const numbers = new Map<number, number>();

    // Plan 1 has 300 tasks, plan 2 has 50; the rest share what is left.
    const rest = size.tasks - 350;
    const perPlan = (p: number) => (p === 1 ? 300 : p === 2 ? 50 : Math.floor(rest / (size.plans - 2)) + (p - 3 < rest % (size.plans - 2) ? 1 : 0));
    for (let p = 1; p <= size.plans; p++) {
      const year = p <= 2 ? 2025 : 2019 + (p % 8);
      const indexId = p <= 2 ? indexIds[0]! : r() < 0.8 ? pick(indexIds) : null;
      const issued = p > 2 && year < 2025 && r() < 0.85;
      const number = issued ? (numbers.set(year, (numbers.get(year) ?? 0) + 1), numbers.get(year)!) : null;
      const title = `Kế hoạch cải cách hành chính năm ${year} — nâng cao chỉ số số ${p}`;
      const distribution = JSON.stringify({ lines: Array.from({ length: 6 }, () => ({ type: 'agency', agencyId: pick(activeIds), note: '' })), options: { electronic: true, withKinhGui: false, drafter: 'Vân' } });
      addPlan.run(title, indexId, indexId ? year - 1 : null, year, body, p % 10 === 0 ? 'component' : 'lead', 'Các nhiệm vụ, giải pháp cụ thể', distribution, signer, issued ? 'issued' : 'draft', number, issued ? `${year}-03-${String((p % 27) + 1).padStart(2, '0')}` : null, foldVietnamese(title), now, `2024-${String((p % 12) + 1).padStart(2, '0')}-01T00:00:00.000Z`);
      const n = perPlan(p);
      const planTasks: { id: number; lead: number; coords: number[] }[] = [];
      for (let pos = 0; pos < n; pos++) {
        const lead = p <= 2 || r() < 0.7 ? (r() < 0.25 ? busiestLeadId : pick(leadPool)) : pick(activeIds);
        const k = r();
        const deadline =
          k < 0.3 ? { kind: 'thuong-xuyen' }
          : k < 0.55 ? { kind: 'quy', quarter: 1 + Math.floor(r() * 4), year }
          : k < 0.65 ? { kind: 'thang', month: 1 + Math.floor(r() * 12), year }
          : k < 0.85 ? { kind: 'ngay', date: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15` }
          : { kind: 'trong-nam', year };
        const content = `${pick(VERBS)} ${pick(OBJECTS)}.${r() < 0.1 ? `\nBáo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 năm ${year}.` : ''}`;
        const componentId = indexId ? pick(leaves.get(indexId)!) : null;
        const taskId = addTask.run(p, pos, componentId, componentId ? '' : 'Nhiệm vụ chung', content, lead, JSON.stringify(deadline), r() < 0.5 ? 'Báo cáo kết quả' : '').lastInsertRowid;
        const coords: number[] = [];
        if (r() < 0.4) {
          const m = 1 + Math.floor(r() * 3);
          for (let c = 0; c < m; c++) coords.push(pick(activeIds));
          coords.forEach((agencyId, c) => addCoordinator.run(taskId, c, agencyId));
          coordinators += m;
        }
        planTasks.push({ id: Number(taskId), lead, coords: [...new Set(coords)] });
      }
      report(p, year, planTasks);
    }
    return { ...size, coordinators, exportPlanId: 1, fiftyPlanId: 2, busiestLeadId, reportEntries, bigRoundId };
  });
  return run();
}
