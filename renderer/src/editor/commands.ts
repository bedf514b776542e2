// Editing commands of the body editor: block kinds, Tab levels, ND30-aware bold/italic/underline.
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { BASE_STYLE } from './schema';
import type { Style } from './mapping';

export type BlockKind = 'h1' | 'h2' | 'h3' | 'h4' | 'paragraph' | '-' | '+';
type Dispatch = ((tr: Transaction) => void) | undefined;

export const BLOCK_KINDS: Record<BlockKind, { label: string; keys: string }> = {
  h1: { label: 'Mục (I., II.)', keys: 'Ctrl+Alt+1' },
  h2: { label: 'Khoản (1., 2.)', keys: 'Ctrl+Alt+2' },
  h3: { label: 'Điểm (1.1.)', keys: 'Ctrl+Alt+3' },
  h4: { label: 'Điểm (a), b))', keys: 'Ctrl+Alt+4' },
  paragraph: { label: 'Đoạn văn', keys: 'Ctrl+Alt+0' },
  '-': { label: 'Gạch đầu dòng "-"', keys: 'Ctrl+Alt+-' },
  '+': { label: 'Gạch đầu dòng "+"', keys: 'Ctrl+Alt+=' },
};

export function kindOf(node: PmNode): BlockKind | null {
  if (node.type.name === 'heading') return `h${node.attrs.level as 1 | 2 | 3 | 4}`;
  if (node.type.name === 'item') return node.attrs.marker as '-' | '+';
  if (node.type.name === 'paragraph') return 'paragraph';
  return null;
}

function baseKey(node: PmNode): string {
  return node.type.name === 'heading' ? `h${node.attrs.level as number}` : node.type.name;
}

/** Whether text in `block` prints with `style` when it carries no mark of its own. */
export function baseStyle(block: PmNode, style: Style): boolean {
  return BASE_STYLE[baseKey(block)]?.[style] ?? false;
}

/** Text blocks touched by the selection, with their positions. */
function selectedBlocks(state: EditorState): Array<{ node: PmNode; pos: number }> {
  const { from, to } = state.selection;
  const out: Array<{ node: PmNode; pos: number }> = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) out.push({ node, pos });
    return !node.isTextblock;
  });
  return out;
}

export function setBlockKind(kind: BlockKind) {
  return (state: EditorState, dispatch: Dispatch): boolean => {
    const blocks = selectedBlocks(state);
    if (!blocks.length) return false;
    const { heading, item, paragraph } = state.schema.nodes;
    const tr = state.tr;
    for (const { node, pos } of blocks) {
      if (kind === 'paragraph') tr.setNodeMarkup(pos, paragraph);
      else if (kind === '-' || kind === '+') tr.setNodeMarkup(pos, item, { marker: kind });
      else tr.setNodeMarkup(pos, heading, { level: Number(kind[1]), number: node.type === heading ? node.attrs.number : null });
    }
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}

/** Tab / Shift+Tab: a heading one level down / up (1–4), an item "-" ↔ "+". Elsewhere nothing (focus moves on). */
export function shiftLevel(delta: 1 | -1) {
  return (state: EditorState, dispatch: Dispatch): boolean => {
    const blocks = selectedBlocks(state).filter(({ node }) => node.type.name === 'heading' || node.type.name === 'item');
    if (!blocks.length) return false;
    const tr = state.tr;
    for (const { node, pos } of blocks) {
      if (node.type.name === 'heading') tr.setNodeAttribute(pos, 'level', Math.min(4, Math.max(1, (node.attrs.level as number) + delta)));
      else tr.setNodeAttribute(pos, 'marker', delta > 0 ? '+' : '-');
    }
    dispatch?.(tr);
    return true;
  };
}

/** Whether the selection reads as `style` (its own mark, or its block's print style). */
export function isStyleActive(state: EditorState, style: Style): boolean {
  const type = state.schema.marks[style]!;
  const { from, to, empty, $from } = state.selection;
  if (empty) {
    const mark = type.isInSet(state.storedMarks ?? $from.marks());
    return mark ? mark.attrs.value !== false : baseStyle($from.parent, style);
  }
  let all = true;
  let any = false;
  state.doc.nodesBetween(from, to, (node, _pos, parent) => {
    if (!node.isText || !parent) return;
    any = true;
    const mark = type.isInSet(node.marks);
    if (!(mark ? mark.attrs.value !== false : baseStyle(parent, style))) all = false;
  });
  return any && all;
}

/**
 * Ctrl+B/I/U. What is printed decides: in a bold heading, Ctrl+B makes the words plain (a
 * `value: false` mark), in a paragraph it makes them bold; a mark equal to the block's style is removed.
 */
export function toggleStyle(style: Style) {
  return (state: EditorState, dispatch: Dispatch): boolean => {
    const type = state.schema.marks[style]!;
    const wanted = !isStyleActive(state, style);
    const { from, to, empty, $from } = state.selection;
    const tr = state.tr;
    if (empty) {
      tr.removeStoredMark(type);
      if (wanted !== baseStyle($from.parent, style)) tr.addStoredMark(type.create({ value: wanted }));
      dispatch?.(tr);
      return true;
    }
    for (const { node, pos } of selectedBlocks(state)) {
      const start = Math.max(from, pos + 1);
      const end = Math.min(to, pos + 1 + node.content.size);
      if (start >= end) continue;
      tr.removeMark(start, end, type);
      if (wanted !== baseStyle(node, style)) tr.addMark(start, end, type.create({ value: wanted }));
    }
    dispatch?.(tr);
    return true;
  };
}

/** Enter in an item continues the list with the same marker; Enter in an empty item ends the list. */
export function enterInItem(state: EditorState, dispatch: Dispatch): boolean {
  const { $from, empty } = state.selection;
  const node = $from.parent;
  if (node.type.name !== 'item' || !empty) return false;
  if (node.content.size === 0) {
    dispatch?.(state.tr.setNodeMarkup($from.before(), state.schema.nodes.paragraph));
    return true;
  }
  dispatch?.(state.tr.split($from.pos, 1, [{ type: node.type, attrs: node.attrs }]).scrollIntoView());
  return true;
}

/** Backspace at the start of an item or heading makes it a paragraph first (as Word removes a bullet). */
export function backspaceToParagraph(state: EditorState, dispatch: Dispatch): boolean {
  const { $from, empty } = state.selection;
  const node = $from.parent;
  if (!empty || $from.parentOffset !== 0 || (node.type.name !== 'item' && node.type.name !== 'heading')) return false;
  dispatch?.(state.tr.setNodeMarkup($from.before(), state.schema.nodes.paragraph));
  return true;
}

/** Plain text of the block holding the cursor (for the snippet library). */
export function currentBlockText(state: EditorState): string {
  return state.selection.$from.parent.textContent;
}
