import { describe, expect, it } from 'vitest';
import { ApiError, type ProgressEvent } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { ApiDispatcher } from '../../../main/core/dispatcher';

/** Handlers whose expand runs until cancelled, reporting progress, to exercise the dispatcher's task handling. */
function slowExpandHandlers(): ApiHandlers {
  const never = () => Promise.reject(new Error('not used in this test'));
  // Only the areas these tests call; the dispatcher looks handlers up by name at run time.
  const handlers: Pick<ApiHandlers, 'system' | 'graph'> = {
    system: { health: never, useDemoIdentity: never },
    graph: {
      search: async ({ query }) => {
        if (query === 'boom') throw new Error('driver exploded: Neo.TransientError at 10.0.0.5');
        return { hits: [] };
      },
      nodeDetails: never,
      subgraph: never,
      paths: never,
      textSearch: never,
      pathLinkTypes: never,
      pathToKnownBad: never,
      transactions: never,
      linkDetails: never,
      followMoney: never,
      expand: async (_input, { signal, progress }) => {
        for (let step = 1; ; step++) {
          progress(step, null, 'neighbours.load');
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (signal.aborted) throw new ApiError('cancelled', 'Cancelled', { reason: 'cancelled' });
          if (step > 2000) throw new Error('was never cancelled');
        }
      },
    },
  };
  return handlers as ApiHandlers;
}

describe('ApiDispatcher', () => {
  it('cancels a running task by its id and reports the cancellation as a progress event', async () => {
    const dispatcher = new ApiDispatcher(slowExpandHandlers());
    const events: ProgressEvent[] = [];
    dispatcher.onProgress((event) => events.push(event));

    const running = dispatcher.call('graph', 'expand', { nodeId: 'account:U1', taskId: 'expand-1' }, { user: 'ana' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const cancel = await dispatcher.call('tasks', 'cancel', { taskId: 'expand-1' }, { user: 'ana' });

    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    const outcome = await running;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(events.some((e) => e.taskId === 'expand-1' && e.state === 'running' && e.done >= 1)).toBe(true);
    expect(events.at(-1)).toMatchObject({ taskId: 'expand-1', state: 'cancelled' });
  });

  it('says a task was not cancelled when nothing with that id is running', async () => {
    const dispatcher = new ApiDispatcher(slowExpandHandlers());
    expect(await dispatcher.call('tasks', 'cancel', { taskId: 'nothing' }, { user: 'ana' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('refuses a second task with the same id while the first runs', async () => {
    const dispatcher = new ApiDispatcher(slowExpandHandlers());
    const first = dispatcher.call('graph', 'expand', { nodeId: 'a', taskId: 'dup' }, { user: 'ana' });
    const second = await dispatcher.call('graph', 'expand', { nodeId: 'a', taskId: 'dup' }, { user: 'ana' });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await dispatcher.call('tasks', 'cancel', { taskId: 'dup' }, { user: 'ana' });
    await first;
  });

  it('turns an unexpected failure into an internal error envelope and logs the full detail', async () => {
    const logged: string[] = [];
    const dispatcher = new ApiDispatcher(slowExpandHandlers(), { log: (line) => logged.push(line) });
    const outcome = await dispatcher.call('graph', 'search', { query: 'boom' }, { user: 'ana' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged.join('\n')).toMatch(/graph\.search failed/);
  });

  it('rejects invalid input before any handler runs', async () => {
    const dispatcher = new ApiDispatcher(slowExpandHandlers());
    const outcome = await dispatcher.call('graph', 'expand', { nodeId: '' }, { user: 'ana' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'nodeId' }] } });
  });
});
