// Giấy mời: Mẫu 1.4 (tên loại + trích yếu, Kính gửi when addressed), then the invitation, the
// time, the place, who chairs and who attends; the body (content, closing request) follows.
import type { Paragraph, TextRun } from 'docx';
import type { DocumentModel, Meeting } from '../../shared/document/model.js';
import { withListEnding } from '../../shared/nd30.js';
import { bodyParagraph } from './blocks.js';
import { SIZE } from './layout.js';
import { rawRun, run } from './runs.js';
import { namedKind, type KindLayout } from './named-kind.js';

const labelled = (label: string, value: string): TextRun[] => [rawRun(`${label}: `, { size: SIZE.body, bold: true }), run(value, { size: SIZE.body })];

/** The invitation ends like a sentence (or introduces what follows with ":"). */
const withSentenceEnd = (s: string) => (/[.:!?…]$/u.test(s) ? s : `${s}.`);

export function meetingParagraphs(meeting: Meeting): Paragraph[] {
  const out: Paragraph[] = [];
  if (meeting.invitation) out.push(bodyParagraph([run(withSentenceEnd(meeting.invitation), { size: SIZE.body })], true));
  out.push(bodyParagraph(labelled('Thời gian', withListEnding(meeting.time, true)), !meeting.invitation));
  out.push(bodyParagraph(labelled('Địa điểm', withListEnding(meeting.place, true))));
  if (meeting.chair) out.push(bodyParagraph(labelled('Chủ trì', withListEnding(meeting.chair, true))));
  const people = meeting.participants ?? [];
  if (people.length === 1) out.push(bodyParagraph(labelled('Thành phần', withListEnding(people[0]!, true))));
  else if (people.length > 1) {
    out.push(bodyParagraph([rawRun('Thành phần:', { size: SIZE.body, bold: true })]));
    people.forEach((p, i) => out.push(bodyParagraph([run(`- ${withListEnding(p, i === people.length - 1)}`, { size: SIZE.body })])));
  }
  return out;
}

export const giayMoi: KindLayout = {
  headerExtras: () => [],
  opening: (model: DocumentModel) => [...namedKind.opening(model), ...(model.meeting ? meetingParagraphs(model.meeting) : [])],
};
