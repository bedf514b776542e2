import { formatVnDate } from './dates';
import { padNd30 } from './nd30';
import { foldVietnamese } from './text';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * "kết quả thực hiện Kế hoạch … năm 2025" with the round named only where it adds something:
 * round "Năm 2025" of a plan titled "… năm 2025" adds nothing; round "6 tháng đầu năm 2025" adds
 * "(6 tháng đầu năm)" without repeating the year.
 */
export function roundSubject(planTitle: string, roundName: string): string {
  const title = lowerFirst(planTitle.trim());
  const foldedTitle = foldVietnamese(title);
  let round = roundName.trim();
  // "năm 2025" → "năm", a bare "2025" dropped, when the title already names that year.
  for (const m of round.matchAll(/(năm\s+)?(\d{4})/giu)) if (foldedTitle.includes(m[2]!)) round = round.replace(m[0], m[1] ? 'năm' : '');
  round = round.replace(/\s+/g, ' ').replace(/^[\s,;-]+|[\s,;-]+$/g, '').trim();
  const folded = foldVietnamese(round);
  if (!round || folded === 'nam' || foldedTitle.includes(folded)) return `kết quả thực hiện ${title}`;
  return `kết quả thực hiện ${title} (${round.toLocaleLowerCase('vi')})`;
}

/** "Kế hoạch số 12/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân tỉnh về …": how letters cite a plan; a plan not issued yet is cited by its title. */
export function planReference(plan: { title: string; number: number | null; code: string; issuedDate: string | null }, issuer: string): string {
  const about = lowerFirst(plan.title.trim()).replace(/^kế hoạch\s+/iu, '');
  if (plan.number === null || !plan.issuedDate) return `Kế hoạch ${about}`;
  return `Kế hoạch số ${padNd30(plan.number)}/${plan.code} ngày ${formatVnDate(plan.issuedDate)}${issuer ? ` của ${issuer}` : ''} về ${about}`;
}
