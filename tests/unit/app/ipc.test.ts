import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents, FakeWebFrame, fakeElectron, resetFakeElectron } from './fake-electron';
import { apiMethodPaths, type ProgressEvent } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { APP_ENTRY_URL } from '../../../main/app/app-protocol';
import { forwardProgress, registerApiHandlers } from '../../../main/app/ipc';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const searchCalls: { query: string; user: string }[] = [];

/** The part of the core these tests call; a real dispatcher validates and routes to it. */
const handlers = {
  system: { health: async () => ({ status: 'ok', version: '0.1.0-test', source: { kind: 'embedded', name: 'Demo graph', accountCount: 3 } }) },
  graph: {
    search: async ({ query }: { query: string }, { user }: { user: string }) => {
      searchCalls.push({ query, user });
      return { hits: [{ node: { id: 'account:U1', kind: 'account', label: 'U1', properties: {} }, matchedOn: 'userId' }] };
    },
    expand: async (_input: unknown, { progress }: { progress: (done: number, total: number | null) => void }) => {
      progress(25, 50);
      return { centerId: 'account:U1', nodes: [], edges: [], totalNeighbours: 0, nextOffset: null };
    },
  },
} as unknown as ApiHandlers;

function appWindowContents() {
  const contents = new FakeWebContents(new FakeSession());
  contents.mainFrame.url = APP_ENTRY_URL;
  return contents;
}

function setUp() {
  const dispatcher = new ApiDispatcher(handlers);
  const contents = appWindowContents();
  registerApiHandlers(dispatcher, { user: () => 'ana', appWebContents: () => contents as never });
  const invoke = (channel: string, input: unknown, event: Record<string, unknown> = { sender: contents, senderFrame: contents.mainFrame }) =>
    fakeElectron.ipcMain.handlers.get(channel)!(event as never, input as never) as Promise<unknown>;
  return { dispatcher, contents, invoke };
}

describe('the IPC shell', () => {
  beforeEach(() => {
    resetFakeElectron();
    searchCalls.length = 0;
  });

  it('registers exactly one channel per contract method', () => {
    setUp();
    const channels = [...fakeElectron.ipcMain.handlers.keys()];
    expect(channels.sort()).toEqual(apiMethodPaths.map(({ path }) => `ringscope:${path}`).sort());
    expect(channels).toContain('ringscope:graph.search');
  });

  it("answers a valid call from the app window with the core's value, made as the investigator", async () => {
    const { invoke } = setUp();
    const envelope = await invoke('ringscope:graph.search', { query: 'U1' });
    expect(envelope).toMatchObject({ ok: true, value: { hits: [{ node: { id: 'account:U1' }, matchedOn: 'userId' }] } });
    expect(searchCalls).toEqual([{ query: 'U1', user: 'ana' }]);
  });

  it('rejects an invalid argument with an invalid_input error naming the field, without reaching the core', async () => {
    const { invoke } = setUp();
    const envelope = (await invoke('ringscope:graph.search', { query: 'U1', limit: 5000 })) as { ok: false; error: { code: string; fields: { path: string }[] } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('invalid_input');
    expect(envelope.error.fields.map((field) => field.path)).toEqual(['limit']);
    expect(searchCalls).toEqual([]);
  });

  it('refuses calls from an embedded frame, another page, another window or a vanished frame', async () => {
    const { contents, invoke } = setUp();
    const otherWindow = appWindowContents();
    const senders = {
      'child frame of the app': { sender: contents, senderFrame: new FakeWebFrame(APP_ENTRY_URL) },
      'navigated-away page': { sender: contents, senderFrame: Object.assign(contents.mainFrame, { url: 'https://evil.example/' }) },
      'another window': { sender: otherWindow, senderFrame: otherWindow.mainFrame },
      'destroyed frame': { sender: contents, senderFrame: null },
    };
    for (const [who, event] of Object.entries(senders)) {
      const envelope = await invoke('ringscope:graph.search', { query: 'U1' }, event);
      expect(envelope, who).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(searchCalls).toEqual([]);
  });

  it('refuses calls while no RingScope window is open', async () => {
    const dispatcher = new ApiDispatcher(handlers);
    registerApiHandlers(dispatcher, { user: () => 'ana', appWebContents: () => null });
    const stray = appWindowContents();
    const envelope = await fakeElectron.ipcMain.handlers.get('ringscope:system.health')!({ sender: stray, senderFrame: stray.mainFrame } as never);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards progress of a running task to the window until told to stop', async () => {
    const { dispatcher, contents, invoke } = setUp();
    const stop = forwardProgress(dispatcher, contents as never);
    await invoke('ringscope:graph.expand', { nodeId: 'account:U1', taskId: 'expand-1' });
    const events = contents.sent.filter(({ channel }) => channel === 'ringscope:progress').map(({ payload }) => payload as ProgressEvent);
    expect(events).toEqual([
      { taskId: 'expand-1', step: 'working', done: 25, total: 50, state: 'running' },
      { taskId: 'expand-1', step: 'done', done: 1, total: 1, state: 'done' },
    ]);

    stop();
    await invoke('ringscope:graph.expand', { nodeId: 'account:U1', taskId: 'expand-2' });
    expect(contents.sent).toHaveLength(2);
  });

  it('stops sending progress to a window that has been destroyed', async () => {
    const { dispatcher, contents, invoke } = setUp();
    forwardProgress(dispatcher, contents as never);
    contents.destroyed = true;
    await expect(invoke('ringscope:graph.expand', { nodeId: 'account:U1', taskId: 'expand-3' })).resolves.toMatchObject({ ok: true });
    expect(contents.sent).toEqual([]);
  });
});
