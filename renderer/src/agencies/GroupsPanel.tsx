import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { AgencyGroupInputSchema, type Agency, type AgencyGroup, type AgencyGroupInput } from '../../../shared/agencies';
import { maxLengthOf } from '../../../shared/fields';
import { api } from '../api';
import { EditDialog } from '../components/EditDialog';
import { IntegerField } from '../components/IntegerField';
import { useInvalidFields } from '../components/useInvalidFields';
import { LimitedTextField } from '../components/LimitedTextField';
import { useDirty } from '../components/useDirty';
import { fieldErrors } from '../errors';

function GroupDialog(props: { initial: AgencyGroupInput; agencies: Agency[]; onClose: () => void; onSaved: () => void }) {
  const [form, setForm] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const members = props.agencies.filter((a) => form.memberIds.includes(a.id));
  const dirty = useDirty(form);
  const invalid = useInvalidFields();
  async function save() {
    if (invalid.first) return setFailure(`Chưa lưu — ${invalid.first}`);
    try {
      await api.saveAgencyGroup(form);
      props.onSaved();
    } catch (err) {
      setErrors(fieldErrors(err));
      setFailure((err as Error).message);
    }
  }
  return (
    <EditDialog dirty={dirty} onClose={props.onClose} maxWidth="sm" fullWidth aria-labelledby="group-title">
      <DialogTitle id="group-title">{form.id ? 'Sửa nhóm cơ quan' : 'Thêm nhóm cơ quan'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && <Alert severity="error">{failure}</Alert>}
          <LimitedTextField
            max={maxLengthOf(AgencyGroupInputSchema, 'name') ?? 200}
            label="Tên nhóm (như in trong Nơi nhận)"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={Boolean(errors.name)}
            helperText={errors.name ?? 'Ví dụ: Các sở, ban, ngành thuộc tỉnh'}
          />
          <IntegerField label="Thứ tự" required value={form.protocolOrder} onChange={(n) => n !== null && setForm({ ...form, protocolOrder: n })} onInvalid={(m) => invalid.report('Thứ tự', m)} />
          <Autocomplete
            multiple
            options={props.agencies.filter((a) => a.active)}
            value={members}
            getOptionLabel={(a) => a.shortName}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            onChange={(_e, value) => setForm({ ...form, memberIds: value.map((a) => a.id) })}
            renderInput={(params) => <TextField {...params} label="Các cơ quan trong nhóm" helperText="Dùng khi giao nhiệm vụ hoặc nhắc báo cáo cho cả nhóm" />}
            noOptionsText="Không có cơ quan phù hợp"
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" onClick={() => void save()}>
          Lưu
        </Button>
      </DialogActions>
    </EditDialog>
  );
}

/** Groups print as one Nơi nhận line and expand to their members when tasks are assigned. */
export function GroupsPanel() {
  const [groups, setGroups] = useState<AgencyGroup[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [editing, setEditing] = useState<AgencyGroupInput>();
  const [failure, setFailure] = useState<string>();
  const reload = useCallback(async () => {
    const [g, a] = await Promise.all([api.listAgencyGroups({}), api.listAgencies({ query: '', tier: null, includeInactive: true })]);
    setGroups(g);
    setAgencies(a);
  }, []);
  useEffect(() => {
    reload().catch((err: Error) => setFailure(err.message));
  }, [reload]);
  return (
    <Stack spacing={2}>
      <div>
        <Button variant="contained" onClick={() => setEditing({ name: '', protocolOrder: 100, memberIds: [] })}>
          Thêm nhóm
        </Button>
      </div>
      {failure && (
        <Alert severity="error" onClose={() => setFailure(undefined)}>
          {failure}
        </Alert>
      )}
      <Paper variant="outlined">
        <Table size="small" aria-label="Nhóm cơ quan">
          <TableHead>
            <TableRow>
              <TableCell>Tên nhóm</TableCell>
              <TableCell>Thành viên</TableCell>
              <TableCell align="right">Thao tác</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {groups.length === 0 && (
              <TableRow>
                <TableCell colSpan={3}>
                  <Typography color="text.secondary">Chưa có nhóm nào.</Typography>
                </TableCell>
              </TableRow>
            )}
            {groups.map((g) => (
              <TableRow key={g.id}>
                <TableCell sx={{ fontWeight: 600 }}>{g.name}</TableCell>
                <TableCell>
                  {g.memberIds.length} cơ quan
                  <Typography variant="caption" component="div" color="text.secondary">
                    {agencies
                      .filter((a) => g.memberIds.includes(a.id))
                      .map((a) => a.shortName)
                      .join(', ')}
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setEditing(g)}>
                    Sửa
                  </Button>
                  <Button
                    size="small"
                    color="error"
                    onClick={() => {
                      if (window.confirm(`Xóa nhóm "${g.name}"?`)) api.deleteAgencyGroup({ id: g.id }).then(reload, (err: Error) => setFailure(err.message));
                    }}
                  >
                    Xóa
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {editing && (
        <GroupDialog
          initial={editing}
          agencies={agencies}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      )}
    </Stack>
  );
}
