import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';
import type { RecordRef } from '../../../shared/record';
import { api } from '../api';
import { IssueDialog } from '../components/IssueDialog';
import { HistoryDialog } from './HistoryDialog';
import { WithdrawDialog } from './WithdrawDialog';

/**
 * The lifecycle buttons of an editor: "Ghi số ban hành" on a draft, "Thu hồi để đính chính" on an
 * issued record, "Lịch sử" on both. `beforeIssue` saves pending edits first; `onChanged` reloads.
 */
export function LifecycleButtons(props: {
  record: RecordRef;
  issued: boolean;
  revision: () => number;
  disabled?: boolean;
  beforeIssue?: () => Promise<boolean>;
  onChanged: (message: string) => Promise<void> | void;
  /** After the draft was deleted (only a draft never issued can be). */
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState<'issue' | 'withdraw' | 'history' | 'delete' | null>(null);
  const [everIssued, setEverIssued] = useState(true);
  const [failure, setFailure] = useState<string>();
  const { record } = props;
  const { recordType, id } = record;
  useEffect(() => {
    let live = true;
    api.getRecordHistory({ recordType, id }).then((h) => live && setEverIssued(h.copies.length > 0), () => undefined);
    return () => {
      live = false;
    };
  }, [recordType, id, props.issued]);
  return (
    <>
      {!props.issued && (
        <Button disabled={props.disabled} onClick={() => void (props.beforeIssue ? props.beforeIssue() : Promise.resolve(true)).then((ok) => ok && setOpen('issue'))}>
          Ghi số ban hành
        </Button>
      )}
      {props.issued && <Button onClick={() => setOpen('withdraw')}>Thu hồi để đính chính</Button>}
      <Button onClick={() => setOpen('history')}>Lịch sử</Button>
      {!props.issued && !everIssued && (
        <Button color="error" onClick={() => setOpen('delete')}>
          Xóa dự thảo
        </Button>
      )}
      {open === 'delete' && (
        <Dialog open onClose={() => setOpen(null)} aria-labelledby="delete-title">
          <DialogTitle id="delete-title">Xóa dự thảo?</DialogTitle>
          <DialogContent>
            {failure && <Alert severity="error" sx={{ mb: 1 }}>{failure}</Alert>}
            Dự thảo này chưa ban hành lần nào. Xóa thì không lấy lại được (trừ khi khôi phục bản sao lưu).
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(null)}>Hủy</Button>
            <Button
              color="error"
              variant="contained"
              onClick={() =>
                void (recordType === 'plan' ? api.deletePlan({ id, revision: props.revision() }) : api.deleteDraft({ id, revision: props.revision() })).then(
                  () => {
                    setOpen(null);
                    props.onDeleted();
                  },
                  (err: Error) => setFailure(err.message),
                )
              }
            >
              Xóa
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {open === 'issue' && (
        <IssueDialog
          record={record}
          onClose={() => setOpen(null)}
          onIssue={async (number, date, keepNumber) => {
            await api.issueRecord({ ...record, revision: props.revision(), number, date, keepNumber });
            setOpen(null);
            await props.onChanged('Đã ban hành và lưu bản gốc.');
          }}
        />
      )}
      {open === 'withdraw' && (
        <WithdrawDialog
          onClose={() => setOpen(null)}
          onWithdraw={async (reason) => {
            await api.withdrawRecord({ ...record, revision: props.revision(), reason });
            setOpen(null);
            await props.onChanged('Đã thu hồi để đính chính; bản đã ban hành vẫn còn trong Lịch sử.');
          }}
        />
      )}
      {open === 'history' && <HistoryDialog record={record} onClose={() => setOpen(null)} />}
    </>
  );
}
