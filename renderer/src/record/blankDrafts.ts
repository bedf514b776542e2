import { useEffect, useRef } from 'react';
import type { RecordRef } from '../../../shared/record';
import { api } from '../api';

/**
 * A draft made blank from a menu is removed when the user leaves its editor without changing it,
 * so no empty drafts pile up. Deleting on leave (rather than creating on first change) keeps one
 * editor for new and existing records; the delete carries the revision seen at creation, so the
 * service refuses it as soon as anything was saved (here or in another window).
 */
const KEY = 'noivu-blank-drafts';

function marks(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

function setMarks(m: Record<string, number>): void {
  sessionStorage.setItem(KEY, JSON.stringify(m));
}

export function markBlank(record: RecordRef, revision: number): void {
  setMarks({ ...marks(), [`${record.recordType}:${record.id}`]: revision });
}

/** In an editor: on leaving, deletes the record if it is still the untouched blank draft. */
export function useDiscardUntouched(record: RecordRef, current: () => { revision: number; dirty: boolean }): void {
  const latest = useRef(current);
  latest.current = current;
  const { recordType, id } = record;
  useEffect(
    () => () => {
      const key = `${recordType}:${id}`;
      const all = marks();
      const created = all[key];
      if (created === undefined) return;
      delete all[key];
      setMarks(all);
      const { revision, dirty } = latest.current();
      if (dirty || revision !== created) return;
      const request = recordType === 'plan' ? api.deletePlan({ id, revision }) : api.deleteDraft({ id, revision });
      request.catch(() => undefined); // changed meanwhile: it is kept
    },
    [recordType, id],
  );
}
