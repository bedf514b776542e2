import os from 'node:os';

/** Who did it, for the history of issued documents: the Windows account at this PC. */
export function currentActor(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return 'không rõ';
  }
}
