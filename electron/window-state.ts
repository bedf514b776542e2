import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow } from 'electron';
import { z } from '../shared/validation';
import { writeFileAtomic } from './services/files';

// A hand-edited or damaged file must not put the window off screen, make it zero-sized or huge.
const coordinate = z.number().int().min(-100_000).max(100_000);
const WindowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: z.number().int().min(400).max(20_000), height: z.number().int().min(300).max(20_000) }),
  maximized: z.boolean(),
});

type WindowState = z.output<typeof WindowStateSchema>;

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false };

/** Remembers the window's size and position in <userData>/window-state.json. */
export function loadWindowState(userDataDir: string): WindowState & { file: string } {
  const file = path.join(userDataDir, 'window-state.json');
  let saved: WindowState;
  try {
    saved = WindowStateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { file, ...DEFAULT };
  }
  const area = screen.getDisplayMatching(saved.bounds).workArea;
  const visible =
    saved.bounds.x < area.x + area.width && saved.bounds.x + saved.bounds.width > area.x && saved.bounds.y >= area.y - 10 && saved.bounds.y < area.y + area.height;
  return { file, ...(visible ? saved : { ...DEFAULT, maximized: saved.maximized }) };
}

export function trackWindowState(win: BrowserWindow, file: string): void {
  const save = () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileAtomic(file, Buffer.from(JSON.stringify(state)));
    } catch {
      // Losing the window position is harmless; never block closing for it.
    }
  };
  win.on('close', save);
}
