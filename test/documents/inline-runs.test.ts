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
