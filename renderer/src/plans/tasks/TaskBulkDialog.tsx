import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { AgencyRef, Deadline, TaskInput } from '../../../../shared/plans';
import { DeadlineEditor } from '../DeadlineEditor';
import { RefPicker, type RefOption } from '../RefPicker';

/** One lead or one deadline for every selected task. */
export function TaskBulkDialog(props: { kind: 'lead' | 'deadline'; options: RefOption[]; year: number; count: number; onClose: () => void; onApply: (patch: Partial<TaskInput>) => void }) {
  const [lead, setLead] = useState<AgencyRef | null>(null);
  const [deadline, setDeadline] = useState<Deadline>({ kind: 'thuong-xuyen' });
  const [invalid, setInvalid] = useState<string | null>(null);
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{props.kind === 'lead' ? `Đổi cơ quan chủ trì của ${props.count} nhiệm vụ` : `Đổi thời gian của ${props.count} nhiệm vụ`}</DialogTitle>
      <DialogContent>
        <Stack sx={{ pt: 1 }}>
          {props.kind === 'lead' ? <RefPicker label="Cơ quan chủ trì" options={props.options} value={lead} onChange={setLead} /> : <DeadlineEditor value={deadline} year={props.year} onChange={setDeadline} onInvalid={setInvalid} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Hủy</Button>
        <Button variant="contained" disabled={props.kind === 'lead' ? !lead : invalid !== null} onClick={() => props.onApply(props.kind === 'lead' ? { lead } : { deadline })}>
          Áp dụng
        </Button>
      </DialogActions>
    </Dialog>
  );
}
