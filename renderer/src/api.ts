import { REQUEST_NAMES, unwrap, type ApiClient, type BridgeApi, type Envelope, type RequestName } from '../../shared/api';

const TOKEN_KEY = 'noivu-token';

/** Browser mode: the server printed an address carrying a per-run token; keep it for this tab. */
function webToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Send = (name: RequestName, input: unknown) => Promise<Envelope<unknown>>;

function httpSend(): Send {
  const token = webToken();
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-NoiVu-Token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new Error('Không kết nối được với NoiVu Desk. Hãy kiểm tra chương trình còn đang chạy.');
    }
    return (await response.json()) as Envelope<unknown>;
  };
}

function bridgeSend(bridge: BridgeApi): Send {
  return (name, input) => (bridge[name] as (input: unknown) => Promise<Envelope<unknown>>)(input);
}

function createClient(send: Send): ApiClient {
  const entries = REQUEST_NAMES.map((name) => [name, async (input: unknown) => unwrap(await send(name, input))]);
  return Object.fromEntries(entries) as ApiClient;
}

/** The one way the renderer reaches the main process: IPC in the desktop app, HTTP in browser mode. */
export const api: ApiClient = createClient(window.noivu ? bridgeSend(window.noivu) : httpSend());
