/** What the last save of an editor did. */
export type SaveState =
  | { kind: 'untouched' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** `fields`: the refused fields by path ("title", "tasks.3.content"), for the inputs to show beside them. */
  | { kind: 'failed'; reason: string; fields: Record<string, string> };

export interface SaveLine {
  text: string;
  tone: 'ok' | 'pending' | 'error';
}

const firstLine = (s: string) => s.split('\n')[0]!.trim();

/**
 * The one line an editor shows about its content, always the true state: a refused or failed save
 * wins over everything until a later save succeeds; then a save under way; then unsaved changes.
 */
export function saveLine(state: SaveState, pending: boolean, stopped?: string): SaveLine {
  if (stopped) return { text: `Chưa lưu: ${firstLine(stopped)} — đã dừng tự lưu`, tone: 'error' };
  if (state.kind === 'failed') return { text: `Chưa lưu: ${firstLine(state.reason)}`, tone: 'error' };
  if (state.kind === 'saving') return { text: 'Đang lưu…', tone: 'pending' };
  if (pending) return { text: 'Có thay đổi chưa lưu', tone: 'pending' };
  if (state.kind === 'saved') return { text: `Đã lưu lúc ${state.at}`, tone: 'ok' };
  return { text: 'Đã lưu, chưa có thay đổi', tone: 'ok' };
}
