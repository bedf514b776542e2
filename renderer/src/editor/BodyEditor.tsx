import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import DeleteIcon from '@mui/icons-material/Delete';
import FormatBoldIcon from '@mui/icons-material/FormatBold';
import FormatIndentDecreaseIcon from '@mui/icons-material/FormatIndentDecrease';
import FormatIndentIncreaseIcon from '@mui/icons-material/FormatIndentIncrease';
import FormatItalicIcon from '@mui/icons-material/FormatItalic';
import FormatUnderlinedIcon from '@mui/icons-material/FormatUnderlined';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import RedoIcon from '@mui/icons-material/Redo';
import UndoIcon from '@mui/icons-material/Undo';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { Placeholder, UndoRedo } from '@tiptap/extensions';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { closeHistory } from '@tiptap/pm/history';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { parsePaste, type BodyBlock } from '../../../shared/paste';
import { api } from '../api';
import { SnippetDialog } from '../plans/SnippetDialog';
import { BLOCK_KINDS, currentBlockText, isStyleActive, kindOf, moveBlock, setBlockKind, shiftLevel, toggleStyle, type BlockKind } from './commands';
import { EditorHelp } from './EditorHelp';
import { BodyKeymap } from './keymap';
import { toEditor, toModel, type PmDoc } from './mapping';
import { insertAfterCursor, StructuredPaste } from './paste';
import { SCHEMA_EXTENSIONS } from './schema';
import { bodyEditorSx } from './styles';

type Command = (state: EditorState, dispatch: ((tr: Transaction) => void) | undefined) => boolean;

export interface BodyEditorProps {
  blocks: readonly BodyBlock[];
  readOnly: boolean;
  onChange: (blocks: BodyBlock[]) => void;
  /** Names the text area for screen readers and tests ("Nội dung"). */
  label?: string;
  /** A short body inside a larger form (a Chỉ thị assignment): smaller, its toolbar shown once it is focused. */
  dense?: boolean;
}

