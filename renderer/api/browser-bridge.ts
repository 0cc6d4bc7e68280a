import { ApiError, ProgressEvent } from '../../main/api';
import type { Api } from '../../main/api';
import { buildApi, unwrapEnvelope } from './envelope';

/** What the browser bridge needs from its environment; tests pass fakes. */
export interface BrowserBridgeDependencies {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
}

/**
 * The Api over HTTP, for browser mode (`npm run serve`): each method is `POST /api/<area>/<method>`
 * with a JSON body and an envelope answer; progress arrives as Server-Sent Events on /api/events.
 */
export function createBrowserBridge(
  baseUrl = '',
  dependencies: BrowserBridgeDependencies = { fetch: globalThis.fetch.bind(globalThis), EventSource: globalThis.EventSource },
): Api {
  const serverName = baseUrl || globalThis.location?.origin || 'this address';

  async function call(area: string, name: string, input: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await dependencies.fetch(`${baseUrl}/api/${area}/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      throw new ApiError('unavailable', `Cannot reach RingScope at ${serverName}`, { reason: 'server_unreachable' });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // A proxy error page or a half-closed connection: not an envelope, so not the RingScope server speaking.
      throw new ApiError('unavailable', `RingScope at ${serverName} answered with HTTP ${response.status} and no readable body`, {
        reason: 'server_answer_unreadable',
        params: { status: response.status },
      });
    }
    return unwrapEnvelope(body);
  }

  const listeners = new Set<(event: ProgressEvent) => void>();
  let stream: EventSource | null = null;

  function onProgress(listener: (event: ProgressEvent) => void): () => void {
    listeners.add(listener);
    // One stream for all listeners, opened on first use and closed when nobody listens.
    if (!stream) {
      stream = new dependencies.EventSource(`${baseUrl}/api/events`);
      stream.addEventListener('progress', (message) => {
        const parsed = parseProgress((message as MessageEvent<string>).data);
        if (parsed) listeners.forEach((notify) => notify(parsed));
      });
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && stream) {
        stream.close();
        stream = null;
      }
    };
  }

  return buildApi(call, onProgress);
}

function parseProgress(data: string): ProgressEvent | null {
  try {
    const result = ProgressEvent.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
