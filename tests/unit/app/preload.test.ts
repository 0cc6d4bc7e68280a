import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fake-electron';
import { apiMethodPaths, type ProgressEvent } from '../../../main/api';
import { preloadArguments } from '../../../main/app/ipc';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

type Bridge = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  events: { onProgress(listener: (event: ProgressEvent) => void): () => void };
};

const originalArgv = process.argv;

/** Runs the preload as Electron would in the renderer: fresh module, argv from the main process. */
async function loadPreload(argv: string[] = preloadArguments()): Promise<Bridge> {
  process.argv = [...originalArgv, ...argv];
  vi.resetModules();
  await import('../../../main/app/preload');
  return fakeElectron.contextBridge.exposed.get('ringscope') as Bridge;
}

describe('the preload bridge (window.ringscope)', () => {
  beforeEach(() => resetFakeElectron());
  afterEach(() => {
    process.argv = originalArgv;
  });

  it("exposes exactly the contract's methods, grouped by area, plus events and the file dialogs", async () => {
    const bridge = await loadPreload();
    expect([...fakeElectron.contextBridge.exposed.keys()]).toEqual(['ringscope']);
    const areas = [...new Set(apiMethodPaths.map(({ area }) => area))];
    expect(Object.keys(bridge).sort()).toEqual([...areas, 'events', 'files'].sort());
    expect(Object.keys(bridge.files)).toEqual(['save', 'saveEvidence', 'openWorkspace']);
    for (const area of areas) {
      const names = apiMethodPaths.filter((method) => method.area === area).map(({ name }) => name);
      expect(Object.keys(bridge[area]).sort(), area).toEqual(names.sort());
    }
    expect(Object.keys(bridge.events)).toEqual(['onProgress']);
  });

  it("sends each method's input on that method's own channel and returns the main process's answer", async () => {
    const bridge = await loadPreload();
    for (const { area, name, path } of apiMethodPaths) {
      const input = { probe: path };
      await expect(bridge[area][name](input)).resolves.toEqual({ ok: true, value: { answeredOn: `ringscope:${path}` } });
      expect(fakeElectron.ipcRenderer.invocations.at(-1)).toEqual({ channel: `ringscope:${path}`, args: [input] });
    }
  });

  it('offers no way to reach ipcRenderer or an arbitrary channel', async () => {
    const bridge = await loadPreload();
    const everything = JSON.stringify(bridge, (_key, value) => (typeof value === 'function' ? `fn:${value.name}` : value));
    expect(everything).not.toMatch(/invoke|ipcRenderer|send|channel/i);
    expect('invoke' in bridge).toBe(false);
    expect(Object.values(bridge).some((group) => 'invoke' in group || 'send' in group)).toBe(false);
  });

  it('delivers progress events to a listener until it unsubscribes', async () => {
    const bridge = await loadPreload();
    const received: ProgressEvent[] = [];
    const unsubscribe = bridge.events.onProgress((event) => received.push(event));
    const event: ProgressEvent = { taskId: 'expand-1', step: 'neighbours.load', done: 3, total: 10, state: 'running' };
    fakeElectron.ipcRenderer.deliver('ringscope:progress', event);
    expect(received).toEqual([event]);

    unsubscribe();
    fakeElectron.ipcRenderer.deliver('ringscope:progress', { ...event, done: 4 });
    expect(received).toHaveLength(1);
    expect(fakeElectron.ipcRenderer.listenerCount('ringscope:progress')).toBe(0);
  });

  it('ignores malformed method names smuggled into its arguments', async () => {
    const bridge = await loadPreload(['--ringscope-api-methods=graph.search,__proto__.polluted,graph.search;rm,constructor']);
    expect(Object.keys(bridge).sort()).toEqual(['events', 'files', 'graph']);
    expect(Object.keys(bridge.graph)).toEqual(['search']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
