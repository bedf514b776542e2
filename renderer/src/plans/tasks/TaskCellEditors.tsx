import Autocomplete from '@mui/material/Autocomplete';
import InputBase from '@mui/material/InputBase';
import TextField from '@mui/material/TextField';
import { useGridApiContext, type GridRenderEditCellParams } from '@mui/x-data-grid';
import { useState, type KeyboardEvent } from 'react';

export interface Choice {
  label: string;
  kind: string;
}

/** Several lines: Enter commits (the grid's), Shift+Enter starts a new line. */
export function MultilineEditCell(params: GridRenderEditCellParams) {
  const api = useGridApiContext();
  return (
    <InputBase
      multiline
      autoFocus
      fullWidth
      value={params.value ?? ''}
      inputProps={{ 'aria-label': params.colDef.headerName }}
      onFocus={(e) => {
        const el = e.target as HTMLTextAreaElement;
        el.setSelectionRange(el.value.length, el.value.length);
      }}
      onChange={(e) => void api.current.setEditCellValue({ id: params.id, field: params.field, value: e.target.value })}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.shiftKey) e.stopPropagation();
      }}
      sx={{ px: 1, py: 0.5, fontSize: 14, alignItems: 'flex-start' }}
    />
  );
}

/**
 * One name typed or picked from the registry (or a component from the index). What is typed is
 * kept as typed; the grid matches it when the edit is committed.
 */
export function ChoiceEditCell(params: GridRenderEditCellParams & { choices: Choice[] }) {
  const api = useGridApiContext();
  const [open, setOpen] = useState(false);
  const set = (value: string) => api.current.setEditCellValue({ id: params.id, field: params.field, value });
  return (
    <Autocomplete
      freeSolo
      fullWidth
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={params.choices.map((c) => c.label)}
      groupBy={(label) => params.choices.find((c) => c.label === label)?.kind ?? ''}
      inputValue={params.value ?? ''}
      onInputChange={(_e, v, reason) => reason !== 'reset' && void set(v)}
      onChange={(e, v) => {
        if (typeof v !== 'string') return;
        // Enter goes on to the grid, which commits this value; a click on an option commits here.
        void set(v);
        if (e.type === 'click') api.current.stopCellEditMode({ id: params.id, field: params.field });
      }}
      renderInput={(p) => (
        <TextField
          {...p}
          autoFocus
          variant="standard"
          slotProps={{ ...p.slotProps, htmlInput: { ...p.slotProps.htmlInput, 'aria-label': params.colDef.headerName } }}
        />
      )}
      sx={{ px: 1 }}
    />
  );
}

/** Several names: chips; Enter adds the typed name, Enter on an empty box commits the cell. */
export function ChoicesEditCell(params: GridRenderEditCellParams & { choices: Choice[] }) {
  const api = useGridApiContext();
  const [chips, setChips] = useState<string[]>(() =>
    String(params.value ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  // The cell's value is the chips and what is being typed, so leaving the cell keeps a name not yet entered.
  const publish = (names: string[], typed: string) =>
    void api.current.setEditCellValue({ id: params.id, field: params.field, value: [...names, typed.trim()].filter(Boolean).join('; ') });
  return (
    <Autocomplete
      multiple
      freeSolo
      fullWidth
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={params.choices.map((c) => c.label)}
      groupBy={(label) => params.choices.find((c) => c.label === label)?.kind ?? ''}
      value={chips}
      inputValue={input}
      onInputChange={(_e, v, reason) => {
        setInput(v);
        if (reason === 'input') publish(chips, v);
      }}
      onChange={(_e, v) => {
        setChips(v);
        publish(v, '');
      }}
      renderInput={(p) => (
        <TextField
          {...p}
          autoFocus
          variant="standard"
          slotProps={{ ...p.slotProps, htmlInput: { ...p.slotProps.htmlInput, 'aria-label': params.colDef.headerName } }}
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key === 'Enter' && (open || input.trim() !== '')) e.stopPropagation();
          }}
        />
      )}
      sx={{ px: 1 }}
    />
  );
}
