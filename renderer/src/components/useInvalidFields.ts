import { useCallback, useState } from 'react';

/**
 * Fields whose typed text is not a valid value yet (e.g. "31/02/2022"). A form refuses to save
 * while any is listed, naming the first, instead of saving the last valid value.
 */
/** Keyed by the field's label, so the refusal names the field. */
export function useInvalidFields() {
  const [messages, setMessages] = useState<Record<string, string>>({});
  const report = useCallback((field: string, message: string | null) => {
    setMessages((all) => {
      if ((all[field] ?? null) === message) return all;
      const next = { ...all };
      if (message === null) delete next[field];
      else next[field] = message;
      return next;
    });
  }, []);
  const entry = Object.entries(messages)[0];
  /** "Hiệu lực từ: Ngày không hợp lệ: 31/02/2022" — the field's label, then what is wrong. */
  const first = entry ? `${entry[0]}: ${entry[1]}` : undefined;
  return { report, first, any: first !== undefined };
}
