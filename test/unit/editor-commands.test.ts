import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '../../shared/paste';
import { backspaceToParagraph, enterInItem, isStyleActive, moveBlock, setBlockKind, shiftLevel, toggleStyle } from '../../renderer/src/editor/commands';
import { toEditor, toModel, type PmDoc } from '../../renderer/src/editor/mapping';
import { blocksSlice, insertAfterCursor } from '../../renderer/src/editor/paste';
import { SCHEMA_EXTENSIONS } from '../../renderer/src/editor/schema';

const schema = getSchema(SCHEMA_EXTENSIONS);
type Command = (state: EditorState, dispatch: ((tr: Transaction) => void) | undefined) => boolean;

/** A state over `blocks` with the text between `from` and `to` of block `block` selected (offsets inside the block). */
function stateOf(blocks: BodyBlock[], block = 0, from = 0, to = from): EditorState {
  const doc = PmNode.fromJSON(schema, toEditor(blocks));
  let start = 0;
  for (let i = 0; i < block; i++) start += doc.child(i).nodeSize;
  return EditorState.create({ schema, doc, selection: TextSelection.create(doc, start + 1 + from, start + 1 + to) });
}
function run(state: EditorState, command: Command): { ran: boolean; state: EditorState; blocks: BodyBlock[] } {
  let next = state;
  const ran = command(state, (tr) => (next = state.apply(tr)));
  return { ran, state: next, blocks: toModel(next.doc.toJSON() as PmDoc) };
}

