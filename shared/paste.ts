// Clipboard → body blocks. Placeholder: the structured version (Word HTML, PDF text, markers) is being built.
import type { z } from 'zod';
import type { BlockSchema } from './document/model.js';
import { cleanText } from './text.js';

/** A body block of the document model, as the editor and the engine take it. */
export type BodyBlock = z.input<typeof BlockSchema>;

export interface PasteInput { text?: string | undefined; html?: string | undefined }
export interface PasteOptions { /** The kind has articles ("Điều 1."): Quyết định. */ articles?: boolean }

export function parsePaste(input: PasteInput, _options: PasteOptions = {}): BodyBlock[] {
  const text = input.text ?? '';
  return text
    .split(/\r?\n/)
    .map((l) => cleanText(l))
    .filter((l) => l.length > 0)
    .map((l) => ({ type: 'paragraph' as const, text: l }));
}
