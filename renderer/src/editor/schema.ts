// The editor's schema: exactly what a body block of the document model can say (docs/document-model.md).
// No StarterKit: without its nodes, marks and input rules nothing else can be typed or parsed in.
import { Mark, Node, mergeAttributes, type Extensions } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Text from '@tiptap/extension-text';
import type { Style, TableBlock } from './mapping';

/** Styles each block kind prints with before any run's own (ND30; electron/documents/blocks.ts). */
export const BASE_STYLE: Record<string, Partial<Record<Style, boolean>>> = {
  h1: { bold: true },
  h2: { bold: true },
  h3: { bold: true, italic: true },
  h4: { italic: true },
};

/** "I. ", "1. ", "1.1. ", "a) " before a heading's text, as the engine prints it. */
export function headingPrefix(level: number, number: string | null): string {
  if (!number) return '';
  return `${level === 1 ? number.toLocaleUpperCase('vi') : number}${level === 4 ? ')' : '.'} `;
}

const DocumentNode = Document.extend({ content: 'block+' });

const Paragraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'text*',
  priority: 1000, // the default block: Enter at the end of a heading continues with a paragraph
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes, { class: 'nv-p' }), 0],
});

const Heading = Node.create({
  name: 'heading',
  group: 'block',
  content: 'text*',
  defining: true,
  addAttributes: () => ({
    level: { default: 2, rendered: false },
    number: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: 'h2' }],
  renderHTML: ({ node, HTMLAttributes }) => [
    'p',
    mergeAttributes(HTMLAttributes, {
      class: `nv-h nv-h${node.attrs.level as number}`,
      role: 'heading',
      'aria-level': String(node.attrs.level),
      'data-prefix': headingPrefix(node.attrs.level as number, node.attrs.number as string | null),
    }),
    0,
  ],
});

const Item = Node.create({
  name: 'item',
  group: 'block',
  content: 'text*',
  defining: true,
  addAttributes: () => ({ marker: { default: '-', rendered: false } }),
  parseHTML: () => [{ tag: 'li' }],
  renderHTML: ({ node, HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes, { class: 'nv-item', 'data-marker': `${node.attrs.marker as string} ` }), 0],
});

/** A table of the model: kept whole, not editable here. */
const ModelTable = Node.create({
  name: 'modelTable',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes: () => ({ block: { default: null, rendered: false } }),
  renderHTML: ({ node }) => {
    const t = node.attrs.block as TableBlock | null;
    return ['div', { class: 'nv-table', contenteditable: 'false' }, `Bảng (giữ nguyên)${t ? ` — ${t.columns.length} cột` : ''}`];
  },
});

/** bold / italic / underline; `value: false` un-styles text its block prints styled (part of a heading). */
function styleMark(name: Style, tag: string, offClass: string) {
  return Mark.create({
    name,
    addAttributes: () => ({ value: { default: true, rendered: false } }),
    parseHTML: () => [{ tag }],
    renderHTML: ({ mark }) => (mark.attrs.value === false ? ['span', { class: offClass }, 0] : [tag, 0]),
  });
}

export const SCHEMA_EXTENSIONS: Extensions = [
  DocumentNode,
  Paragraph,
  Heading,
  Item,
  ModelTable,
  Text,
  styleMark('bold', 'strong', 'nv-not-bold'),
  styleMark('italic', 'em', 'nv-not-italic'),
  styleMark('underline', 'u', 'nv-not-underline'),
];
