import type { Block } from '../../shared/document/model';
import { formatScore, type IndexDefinition } from '../../shared/indices';

/** The usual sections of a Kế hoạch, with sentences specialists keep; they edit from here. */
export function defaultPlanBody(opening: Block[] = []): Block[] {
  const p = (text: string): Block => ({ type: 'paragraph', text });
  const h = (level: 1 | 2, number: string, text: string): Block => ({ type: 'heading', level, number, text });
  return [
    ...opening,
    h(1, 'I', 'Mục đích, yêu cầu'),
    h(2, '1', 'Mục đích'),
    p('Nâng cao trách nhiệm của người đứng đầu các cơ quan, đơn vị, địa phương và cán bộ, công chức, viên chức trong thực thi nhiệm vụ, phục vụ nhân dân.'),
    h(2, '2', 'Yêu cầu'),
    p('Các cơ quan, đơn vị được giao nhiệm vụ chủ động triển khai, bảo đảm đúng tiến độ và hiệu quả.'),
    h(1, 'II', 'Nội dung thực hiện'),
    p('(Chi tiết tại Phụ lục kèm theo)'),
    h(1, 'III', 'Tổ chức thực hiện'),
    p('Các cơ quan, đơn vị được giao chủ trì thực hiện các nhiệm vụ, giải pháp tại Phụ lục kèm theo Kế hoạch này xây dựng kế hoạch của đơn vị để triển khai thực hiện; cuối năm báo cáo kết quả thực hiện (qua Sở Nội vụ).'),
    h(1, 'IV', 'Kinh phí thực hiện'),
    p('Kinh phí thực hiện Kế hoạch do ngân sách nhà nước bảo đảm theo quy định của Luật Ngân sách nhà nước.'),
  ];
}

/** "Theo kết quả công bố Chỉ số PAPI năm 2021, tỉnh đạt 42,153/80 điểm, giảm 0,567 điểm so với năm 2020; xếp thứ 34/63…" */
export function resultSentence(index: IndexDefinition, year: number, current: { score: number | null; rank: number | null; rankOf: number | null }, previous?: { score: number | null; rank: number | null }): string {
  const parts: string[] = [];
  const unit = index.unit === 'phan-tram' ? '%' : index.totalMax ? `/${formatScore(index.totalMax)} điểm` : ' điểm';
  if (current.score !== null) {
    let s = `đạt ${formatScore(current.score)}${unit}`;
    if (previous?.score != null) {
      const d = Math.round((current.score - previous.score) * 10_000) / 10_000;
      s += d === 0 ? `, bằng năm ${year - 1}` : `, ${d < 0 ? 'giảm' : 'tăng'} ${formatScore(Math.abs(d))} ${index.unit === 'phan-tram' ? 'điểm phần trăm' : 'điểm'} so với năm ${year - 1}`;
    }
    parts.push(s);
  }
  if (current.rank !== null) {
    let s = `xếp thứ ${current.rank}${current.rankOf ? `/${current.rankOf}` : ''}`;
    if (previous?.rank != null && previous.rank !== current.rank) {
      const d = current.rank - previous.rank;
      s += `, ${d > 0 ? 'giảm' : 'tăng'} ${String(Math.abs(d)).padStart(2, '0')} bậc so với năm ${year - 1}`;
    }
    parts.push(s);
  }
  return `Theo kết quả công bố Chỉ số ${index.code} năm ${year}, tỉnh ${parts.join('; ') || 'chưa có số liệu'}.`;
}
