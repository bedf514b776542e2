import { ipcMain, type WebFrameMain } from 'electron';
import { REQUEST_NAMES, ipcChannel } from '../shared/api';
import type { Dispatch } from './services/dispatch';

/** Binds every request of the contract to the dispatcher, refusing messages from any frame but ours. */
export function registerIpc(dispatch: Dispatch, isTrustedFrame: (frame: WebFrameMain | null) => boolean): void {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Yêu cầu đến từ nguồn không tin cậy và đã bị từ chối.' } };
      }
      return dispatch(name, input);
    });
  }
}
