import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { Agency, AgencyGroup } from '../../../shared/agencies';
import {
  RECIPIENT_LIST_KINDS,
  type DistributionOptions,
  type RecipientList,
  type RecipientListKind,
} from '../../../shared/recipients';
import { api } from '../api';
import { Notice, type NoticeState } from '../components/Notice';
import { RecipientLinesEditor, fromLines, toLines, type EditorLine } from './RecipientLinesEditor';

interface Editor {
  id?: number;
  /** The revision of the list as loaded; sent with the save. */
  revision?: number;
  name: string;
  kind: RecipientListKind;
  lines: EditorLine[];
}


function fromList(list: RecipientList): Editor {
  return {
    id: list.id,
    revision: list.revision,
    name: list.name,
    kind: list.kind,
    lines: fromLines(list.lines),
  };
}


const EMPTY: Editor = { name: '', kind: 'noi-nhan', lines: [] };

export function RecipientListsPage() {
  const [lists, setLists] = useState<RecipientList[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [groups, setGroups] = useState<AgencyGroup[]>([]);
  const [editor, setEditor] = useState<Editor>(EMPTY);
  const [options, setOptions] = useState<DistributionOptions>({ electronic: false, withKinhGui: false, drafter: '' });
  const [preview, setPreview] = useState<{ printed: string[]; warnings: string[] }>({ printed: [], warnings: [] });
  const [message, setMessage] = useState<NoticeState>();

  const reload = useCallback(async () => {
    const [l, a, g] = await Promise.all([api.listRecipientLists({}), api.listAgencies({ query: '', tier: null, includeInactive: true }), api.listAgencyGroups({})]);
    setLists(l);
    setAgencies(a);
    setGroups(g);
  }, []);
  useEffect(() => {
    reload().catch((err: Error) => setMessage({ severity: 'error', text: err.message }));
  }, [reload]);

  useEffect(() => {
    const timer = setTimeout(() => {
      api.previewRecipientBlock({ kind: editor.kind, lines: toLines(editor.lines, true), options }).then(setPreview, (err: Error) =>
        setPreview({ printed: [], warnings: [err.message] }),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [editor.kind, editor.lines, options]);


  async function save() {
    try {
      const saved = await api.saveRecipientList({
        ...(editor.id ? { id: editor.id, revision: editor.revision } : {}),
        name: editor.name,
        kind: editor.kind,
        lines: toLines(editor.lines, false),
        electronic: options.electronic,
        drafter: options.drafter,
      });
      show(saved);
      setMessage({ severity: 'success', text: `Đã lưu danh sách "${saved.name}".` });
      await reload();
    } catch (err) {
      setMessage({ severity: 'error', text: (err as Error).message });
    }
  }

  /** Shows a list with the printing options it was saved with. */
  function show(list: RecipientList | null) {
    setEditor(list ? fromList(list) : EMPTY);
    setOptions({ electronic: list?.electronic ?? false, withKinhGui: false, drafter: list?.drafter ?? '' });
  }

  async function remove() {
    if (!editor.id || !window.confirm(`Xóa danh sách "${editor.name}"?`)) return;
    await api.deleteRecipientList({ id: editor.id });
    show(null);
    await reload();
  }


  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        Nơi nhận
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '200px minmax(0, 1fr) 320px', gap: 2, alignItems: 'start' }}>
        <Paper variant="outlined">
          <List dense aria-label="Danh sách đã lưu">
            <ListItemButton selected={!editor.id} onClick={() => show(null)}>
              <ListItemText primary="+ Danh sách mới" />
            </ListItemButton>
            {lists.map((l) => (
              <ListItemButton key={l.id} selected={editor.id === l.id} onClick={() => show(l)}>
                <ListItemText primary={l.name} secondary={`${RECIPIENT_LIST_KINDS[l.kind]} · ${l.lines.length} dòng`} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
        <Stack spacing={2}>
          <Notice notice={message} onClose={() => setMessage(undefined)} />
          <Stack direction="row" spacing={2}>
            <TextField label="Tên danh sách" required value={editor.name} onChange={(e) => setEditor({ ...editor, name: e.target.value })} />
            <TextField select sx={{ width: 200 }} label="Dùng cho" value={editor.kind} onChange={(e) => setEditor({ ...editor, kind: e.target.value as RecipientListKind })}>
              {Object.entries(RECIPIENT_LIST_KINDS).map(([k, label]) => (
                <MenuItem key={k} value={k}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <RecipientLinesEditor lines={editor.lines} agencies={agencies} groups={groups} onChange={(lines) => setEditor({ ...editor, lines })} />
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => void save()}>
              Lưu danh sách
            </Button>
            {editor.id && (
              <Button color="error" onClick={() => void remove()}>
                Xóa danh sách
              </Button>
            )}
          </Stack>
        </Stack>
        <Stack spacing={1}>
          <Typography variant="subtitle2">Khi đưa vào văn bản (lưu cùng danh sách)</Typography>
          {editor.kind === 'noi-nhan' && (
            <>
              <FormControlLabel
                control={<Checkbox checked={options.electronic} onChange={(e) => setOptions({ ...options, electronic: e.target.checked })} />}
                label='Có dòng "Gửi bản điện tử:" (cách làm của địa phương, không phải Nghị định 30)'
              />
              <FormControlLabel control={<Checkbox checked={options.withKinhGui} onChange={(e) => setOptions({ ...options, withKinhGui: e.target.checked })} />} label='Văn bản có Kính gửi (thêm "- Như trên;")' />
              <TextField label="Người soạn thảo (dòng Lưu)" value={options.drafter} onChange={(e) => setOptions({ ...options, drafter: e.target.value })} />
            </>
          )}
          <Paper variant="outlined" sx={{ p: 2, bgcolor: 'white', fontFamily: '"Times New Roman", "Liberation Serif", serif' }} aria-label="Xem trước khối in">
            {preview.printed.length === 0 && <Typography color="text.secondary">Chưa có gì để xem trước.</Typography>}
            {preview.printed.map((line, i) => (
              <div
                key={i}
                data-testid="printed-line"
                style={{
                  fontSize: i === 0 && editor.kind === 'noi-nhan' ? 16 : 14.5,
                  fontWeight: i === 0 && editor.kind === 'noi-nhan' ? 700 : 400,
                  fontStyle: (i === 0 && editor.kind === 'noi-nhan') || line === 'Gửi bản điện tử:' ? 'italic' : 'normal',
                }}
              >
                {line}
              </div>
            ))}
          </Paper>
          {preview.warnings.map((w) => (
            <Alert key={w} severity="warning">
              {w}
            </Alert>
          ))}
        </Stack>
      </Box>
    </Box>
  );
}
