// Document defaults: Times New Roman in every font slot, Vietnamese, 14 pt, black. The docx
// library's built-in styles (headings, caption, hyperlink) carry blue colours: overridden to black.
import type { IStylesOptions } from 'docx';
import { FONT, LANG, SIZE } from './layout.js';

const fonts = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
const black = { run: { color: '000000' } };

export const ND30_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: fonts, size: SIZE.body * 2, sizeComplexScript: SIZE.body * 2, language: { value: LANG, eastAsia: LANG, bidirectional: LANG }, color: 'auto' },
      paragraph: { spacing: { before: 0, after: 0, line: 240 } },
    },
    title: black,
    heading1: black,
    heading2: black,
    heading3: black,
    heading4: black,
    heading5: black,
    heading6: black,
    caption: black,
    hyperlink: black,
  },
  paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: { font: fonts, size: SIZE.body * 2, color: 'auto' } }],
};
