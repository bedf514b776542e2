// The body editor's keyboard. The same table is shown in the editor's help (KEYBOARD_HELP) and the README.
import { Extension } from '@tiptap/core';
import { BLOCK_KINDS, backspaceToParagraph, enterInItem, moveBlock, setBlockKind, shiftLevel, toggleStyle, type BlockKind } from './commands';

export const KEYBOARD_HELP: Array<[string, string]> = [
  ['Ctrl+B / Ctrl+I / Ctrl+U', 'Chữ đậm / nghiêng / gạch chân (trong đề mục đã in đậm, Ctrl+B bỏ đậm)'],
  ['Ctrl+Z', 'Hoàn tác (cả khi xoá khối)'],
  ['Ctrl+Y hoặc Ctrl+Shift+Z', 'Làm lại'],
  ['Ctrl+S', 'Lưu ngay'],
  ['Tab / Shift+Tab', 'Đề mục: xuống / lên một cấp (Mục → Khoản → Điểm); gạch đầu dòng: "-" ↔ "+". Ở đoạn văn, Tab chuyển sang nút kế tiếp'],
  ...(Object.values(BLOCK_KINDS).map((k) => [k.keys, `Đổi khối thành ${k.label}`]) as Array<[string, string]>),
  ['Alt+↑ / Alt+↓', 'Đưa khối đang chọn lên / xuống'],
  ['Enter', 'Khối mới (trong gạch đầu dòng: dòng mới cùng dấu; dòng trống: về đoạn văn)'],
  ['Backspace ở đầu đề mục / gạch đầu dòng', 'Đổi thành đoạn văn'],
  ['Ctrl+V', 'Dán: nhiều đoạn thành nhiều khối, đề mục và gạch đầu dòng được nhận ra'],
];

const KIND_KEYS: Record<string, BlockKind> = { 'Mod-Alt-1': 'h1', 'Mod-Alt-2': 'h2', 'Mod-Alt-3': 'h3', 'Mod-Alt-4': 'h4', 'Mod-Alt-0': 'paragraph', 'Mod-Alt--': '-', 'Mod-Alt-=': '+' };

// Ctrl+S is the page's (useSaveShortcut), wherever the focus is.
export const BodyKeymap = Extension.create({
  name: 'bodyKeymap',
  addKeyboardShortcuts() {
    const run = (command: (s: typeof this.editor.state, d: typeof this.editor.view.dispatch) => boolean) => () =>
      this.editor.isEditable && command(this.editor.state, this.editor.view.dispatch);
    return {
      'Mod-b': run(toggleStyle('bold')),
      'Mod-i': run(toggleStyle('italic')),
      'Mod-u': run(toggleStyle('underline')),
      Tab: run(shiftLevel(1)),
      'Shift-Tab': run(shiftLevel(-1)),
      Enter: run(enterInItem),
      Backspace: run(backspaceToParagraph),
      'Alt-ArrowUp': run(moveBlock(-1)),
      'Alt-ArrowDown': run(moveBlock(1)),
      ...Object.fromEntries(Object.entries(KIND_KEYS).map(([key, kind]) => [key, run(setBlockKind(kind))])),
    };
  },
});
