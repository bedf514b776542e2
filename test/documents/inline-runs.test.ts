import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/documents/index.js';
import { readDocx, type Para } from './docx-xml.js';
import { baseModel } from './fixtures.js';

describe('inline runs in the body', () => {
  it('prints bold, italic and underlined runs as marked, and the rest plain', async () => {
    const model = baseModel();
    model.body = [
      { type: 'paragraph', text: [{ text: 'Thứ nhất', italic: true }, { text: ', ' }, { text: 'nâng cao', bold: true }, { text: ' chất lượng ' }, { text: 'phục vụ', underline: true }, { text: '.' }] },
    ];
    const docx = await readDocx(await renderDocument(model));
    const paras = docx.sections.flatMap((s) => s.blocks).filter((b): b is Para => b.kind === 'p');
    const body = paras.find((p) => p.text.includes('Thứ nhất'))!;
    const runOf = (t: string) => body.runs.find((r) => r.text.includes(t))!.props;
    expect(runOf('Thứ nhất')).toMatchObject({ i: true });
    expect(runOf('nâng cao')).toMatchObject({ b: true });
    expect(runOf('phục vụ').u).toBe(true);
    expect(runOf('chất lượng').u).toBeFalsy();
    expect(runOf('chất lượng').b).toBeFalsy();
  });
});

describe('a level-1 heading with styled runs', () => {
  it('prints every run in capitals, keeping the space between runs', async () => {
    const model = baseModel();
    model.body = [{ type: 'heading', level: 1, number: 'II', text: [{ text: 'Nội dung ' }, { text: 'trọng tâm', italic: true }] }, ...model.body];
    const docx = await readDocx(await renderDocument(model));
    const heading = docx.sections.flatMap((s) => s.blocks).find((b): b is Para => b.kind === 'p' && b.text.startsWith('II. '))!;
    expect(heading.text).toBe('II. NỘI DUNG TRỌNG TÂM');
    expect(heading.runs.find((r) => r.text.includes('TRỌNG TÂM'))!.props.i).toBe(true);
  });
});
