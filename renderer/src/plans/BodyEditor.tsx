import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import Alert from '@mui/material/Alert';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { api } from '../api';
import { SnippetDialog } from './SnippetDialog';

/** The body as the editor holds it: headings, paragraphs and "- "/"+ " items (tables stay as they are). */
export type EditorBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; number?: string; text: unknown }
  | { type: 'paragraph'; text: unknown }
  | { type: 'item'; marker: '-' | '+'; text: unknown }
  | { type: 'table'; [key: string]: unknown };

const KINDS = {
  h1: 'Mục (I., II.)',
  h2: 'Khoản (1., 2.)',
  h3: 'Điểm (1.1.)',
  h4: 'Điểm (a), b))',
  paragraph: 'Đoạn văn',
  '-': 'Gạch đầu dòng "-"',
  '+': 'Gạch đầu dòng "+"',
} as const;
type Kind = keyof typeof KINDS;

function kindOf(b: EditorBlock): Kind | 'table' {
  if (b.type === 'heading') return `h${b.level}` as Kind;
  if (b.type === 'item') return b.marker;
  return b.type;
}

/** Runs (bold/italic parts) are edited as their plain text. */
function plain(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map((r: { text?: string }) => r.text ?? '').join('');
  return '';
}

function convert(b: EditorBlock, kind: Kind): EditorBlock {
  const text = 'text' in b ? b.text : '';
  if (kind.startsWith('h')) return { type: 'heading', level: Number(kind[1]) as 1 | 2 | 3 | 4, number: b.type === 'heading' ? (b.number ?? '') : '', text };
  if (kind === '-' || kind === '+') return { type: 'item', marker: kind, text };
  return { type: 'paragraph', text };
}

export function BodyEditor(props: { blocks: EditorBlock[]; readOnly: boolean; onChange: (blocks: EditorBlock[]) => void }) {
  const { blocks, readOnly } = props;
  const [picking, setPicking] = useState(false);
  const [notice, setNotice] = useState<string>();
  const toLibrary = async (b: EditorBlock) => {
    const text = plain('text' in b ? b.text : '').trim();
    if (!text) return;
    try {
      await api.saveSnippet({ title: text.slice(0, 60) + (text.length > 60 ? '…' : ''), text });
      setNotice('Đã lưu đoạn vào thư viện đoạn mẫu.');
    } catch (err) {
      setNotice((err as Error).message);
    }
  };
  const set = (i: number, b: EditorBlock) => props.onChange(blocks.map((x, j) => (j === i ? b : x)));
  const move = (i: number, d: number) => {
    const next = [...blocks];
    const [b] = next.splice(i, 1);
    next.splice(i + d, 0, b!);
    props.onChange(next);
  };
  return (
    <Stack spacing={1}>
      {blocks.map((b, i) => {
        const kind = kindOf(b);
        if (kind === 'table') return <Paper key={i} variant="outlined" sx={{ p: 1 }}>(Bảng — giữ nguyên)</Paper>;
        return (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField select disabled={readOnly} sx={{ width: 170, flexShrink: 0 }} label="Loại" value={kind} onChange={(e) => set(i, convert(b, e.target.value as Kind))}>
              {Object.entries(KINDS).map(([k, label]) => (
                <MenuItem key={k} value={k}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
            {b.type === 'heading' && (
              <TextField disabled={readOnly} sx={{ width: 70, flexShrink: 0 }} label="Số" value={b.number ?? ''} onChange={(e) => set(i, { ...b, number: e.target.value })} />
            )}
            <TextField
              disabled={readOnly}
              multiline
              label={`Khối ${i + 1}`}
              value={plain('text' in b ? b.text : '')}
              onChange={(e) => set(i, { ...b, text: e.target.value } as EditorBlock)}
              sx={{ '& textarea': { fontWeight: b.type === 'heading' ? 600 : 400 } }}
            />
            {!readOnly && (
              <Stack direction="row">
                <IconButton size="small" aria-label={`Đưa khối ${i + 1} lên`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton size="small" aria-label={`Đưa khối ${i + 1} xuống`} disabled={i === blocks.length - 1} onClick={() => move(i, 1)}>
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
                <IconButton size="small" aria-label={`Lưu khối ${i + 1} vào thư viện đoạn mẫu`} onClick={() => void toLibrary(b)}>
                  <BookmarkAddIcon fontSize="small" />
                </IconButton>
                <IconButton size="small" aria-label={`Xóa khối ${i + 1}`} onClick={() => props.onChange(blocks.filter((_, j) => j !== i))}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Stack>
            )}
          </Stack>
        );
      })}
      {!readOnly && (
        <Stack direction="row" spacing={1}>
          <Button onClick={() => props.onChange([...blocks, { type: 'paragraph', text: '' }])}>+ Đoạn văn</Button>
          <Button onClick={() => props.onChange([...blocks, { type: 'heading', level: 2, number: '', text: '' }])}>+ Đề mục</Button>
          <Button onClick={() => props.onChange([...blocks, { type: 'item', marker: '-', text: '' }])}>+ Gạch đầu dòng</Button>
          <Button onClick={() => setPicking(true)}>Chèn đoạn mẫu…</Button>
        </Stack>
      )}
      {notice && (
        <Alert severity="info" onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      {picking && (
        <SnippetDialog
          onClose={() => setPicking(false)}
          onPick={(snippet) => {
            props.onChange([...blocks, { type: 'paragraph', text: snippet.text }]);
            setPicking(false);
          }}
        />
      )}
    </Stack>
  );
}
