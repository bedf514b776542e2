// The only way outside content enters the editor: the clipboard (or a drop) goes through parsePaste,
// so pasted text is cleaned and split into the model's blocks before it is shown.
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Schema } from '@tiptap/pm/model';
import { closeHistory } from '@tiptap/pm/history';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { parsePaste, type BodyBlock } from '../../../shared/paste';
import { blockToEditor } from './mapping';

/** Blocks as a slice whose first and last text blocks join the text around the cursor. */
export function blocksSlice(schema: Schema, blocks: readonly BodyBlock[]): Slice {
  const nodes = blocks.map((b) => schema.nodeFromJSON(blockToEditor(b)));
  const openStart = nodes[0]?.isTextblock ? 1 : 0;
  const openEnd = nodes[nodes.length - 1]?.isTextblock ? 1 : 0;
  return new Slice(Fragment.from(nodes), openStart, openEnd);
}

/** Replaces the selection with the blocks (its own undo step). */
export function insertBlocks(view: EditorView, blocks: readonly BodyBlock[]): void {
  if (!blocks.length) return;
  view.dispatch(closeHistory(view.state.tr).replaceSelection(blocksSlice(view.state.schema, blocks)).scrollIntoView());
}

function fromTransfer(data: DataTransfer | null): BodyBlock[] {
  if (!data) return [];
  return parsePaste({ text: data.getData('text/plain') || undefined, html: data.getData('text/html') || undefined });
}

export const StructuredPaste = Extension.create({
  name: 'structuredPaste',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('structuredPaste'),
        props: {
          handlePaste(view, event) {
            if (view.editable) insertBlocks(view, fromTransfer(event.clipboardData));
            return true;
          },
          handleDrop(view, event, _slice, moved) {
            if (moved) return false; // blocks moved inside the editor are already the model's
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (view.editable && at) {
              const blocks = fromTransfer(event.dataTransfer);
              if (blocks.length) {
                view.dispatch(view.state.tr.replaceRange(at.pos, at.pos, blocksSlice(view.state.schema, blocks)).scrollIntoView());
              }
            }
            return true;
          },
        },
      }),
    ];
  },
});
