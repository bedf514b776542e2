import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Snippet } from '../../../shared/snippets';
import { api } from '../api';

/** Pick a paragraph from the library (search ignores diacritics). */
export function SnippetDialog(props: { onClose: () => void; onPick: (s: Snippet) => void }) {
  const [query, setQuery] = useState('');
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => void api.listSnippets({ query }).then(setSnippets, () => setSnippets([])), 150);
    return () => clearTimeout(timer);
  }, [query]);
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="snippet-title">
      <DialogTitle id="snippet-title">Chèn đoạn mẫu</DialogTitle>
      <DialogContent>
        <TextField autoFocus label="Tìm đoạn mẫu" value={query} onChange={(e) => setQuery(e.target.value)} sx={{ mt: 1 }} />
        {snippets.length === 0 && <Typography sx={{ mt: 2 }} color="text.secondary">Không có đoạn mẫu nào khớp.</Typography>}
        <List>
          {snippets.map((s) => (
            <ListItemButton key={s.id} onClick={() => props.onPick(s)}>
              <ListItemText primary={s.title} secondary={s.text} />
            </ListItemButton>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Đóng</Button>
      </DialogActions>
    </Dialog>
  );
}
