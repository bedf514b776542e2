// Clipboard → body blocks of the document model, for the body editor's paste and for Word import.
// HTML (Word, web pages) keeps paragraphs, headings, list items and bold/italic/underline; plain
// text (PDF, Word, e-mail) is joined back into paragraphs; in both, the numbering of Vietnamese
// administrative texts (I., 1., 1.1., a), -, +, Điều 1.) becomes headings, items and articles.
import { htmlParagraphs } from './paste/html.js';
import { toBlock, type BlockOptions } from './paste/markers.js';
import { plainTextParagraphs } from './paste/plain-text.js';
import type { BodyBlock } from './paste/types.js';

export type { BodyBlock } from './paste/types.js';

export interface PasteInput { text?: string | undefined; html?: string | undefined }
export interface PasteOptions { /** The kind has articles ("Điều 1."): Quyết định. */ articles?: boolean }

export function parsePaste(input: PasteInput, options: PasteOptions = {}): BodyBlock[] {
  const blockOptions: BlockOptions = { articles: options.articles === true };
  // Clipboard data crosses untyped boundaries (renderer events, .docx import): anything else is empty.
  const html = typeof input?.html === 'string' ? input.html : '';
  const isMarkup = /<[a-z!]/i.test(html);
  if (isMarkup) {
    const blocks = htmlParagraphs(html).flatMap((p) => {
      const runs = p.label ? [{ text: `${p.label} ` }, ...p.runs] : p.runs;
      return toBlock(runs, p.hint, blockOptions) ?? [];
    });
    if (blocks.length) return blocks;
  }
  const text = typeof input?.text === 'string' && input.text.trim() ? input.text : isMarkup ? '' : html;
  return plainTextParagraphs(text).flatMap((p) => toBlock([{ text: p }], {}, blockOptions) ?? []);
}
