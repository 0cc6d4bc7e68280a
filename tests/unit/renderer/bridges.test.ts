import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiMethodPaths, type ApiEnvelope, type ProgressEvent } from '../../../main/api';
import { createBrowserBridge } from '../../../renderer/api/browser-bridge';
import { createDesktopBridge, type RingScopePreloadBridge } from '../../../renderer/api/desktop-bridge';

const health = { status: 'ok', version: '1.2.3', source: { kind: 'embedded', name: 'Demo graph', accountCount: 10 } };
const invalidQuery: ApiEnvelope<never> = {
  ok: false,
  error: { code: 'invalid_input', reason: 'input_invalid', message: 'Invalid input for graph.search — query: too short', fields: [{ path: 'query', message: 'too short' }] },
};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** An EventSource stand-in that lets the test push server-sent events. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: { data: string }) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  push(type: string, data: string) {
    this.listeners.get(type)?.forEach((listener) => listener({ data }));
  }
}

function browserBridge(fetchImpl: (url: string, init: RequestInit) => Promise<Response>, baseUrl = 'http://127.0.0.1:5178') {
  const fetchMock = vi.fn(fetchImpl);
  const api = createBrowserBridge(baseUrl, { fetch: fetchMock as unknown as typeof fetch, EventSource: FakeEventSource as unknown as typeof EventSource });
  return { api, fetchMock };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('browser bridge', () => {
  it('posts each call as JSON to /api/<area>/<method> and returns the unwrapped value', async () => {
    const { api, fetchMock } = browserBridge(async () => jsonResponse(200, { ok: true, value: { hits: [] } }));
    await expect(api.graph.search({ query: 'U0000042' })).resolves.toEqual({ hits: [] });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://127.0.0.1:5178/api/graph/search');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ query: 'U0000042' });
  });

  it('offers every method of the contract, so a new method needs no bridge change', async () => {
    const { api, fetchMock } = browserBridge(async () => jsonResponse(200, { ok: true, value: {} }));
    for (const { area, name } of apiMethodPaths) {
      await (api as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[area][name]({});
    }
    expect(fetchMock.mock.calls.map(([url]) => new URL(url).pathname)).toEqual(apiMethodPaths.map(({ area, name }) => `/api/${area}/${name}`));
  });

  it('sends an empty object when a method is called without input', async () => {
    const { api, fetchMock } = browserBridge(async () => jsonResponse(200, { ok: true, value: health }));
    await (api.system.health as unknown as () => Promise<unknown>)();
    expect(fetchMock.mock.calls[0][1].body).toBe('{}');
  });

  it('throws a validation failure as an ApiError with its code and fields', async () => {
    const { api } = browserBridge(async () => jsonResponse(400, invalidQuery));
    const error = await rejection(api.graph.search({ query: 'x' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual([{ path: 'query', message: 'too short' }]);
    expect(error.message).toContain('query: too short');
  });

  it('reports an unreachable server as unavailable, naming where it looked', async () => {
    const { api } = browserBridge(async () => {
      throw new TypeError('fetch failed');
    });
    const error = await rejection(api.system.health({}));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('Cannot reach RingScope at http://127.0.0.1:5178');
  });

  it('reports an answer that is not an envelope (a proxy error page) as unavailable', async () => {
    const { api } = browserBridge(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await rejection(api.system.health({}));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('HTTP 502');
  });

  it('rejects JSON that is not an envelope instead of returning it as a value', async () => {
    const { api } = browserBridge(async () => jsonResponse(200, { status: 'ok' }));
    expect((await rejection(api.system.health({}))).code).toBe('internal');
  });

  it('delivers progress events from one shared stream and closes it when the last listener leaves', () => {
    FakeEventSource.opened = [];
    const { api } = browserBridge(async () => jsonResponse(200, { ok: true, value: {} }));
    const first: ProgressEvent[] = [];
    const second: ProgressEvent[] = [];
    const stopFirst = api.events.onProgress((event) => first.push(event));
    const stopSecond = api.events.onProgress((event) => second.push(event));
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual(['http://127.0.0.1:5178/api/events']);
    const stream = FakeEventSource.opened[0];

    const event: ProgressEvent = { taskId: 'expand-1', step: 'neighbours.load', done: 50, total: 120, state: 'running' };
    stream.push('progress', JSON.stringify(event));
    stream.push('progress', 'not json');
    stream.push('progress', JSON.stringify({ taskId: 'expand-1' }));
    expect(first).toEqual([event]);
    expect(second).toEqual([event]);

    stopFirst();
    expect(stream.closed).toBe(false);
    stopSecond();
    expect(stream.closed).toBe(true);
  });
});

function fakePreload(overrides: Partial<Record<string, Record<string, (input: unknown) => Promise<unknown>>>> = {}) {
  const progressListeners = new Set<(event: ProgressEvent) => void>();
  const calls: { path: string; input: unknown }[] = [];
  const areas: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const { area, name } of apiMethodPaths) {
    areas[area] ??= {};
    areas[area][name] =
      overrides[area]?.[name] ??
      (async (input: unknown) => {
        calls.push({ path: `${area}.${name}`, input });
        return { ok: true, value: { echoed: input } };
      });
  }
  const bridge = {
    ...areas,
    events: {
      onProgress(listener: (event: ProgressEvent) => void) {
        progressListeners.add(listener);
        return () => progressListeners.delete(listener);
      },
    },
  } as unknown as RingScopePreloadBridge;
  return { bridge, calls, progressListeners };
}

describe('desktop bridge', () => {
  it('calls the preload method of the same area and name and unwraps its envelope', async () => {
    const { bridge, calls } = fakePreload();
    const api = createDesktopBridge(bridge);
    await expect(api.graph.expand({ nodeId: 'account:U1', limit: 50 })).resolves.toEqual({ echoed: { nodeId: 'account:U1', limit: 50 } });
    expect(calls).toEqual([{ path: 'graph.expand', input: { nodeId: 'account:U1', limit: 50 } }]);
  });

  it('throws a validation failure as an ApiError with its code and fields', async () => {
    const { bridge } = fakePreload({ graph: { search: async () => invalidQuery } });
    const error = await rejection(createDesktopBridge(bridge).graph.search({ query: '' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual([{ path: 'query', message: 'too short' }]);
  });

  it('reports a failed IPC channel as unavailable rather than a raw Electron error', async () => {
    const { bridge } = fakePreload({
      system: {
        health: async () => {
          throw new Error("Error invoking remote method 'system.health': reply was never sent");
        },
      },
    });
    const error = await rejection(createDesktopBridge(bridge).system.health({}));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('system.health');
  });

  it('forwards progress listeners to the preload and unsubscribes through it', () => {
    const { bridge, progressListeners } = fakePreload();
    const received: ProgressEvent[] = [];
    const stop = createDesktopBridge(bridge).events.onProgress((event) => received.push(event));
    const event: ProgressEvent = { taskId: 't1', step: 'done', done: 1, total: 1, state: 'done' };
    progressListeners.forEach((listener) => listener(event));
    expect(received).toEqual([event]);
    stop();
    expect(progressListeners.size).toBe(0);
  });

  it('refuses to start without a preload bridge', () => {
    expect(() => createDesktopBridge(undefined)).toThrow(/window\.ringscope/);
  });
});
