import type { BridgeApi } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts in the desktop app; absent in browser mode. */
    noivu?: BridgeApi;
  }
}
