import type { Plan } from '../../shared/plans';
import { ServiceError } from './errors';

const textOf = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.map((r) => (r as { text?: string }).text ?? '').join('') : '');

/** Content a reader gets: paragraphs, items or tables with text. Headings alone say nothing. */
function hasContent(body: unknown[]): boolean {
  return body.some((b) => {
    const block = b as { type?: string; text?: unknown; rows?: unknown[]; groups?: unknown[] };
    if (block.type === 'table') return Boolean(block.rows?.length || block.groups?.length);
    return (block.type === 'paragraph' || block.type === 'item') && textOf(block.text).trim().length > 0;
  });
}

/** A plan is issued only with a body to read. */
export function assertPlanIssuable(plan: Plan): void {
  if (!hasContent(plan.body)) {
    throw new ServiceError('VALIDATION', `Kế hoạch "${plan.title}" chưa có nội dung (phần Nội dung kế hoạch đang trống hoặc chỉ có đề mục). Hãy soạn nội dung trước khi ban hành.`);
  }
}

/** A report round asks agencies about tasks: a plan without any has nothing to ask. */
export function assertPlanHasTasks(plan: Plan): void {
  if (plan.tasks.length === 0) {
    throw new ServiceError('VALIDATION', `Kế hoạch "${plan.title}" chưa có nhiệm vụ nào (Phụ lục phân công nhiệm vụ trống), nên chưa mở được kỳ báo cáo. Hãy thêm nhiệm vụ vào kế hoạch trước.`);
  }
}
