// Runs sandboxed, with context isolation: exposes one function per request of the contract and
// nothing else (no ipcRenderer, no Node).
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeApi } from '../shared/api';
import { REQUEST_NAMES, ipcChannel } from '../shared/request-names';

const bridge = Object.fromEntries(
  REQUEST_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as BridgeApi;

contextBridge.exposeInMainWorld('noivu', Object.freeze(bridge) satisfies BridgeApi);
