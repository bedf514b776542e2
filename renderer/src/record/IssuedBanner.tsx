import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';
import { formatVnDate, formatVnDateTime } from '../../../shared/dates';
import { formatNumberCode, type IssuedCopy, type RecordRef } from '../../../shared/record';
import { api } from '../api';

/** On an issued record: this is the copy as issued (number, date, who, when, hash prefix). */
export function IssuedBanner(props: { record: RecordRef; revision: number }) {
  const [copy, setCopy] = useState<IssuedCopy | null>(null);
  const { recordType, id } = props.record;
  useEffect(() => {
    let live = true;
    api.getRecordHistory({ recordType, id }).then((h) => live && setCopy(h.copies.find((c) => c.withdrawnAt === null) ?? null), () => undefined);
    return () => {
      live = false;
    };
  }, [recordType, id, props.revision]);
  if (!copy) return null;
  return (
    <Alert severity="success" sx={{ mb: 2 }} data-testid="issued-banner">
      Bản đã ban hành — Số {formatNumberCode(copy.number, copy.code)} ngày {formatVnDate(copy.issuedDate)}
      {copy.issuedBy ? `, do ${copy.issuedBy} ban hành lúc ${formatVnDateTime(copy.issuedAt)}` : ''}
      {copy.sha256 ? `, SHA-256 ${copy.sha256.slice(0, 6)}…` : ' (bản gốc được lưu ở lần xuất đầu tiên)'}. Xuất, xem trước, in đều dùng đúng bản này.
    </Alert>
  );
}
