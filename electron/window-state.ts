import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false };

/** Remembers the window's size and position in <userData>/window-state.json. */
export function loadWindowState(userDataDir: string): WindowState & { file: string } {
  const file = path.join(userDataDir, 'window-state.json');
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as WindowState;
    const area = screen.getDisplayMatching(saved.bounds).workArea;
    const visible =
      saved.bounds.x < area.x + area.width && saved.bounds.x + saved.bounds.width > area.x && saved.bounds.y >= area.y - 10 && saved.bounds.y < area.y + area.height;
    return { file, ...(visible ? saved : { ...DEFAULT, maximized: saved.maximized }) };
  } catch {
    return { file, ...DEFAULT };
  }
}

export function trackWindowState(win: BrowserWindow, file: string): void {
  const save = () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      fs.writeFileSync(file, JSON.stringify(state));
    } catch {
      // Losing the window position is harmless; never block closing for it.
    }
  };
  win.on('close', save);
}