describe('body editor commands', () => {
  it('Ctrl+B makes words of a paragraph bold, and again plain', () => {
    const text = 'Đề nghị khẩn trương thực hiện.';
    const at = text.indexOf('khẩn trương');
    const on = run(stateOf([{ type: 'paragraph', text }], 0, at, at + 'khẩn trương'.length), toggleStyle('bold'));
    expect(on.blocks).toEqual([{ type: 'paragraph', text: [{ text: 'Đề nghị ' }, { text: 'khẩn trương', bold: true }, { text: ' thực hiện.' }] }]);
    expect(run(on.state, toggleStyle('bold')).blocks).toEqual([{ type: 'paragraph', text }]);
  });

  it('in a heading that prints bold, Ctrl+B makes the words plain (bold: false) and back', () => {
    const off = run(stateOf([{ type: 'heading', level: 2, number: '1', text: 'Kết quả năm 2026' }], 0, 8, 16), toggleStyle('bold'));
    expect(off.blocks).toEqual([{ type: 'heading', level: 2, number: '1', text: [{ text: 'Kết quả ' }, { text: 'năm 2026', bold: false }] }]);
    expect(isStyleActive(off.state, 'bold')).toBe(false);
    expect(run(off.state, toggleStyle('bold')).blocks).toEqual([{ type: 'heading', level: 2, number: '1', text: 'Kết quả năm 2026' }]);
  });

  it('knows the styles a block prints with: level 3 bold italic, level 4 italic only', () => {
    expect(isStyleActive(stateOf([{ type: 'heading', level: 3, text: 'Điểm' }], 0, 1), 'italic')).toBe(true);
    expect(isStyleActive(stateOf([{ type: 'heading', level: 3, text: 'Điểm' }], 0, 1), 'bold')).toBe(true);
    expect(isStyleActive(stateOf([{ type: 'heading', level: 4, text: 'Điểm' }], 0, 1), 'bold')).toBe(false);
    expect(isStyleActive(stateOf([{ type: 'paragraph', text: 'Đoạn' }], 0, 1), 'italic')).toBe(false);
  });

  it('Tab / Shift+Tab move a heading between levels 1 and 4 (no further) and an item between "-" and "+"', () => {
    let s = stateOf([{ type: 'heading', level: 3, number: 'a', text: 'Điểm' }], 0, 1);
    s = run(s, shiftLevel(1)).state;
    const deepest = run(s, shiftLevel(1));
    expect(deepest.blocks).toEqual([{ type: 'heading', level: 4, number: 'a', text: 'Điểm' }]);
    let up = deepest.state;
    for (let i = 0; i < 5; i++) up = run(up, shiftLevel(-1)).state;
    expect(toModel(up.doc.toJSON() as PmDoc)).toEqual([{ type: 'heading', level: 1, number: 'a', text: 'Điểm' }]);

    const item = run(stateOf([{ type: 'item', marker: '-', text: 'Ý' }], 0, 1), shiftLevel(1));
    expect(item.blocks).toEqual([{ type: 'item', marker: '+', text: 'Ý' }]);
    expect(run(item.state, shiftLevel(-1)).blocks).toEqual([{ type: 'item', marker: '-', text: 'Ý' }]);
  });

  it('Tab in a paragraph is not taken (focus moves on to the next control)', () => {
    expect(run(stateOf([{ type: 'paragraph', text: 'Đoạn' }], 0, 1), shiftLevel(1)).ran).toBe(false);
  });

  it('changes the kind of every selected block; a heading keeps its number between levels', () => {
    const blocks: BodyBlock[] = [{ type: 'heading', level: 2, number: '3', text: 'Khoản' }, { type: 'paragraph', text: 'Đoạn' }];
    expect(run(stateOf(blocks, 0, 1), setBlockKind('h3')).blocks[0]).toEqual({ type: 'heading', level: 3, number: '3', text: 'Khoản' });
    const doc = PmNode.fromJSON(schema, toEditor(blocks));
    const all = EditorState.create({ schema, doc, selection: TextSelection.create(doc, 1, doc.content.size - 1) });
    expect(run(all, setBlockKind('+')).blocks).toEqual([{ type: 'item', marker: '+', text: 'Khoản' }, { type: 'item', marker: '+', text: 'Đoạn' }]);
  });

  it('Enter in an item continues with the same marker; in an empty item it ends the list', () => {
    const split = run(stateOf([{ type: 'item', marker: '+', text: 'Thứ nhấtThứ hai' }], 0, 8), enterInItem);
    expect(split.blocks).toEqual([{ type: 'item', marker: '+', text: 'Thứ nhất' }, { type: 'item', marker: '+', text: 'Thứ hai' }]);
    const doc = PmNode.fromJSON(schema, { type: 'doc', content: [{ type: 'item', attrs: { marker: '-' } }] });
    const empty = run(EditorState.create({ schema, doc, selection: TextSelection.create(doc, 1) }), enterInItem);
    expect(empty.state.doc.firstChild?.type.name).toBe('paragraph');
  });

  it('Backspace at the start of a heading makes it a paragraph, elsewhere it is left to the editor', () => {
    expect(run(stateOf([{ type: 'heading', level: 1, number: 'I', text: 'Mục' }], 0, 0), backspaceToParagraph).blocks).toEqual([{ type: 'paragraph', text: 'Mục' }]);
    expect(run(stateOf([{ type: 'heading', level: 1, text: 'Mục' }], 0, 2), backspaceToParagraph).ran).toBe(false);
  });

  it('pasted blocks replace the selection: the first joins the text before the cursor, the last the text after it', () => {
    const state = stateOf([{ type: 'paragraph', text: 'Mở đầu: ĐÂY kết thúc.' }], 0, 8, 11);
    const pasted: BodyBlock[] = [{ type: 'paragraph', text: 'một.' }, { type: 'heading', level: 2, number: '2', text: 'Hai' }, { type: 'paragraph', text: 'ba' }];
    const next = state.apply(state.tr.replaceSelection(blocksSlice(schema, pasted)));
    expect(toModel(next.doc.toJSON() as PmDoc)).toEqual([
      { type: 'paragraph', text: 'Mở đầu: một.' },
      { type: 'heading', level: 2, number: '2', text: 'Hai' },
      { type: 'paragraph', text: 'ba kết thúc.' },
    ]);
  });

  it('a snippet goes in as its own block after the block holding the cursor, or replaces an empty block', () => {
    const snippet: BodyBlock[] = [{ type: 'paragraph', text: 'Đoạn mẫu.' }];
    const after = stateOf([{ type: 'paragraph', text: 'Một' }, { type: 'paragraph', text: 'Hai' }], 0, 1);
    expect(toModel(after.apply(insertAfterCursor(after, snippet)).doc.toJSON() as PmDoc)).toEqual([
      { type: 'paragraph', text: 'Một' },
      { type: 'paragraph', text: 'Đoạn mẫu.' },
      { type: 'paragraph', text: 'Hai' },
    ]);
    const doc = PmNode.fromJSON(schema, { type: 'doc', content: [{ type: 'heading', attrs: { level: 1, number: 'I' }, content: [{ type: 'text', text: 'Mục' }] }, { type: 'paragraph' }] });
    const empty = EditorState.create({ schema, doc, selection: TextSelection.create(doc, doc.content.size - 1) });
    const next = empty.apply(insertAfterCursor(empty, snippet));
    expect(next.doc.childCount).toBe(2);
    expect(toModel(next.doc.toJSON() as PmDoc)).toEqual([{ type: 'heading', level: 1, number: 'I', text: 'Mục' }, { type: 'paragraph', text: 'Đoạn mẫu.' }]);
  });

  it('Alt+↑ / Alt+↓ move the block holding the cursor past its neighbour (a table too), not beyond the ends', () => {
    const table: BodyBlock = { type: 'table', columns: [{ header: 'TT', width: 6 }, { header: 'Nội dung', width: 60 }], rows: [['1', 'A']] };
    const blocks: BodyBlock[] = [{ type: 'paragraph', text: 'Một' }, table, { type: 'item', marker: '-', text: 'Ba' }];
    const up = run(stateOf(blocks, 2, 1), moveBlock(-1));
    expect(up.blocks).toEqual([{ type: 'paragraph', text: 'Một' }, { type: 'item', marker: '-', text: 'Ba' }, table]);
    expect(up.state.selection.$from.parent.textContent).toBe('Ba');
    const top = run(up.state, moveBlock(-1));
    expect(top.blocks.map((b) => b.type)).toEqual(['item', 'paragraph', 'table']);
    expect(run(top.state, moveBlock(-1)).ran).toBe(false);
    expect(run(stateOf(blocks, 0, 2), moveBlock(1)).blocks).toEqual([table, { type: 'paragraph', text: 'Một' }, { type: 'item', marker: '-', text: 'Ba' }]);
  });
});