/** The body of a document as it will print: headings, paragraphs, "-"/"+" items, bold/italic/underline. */
export function BodyEditor(props: BodyEditorProps) {
  const { readOnly } = props;
  const latest = useRef(props);
  latest.current = props;
  // Arrays this editor reported: one of them coming back is its own echo, anything else is a reload.
  const emitted = useRef(new WeakSet<readonly BodyBlock[]>([props.blocks]));
  const [picking, setPicking] = useState(false);
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [active, setActive] = useState(false);

  const editor = useEditor({
    extensions: [...SCHEMA_EXTENSIONS, UndoRedo, Placeholder.configure({ placeholder: 'Gõ hoặc dán nội dung…' }), StructuredPaste, BodyKeymap],
    content: toEditor(props.blocks),
    editable: !readOnly,
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: { 'aria-label': props.label ?? 'Nội dung', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
    },
    onUpdate: ({ editor: e }) => {
      const blocks = toModel(e.getJSON() as PmDoc);
      emitted.current.add(blocks);
      latest.current.onChange(blocks);
    },
  });

  useEffect(() => {
    if (emitted.current.has(props.blocks)) return;
    emitted.current.add(props.blocks);
    if (!editor.isFocused) setActive(false);
    // A fresh state, not setContent: Ctrl+Z must not bring back what was shown before (another assignment's text after a move).
    const { state } = editor.view;
    editor.view.updateState(EditorState.create({ schema: state.schema, doc: state.schema.nodeFromJSON(toEditor(props.blocks)), plugins: state.plugins }));
  }, [editor, props.blocks]);
  // false: switching to read-only is not an edit (it would mark the record unsaved)
  useEffect(() => editor.setEditable(!readOnly, false), [editor, readOnly]);

  const exec = (command: Command) => {
    editor.view.focus();
    command(editor.view.state, editor.view.dispatch);
  };
  const toLibrary = async () => {
    const text = currentBlockText(editor.state).trim();
    if (!text) return setNotice('Khối đang chọn chưa có chữ để lưu vào thư viện đoạn mẫu.');
    try {
      await api.saveSnippet({ title: text.slice(0, 60) + (text.length > 60 ? '…' : ''), text });
      setNotice('Đã lưu đoạn vào thư viện đoạn mẫu.');
    } catch (err) {
      setNotice((err as Error).message);
    }
  };

  return (
    <Stack spacing={1} onFocus={() => setActive(true)}>
      {!readOnly && (!props.dense || active) && <Toolbar editor={editor} exec={exec} onSnippet={() => setPicking(true)} onLibrary={() => void toLibrary()} onHelp={() => setHelp(true)} />}
      <Box sx={bodyEditorSx(readOnly, props.dense ?? false)}>
        <EditorContent editor={editor} />
      </Box>
      {notice && (
        <Alert severity="info" onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      {help && <EditorHelp onClose={() => setHelp(false)} />}
      {picking && (
        <SnippetDialog
          onClose={() => setPicking(false)}
          onPick={(snippet) => {
            setPicking(false);
            editor.view.focus();
            editor.view.dispatch(insertAfterCursor(editor.view.state, parsePaste({ text: snippet.text })));
          }}
        />
      )}
    </Stack>
  );
}

function Tool(props: { label: string; keys?: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactElement }) {
  const title = props.keys ? `${props.label} (${props.keys})` : props.label;
  return (
    <Tooltip title={title}>
      <span>
        <IconButton
          size="small"
          aria-label={title}
          aria-pressed={props.active}
          disabled={props.disabled}
          color={props.active ? 'primary' : 'default'}
          // keep the cursor where it is in the text
          onMouseDown={(e) => e.preventDefault()}
          onClick={props.onClick}
        >
          {props.children}
        </IconButton>
      </span>
    </Tooltip>
  );
}

function Toolbar(props: { editor: Editor; exec: (c: Command) => void; onSnippet: () => void; onLibrary: () => void; onHelp: () => void }) {
  const { editor, exec } = props;
  const { state } = editor;
  const block = state.selection.$from.parent;
  const kind = kindOf(block);
  const headingPos = block.type.name === 'heading' ? state.selection.$from.before() : null;
  return (
    <Stack direction="row" role="toolbar" aria-label="Định dạng nội dung" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap', position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.paper', py: 0.5 }} useFlexGap>
      <TextField
        select
        size="small"
        label="Loại khối"
        value={kind ?? ''}
        disabled={!kind}
        sx={{ width: 210 }}
        onChange={(e) => exec(setBlockKind(e.target.value as BlockKind))}
        slotProps={{ select: { renderValue: (v) => BLOCK_KINDS[v as BlockKind]?.label ?? '', MenuProps: { disableRestoreFocus: true } } }}
      >
        {Object.entries(BLOCK_KINDS).map(([k, v]) => (
          <MenuItem key={k} value={k}>
            {v.label} — {v.keys}
          </MenuItem>
        ))}
      </TextField>
      {headingPos !== null && (
        <TextField
          size="small"
          label="Số đề mục"
          sx={{ width: 100 }}
          value={(block.attrs.number as string | null) ?? ''}
          onChange={(e) => editor.view.dispatch(editor.state.tr.setNodeAttribute(headingPos, 'number', e.target.value || null))}
        />
      )}
      <Tool label="Xuống một cấp" keys="Tab" onClick={() => exec(shiftLevel(1))}>
        <FormatIndentIncreaseIcon fontSize="small" />
      </Tool>
      <Tool label="Lên một cấp" keys="Shift+Tab" onClick={() => exec(shiftLevel(-1))}>
        <FormatIndentDecreaseIcon fontSize="small" />
      </Tool>
      <Divider orientation="vertical" flexItem />
      <Tool label="Chữ đậm" keys="Ctrl+B" active={isStyleActive(state, 'bold')} onClick={() => exec(toggleStyle('bold'))}>
        <FormatBoldIcon fontSize="small" />
      </Tool>
      <Tool label="Chữ nghiêng" keys="Ctrl+I" active={isStyleActive(state, 'italic')} onClick={() => exec(toggleStyle('italic'))}>
        <FormatItalicIcon fontSize="small" />
      </Tool>
      <Tool label="Gạch chân" keys="Ctrl+U" active={isStyleActive(state, 'underline')} onClick={() => exec(toggleStyle('underline'))}>
        <FormatUnderlinedIcon fontSize="small" />
      </Tool>
      <Divider orientation="vertical" flexItem />
      <Tool label="Hoàn tác" keys="Ctrl+Z" disabled={!editor.can().undo()} onClick={() => editor.chain().focus().undo().run()}>
        <UndoIcon fontSize="small" />
      </Tool>
      <Tool label="Làm lại" keys="Ctrl+Y" disabled={!editor.can().redo()} onClick={() => editor.chain().focus().redo().run()}>
        <RedoIcon fontSize="small" />
      </Tool>
      <Tool label="Đưa khối đang chọn lên" keys="Alt+↑" onClick={() => exec(moveBlock(-1))}>
        <ArrowUpwardIcon fontSize="small" />
      </Tool>
      <Tool label="Đưa khối đang chọn xuống" keys="Alt+↓" onClick={() => exec(moveBlock(1))}>
        <ArrowDownwardIcon fontSize="small" />
      </Tool>
      <Tool label="Xoá khối đang chọn (hoàn tác được)" onClick={() => exec(deleteBlock)}>
        <DeleteIcon fontSize="small" />
      </Tool>
      <Divider orientation="vertical" flexItem />
      <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={props.onSnippet}>
        Chèn đoạn mẫu…
      </Button>
      <Tool label="Lưu khối đang chọn vào thư viện đoạn mẫu" onClick={props.onLibrary}>
        <BookmarkAddIcon fontSize="small" />
      </Tool>
      <Tool label="Phím tắt của trình soạn thảo" onClick={props.onHelp}>
        <KeyboardIcon fontSize="small" />
      </Tool>
    </Stack>
  );
}

/** The block holding the cursor (or the selected table), removed in one undoable step. */
const deleteBlock: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const sel = state.selection as { node?: { nodeSize: number } };
  const [from, to] = sel.node ? [state.selection.from, state.selection.to] : [$from.before(1), $from.after(1)];
  let tr = closeHistory(state.tr).delete(from, to);
  if (tr.doc.childCount === 0) tr = tr.insert(0, state.schema.nodes.paragraph!.create());
  dispatch?.(tr.scrollIntoView());
  return true;
};
