import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Issuer } from '../../../shared/issuers';
import type { Signer } from '../../../shared/profile';
import { api } from '../api';

const sameSigner = (a: Signer, b: Signer) => JSON.stringify(a) === JSON.stringify(b);
const signerLine = (s: Signer) => [...s.authority, s.title, s.name].join(' / ');

/**
 * The issuing body of a plan or document, in the editor's header: changeable while a draft. Moving to
 * another issuer offers its default signer, without replacing the one on the document unasked.
 */
export function IssuerPicker(props: { issuerId: number | null; readOnly: boolean; signer: Signer; onChange: (issuerId: number, signer?: Signer) => void }) {
  const [issuers, setIssuers] = useState<Issuer[]>([]);
  const [asking, setAsking] = useState<Issuer>();
  useEffect(() => {
    api.listIssuers({}).then(setIssuers, () => setIssuers([]));
  }, []);
  const current = issuers.find((i) => i.id === props.issuerId) ?? issuers.find((i) => i.isDefault);
  if (!current) return null;
  if (props.readOnly || issuers.length < 2) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="issuer-label">
        Cơ quan ban hành: {current.label}
      </Typography>
    );
  }
  function choose(id: number) {
    const next = issuers.find((i) => i.id === id);
    if (!next || next.id === current?.id) return;
    if (sameSigner(next.signer, props.signer)) props.onChange(next.id);
    else setAsking(next);
  }
  return (
    <>
      <TextField select size="small" label="Cơ quan ban hành" value={current.id} onChange={(e) => choose(Number(e.target.value))} sx={{ flex: '0 0 240px' }}>
        {issuers.map((i) => (
          <MenuItem key={i.id} value={i.id}>
            {i.label}
          </MenuItem>
        ))}
      </TextField>
      {asking && (
        <Dialog open onClose={() => setAsking(undefined)}>
          <DialogTitle>Đổi cả người ký?</DialogTitle>
          <DialogContent>
            <Typography gutterBottom>
              Người ký mặc định của {asking.label}: <b>{signerLine(asking.signer)}</b>.
            </Typography>
            <Typography>Người ký đang ghi trên văn bản: {signerLine(props.signer)}.</Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => (props.onChange(asking.id), setAsking(undefined))}>Giữ người ký hiện tại</Button>
            <Button variant="contained" onClick={() => (props.onChange(asking.id, asking.signer), setAsking(undefined))}>
              Dùng người ký của {asking.label}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
